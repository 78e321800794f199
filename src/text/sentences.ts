export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
}

const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof gen col lt sgt capt cmdr adm maj gov sen rep rev hon st mt ft jr sr inc ltd co corp ' +
    'vs etc no nos fig jan feb mar apr jun jul aug sep sept oct nov dec approx est dept univ ave blvd ' +
    'pres amb sec min'
  ).split(' '),
);
/** Words that start a sentence often enough to split after an acronym such as "U.S." */
const SENTENCE_STARTERS = new Set(
  (
    'the a an he she it they we i but however in on at this that these those there his her their its our ' +
    'after before when while yet so and'
  ).split(' '),
);

const CLOSERS = '"”’\')]»';

/** Splits text into sentences with character offsets into the original text. Paragraph breaks always split. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end > start) out.push({ index: out.length, start, end, text: text.slice(start, end) });
  };
  let start = 0;
  const re = /[.!?…]+/g;
  const paragraph = /\n\s*\n|\n(?=\s*(?:[#*\-•]|\d+[.)]\s))/g;
  const breaks: number[] = [];
  for (let m; (m = paragraph.exec(text));) breaks.push(m.index);
  // A short line without end punctuation (a headline, a dateline, a byline) stands alone.
  const shortLine = /^[^\n]{1,100}[^\s.!?:;,…"”’'\n]\n(?=[^\n])/gm;
  for (let m; (m = shortLine.exec(text));) breaks.push(m.index + m[0].length - 1);
  breaks.sort((a, b) => a - b);
  let bi = 0;
  for (let m; (m = re.exec(text));) {
    let end = m.index + m[0].length;
    while (end < text.length && CLOSERS.includes(text[end])) end++;
    while (bi < breaks.length && breaks[bi] < m.index) {
      if (breaks[bi] > start) {
        push(start, breaks[bi]);
        start = breaks[bi];
      }
      bi++;
    }
    const rest = text.slice(end, end + 40);
    const next = /^(\s+)(["“‘'([]?)(\S+)/.exec(rest);
    if (!next) {
      if (end >= text.length) break;
      continue;
    }
    const nextWord = next[3];
    if (!/^[\p{Lu}\d]/u.test(nextWord) && !next[1].includes('\n')) continue;
    if (m[0] === '.' && !next[1].includes('\n')) {
      const before = /([\p{L}.'’]+)$/u.exec(text.slice(Math.max(0, m.index - 20), m.index))?.[1] ?? '';
      const word = before.toLowerCase();
      if (ABBREVIATIONS.has(word)) continue;
      // an initial: "John F. Kennedy" — but "wrote on X." ends a sentence
      if (/^\p{Lu}$/u.test(before) && !/\b(?:on|via)\s\p{Lu}$/u.test(text.slice(Math.max(0, m.index - 6), m.index)))
        continue;
      if (/^(\p{L}\.)+\p{L}$/u.test(before)) {
        // an acronym with dots: "U.S." ends a sentence only before a typical sentence opener
        const bare = nextWord.replace(/[^\p{L}]/gu, '').toLowerCase();
        if (!SENTENCE_STARTERS.has(bare)) continue;
      }
    }
    push(start, end);
    start = end;
  }
  for (; bi < breaks.length; bi++) {
    if (breaks[bi] > start) {
      push(start, breaks[bi]);
      start = breaks[bi];
    }
  }
  push(start, text.length);
  return out;
}

/** The index of the sentence holding a character offset. */
export function sentenceAt(sentences: Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sentences[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}
