import { STOP_WORDS } from '../text/names.ts';

/** A question's words that find nothing: the stop words, and those that shape a question or a request. */
const QUESTION_STOP_WORDS = new Set([
  ...STOP_WORDS,
  ...(
    'or not near at by from with about into over under as is are was were be been being do does did ' +
    'what who whom whose which when where why how these those it he she they them there here ' +
    'has have had will would can could should may might must say said tell me us we you your i my our any some all'
  ).split(' '),
]);

/** The content words of a question, lower-cased, without possessive endings ("Halvorsen's" is "halvorsen"). */
export function questionTerms(question: string): string[] {
  const words =
    question
      .normalize('NFKC')
      .toLowerCase()
      .replace(/(?<=[\p{L}\p{N}])['’‘ʼ]s?(?![\p{L}\p{N}])/gu, '')
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.filter((w) => !QUESTION_STOP_WORDS.has(w) && w.length > 1))].slice(0, 24);
}

/**
 * Builds an FTS5 MATCH expression from free text. Every term is a quoted string, so user input can never be
 * FTS syntax ("AND", "NEAR(", "*", "-", quotes); terms are OR-ed and BM25 ranks sentences with more of them.
 */
export function ftsQuery(question: string, join: 'OR' | 'AND' = 'OR'): string | null {
  const terms = questionTerms(question);
  return terms.length ? terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(` ${join} `) : null;
}
