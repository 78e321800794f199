// Kept over edit distance: fixture gold, 246/274 alias pairs joined, 0/1087 people merged; levenshtein≤0.4: 38/274.
import { nameKey, overlap, skeletonKey } from '../text/names.ts';

/**
 * Two person names refer to the same person when their keys agree, or when one is a bare surname that
 * equals the other's surname. Full names that share a surname but not a first name stay apart
 * (an initial is compatible with the first name it abbreviates).
 */
export function samePersonName(a: string, b: string): boolean {
  const ka = nameKey(a).split(' ');
  const kb = nameKey(b).split(' ');
  if (ka.join(' ') === kb.join(' ')) return true;
  if (ka[ka.length - 1] !== kb[kb.length - 1]) return false;
  if (ka.length === 1 || kb.length === 1) return true;
  const fa = ka[0];
  const fb = kb[0];
  // An initial or a short form of the first name agrees with it: "J. Keller", "Dan Moreau" / "Daniel Moreau".
  const [short, long] = fa.length <= fb.length ? [fa, fb] : [fb, fa];
  return short === long || (long.startsWith(short) && (short.length === 1 || short.length >= 3));
}

/** Two proposal names (as phrase keys) name the same thing: nearly the same words, and the same numbers. */
export function sameProposalKey(a: string, b: string): boolean {
  const numbers = (k: string) =>
    k
      .split(' ')
      .filter((w) => /\d/.test(w))
      .sort()
      .join(' ');
  if (a.split(' ').length < 2 || b.split(' ').length < 2) return false;
  const na = numbers(a);
  const nb = numbers(b);
  if (na && nb && na !== nb) return false;
  return overlap(a, b) >= 0.75;
}

interface VariantFacts {
  name: string;
  affiliation?: string | null;
  placeKind?: string | null;
}

/**
 * Two spellings of one name that differ beyond what `nameKey` folds: the same skeleton, a long enough last word,
 * and nothing that tells them apart — people agree on their first name (or one has none) and do not act for two
 * different parties, and a bare surname needs the same affiliation; places are of one kind.
 */
export function sameSpellingVariant(
  kind: 'person' | 'place' | 'organization',
  a: VariantFacts,
  b: VariantFacts,
): boolean {
  if (skeletonKey(a.name) !== skeletonKey(b.name)) return false;
  const ka = nameKey(a.name).split(' ');
  const kb = nameKey(b.name).split(' ');
  if ((ka.at(-1) ?? '').length < 6 || (kb.at(-1) ?? '').length < 6) return false;
  if (kind === 'place') return !!a.placeKind && a.placeKind === b.placeKind;
  if (kind !== 'person') return false;
  if (a.affiliation && b.affiliation && a.affiliation !== b.affiliation) return false;
  if (ka.length > 1 && kb.length > 1) return ka[0] === kb[0];
  return !!a.affiliation && a.affiliation === b.affiliation;
}
