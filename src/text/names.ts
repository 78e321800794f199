/** Accents removed ("Zürich" → "Zurich"): the first step of every fold (this one and the tokenizer's key). */
export function unaccent(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

/** Folds a name for comparison: accents, case, possessives and punctuation removed. */
export function fold(s: string): string {
  return unaccent(s)
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

/** The one stop-word list: words that carry no content in a name or phrase. Question search adds its own to it. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  'the a an of to for on in and its his her their this that'.split(' '),
);

/** Content words of a phrase, in order, for proposal and event matching. */
export function phraseKey(phrase: string): string {
  return fold(phrase)
    .split(' ')
    .filter((w) => w && !STOP_WORDS.has(w))
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
 * A name's consonant skeleton: vowels after each word's first letter dropped, so transliterations that differ in
 * their vowels ("-yan" / "-ian", "-chivan" / "-chevan") share it.
 */
export function skeletonKey(name: string): string {
  return nameKey(name)
    .split(' ')
    .map((t) => t[0] + t.slice(1).replace(/[aeiouy]/g, ''))
    .join(' ');
}
