/** Folds a name for comparison: accents, case, possessives and punctuation removed. */
export function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’']s\b/g, '')
    .replace(/\bu\.?s\.?a?\.?(?=\s|$)/gi, 'united states')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Transliteration variants that news spells differently (Kovalenko / Kovalenkiy, Hassan / Hasan) fold to one form. */
function foldSpelling(token: string): string {
  return token
    .replace(/(.)\1+/g, '$1')
    .replace(/(?:iy|yi|ij|y|i)$/, 'i')
    .replace(/kh/g, 'h');
}

export function nameKey(name: string): string {
  return fold(name).split(' ').filter(Boolean).map(foldSpelling).join(' ');
}

const STOPWORDS = new Set(['the', 'a', 'an', 'of', 'to', 'for', 'on', 'in', 'and', 'its', 'his', 'her', 'their', 'this', 'that']);

/** Content words of a phrase, in order, for proposal and event matching. */
export function phraseKey(phrase: string): string {
  return fold(phrase)
    .split(' ')
    .filter((w) => w && !STOPWORDS.has(w))
    .join(' ');
}

export function overlap(a: string, b: string): number {
  const A = new Set(a.split(' ').filter(Boolean));
  const B = new Set(b.split(' ').filter(Boolean));
  if (!A.size || !B.size) return 0;
  let hit = 0;
  for (const w of A) if (B.has(w)) hit++;
  return hit / Math.min(A.size, B.size);
}

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
  const numbers = (k: string) => k.split(' ').filter((w) => /\d/.test(w)).sort().join(' ');
  if (a.split(' ').length < 2 || b.split(' ').length < 2) return false;
  const na = numbers(a);
  const nb = numbers(b);
  if (na && nb && na !== nb) return false;
  return overlap(a, b) >= 0.75;
}

/**
 * A name's consonant skeleton: vowels after each word's first letter dropped, so transliterations that differ in
 * their vowels ("-yan" / "-ian", "-chivan" / "-chevan") share it.
 */
export function skeletonKey(name: string): string {
  return nameKey(name)
    .split(' ')
    .map((t) => t[0] + t.slice(1).replace(/[aeiouy]/g, ''))
    .join(' ');
}

export interface VariantFacts {
  name: string;
  affiliation?: string | null;
  placeKind?: string | null;
}

/**
 * Two spellings of one name that differ beyond what `nameKey` folds: the same skeleton, a long enough last word,
 * and nothing that tells them apart — people agree on their first name (or one has none) and do not act for two
 * different parties, and a bare surname needs the same affiliation; places are of one kind.
 */
export function sameSpellingVariant(kind: 'person' | 'place' | 'organization', a: VariantFacts, b: VariantFacts): boolean {
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
