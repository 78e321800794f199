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

/** Words that name a kind of proposal but not which one: "a peace agreement" in two stories is two agreements. */
const GENERIC_PROPOSAL_WORDS = new Set(
  (
    'peace agreement agreements deal deals accord accords treaty plan plans proposal proposals ceasefire truce ' +
    'framework final comprehensive draft new permanent interim formal initial joint declaration security ' +
    'trade political economic bilateral the a an of for'
  ).split(' '),
);

/** A proposal key made only of generic words ("peace agreement", "final deal"): it names a kind, not one proposal. */
export function isGenericProposalKey(key: string): boolean {
  return key.split(' ').every((w) => GENERIC_PROPOSAL_WORDS.has(w));
}

/**
 * Whether two documents tell one story, judged by the countries they name: at least two in common, or the only
 * one the smaller side names. Sides with no country cannot be told apart and count as one story.
 */
export function sameStory(countriesA: string[], countriesB: string[]): boolean {
  const a = new Set(countriesA);
  const b = new Set(countriesB);
  if (!a.size || !b.size) return true;
  const shared = [...a].filter((c) => b.has(c)).length;
  return shared >= 2 || shared === Math.min(a.size, b.size);
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
