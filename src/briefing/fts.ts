const STOPWORDS = new Set(
  (
    'a an the and or not near of to in on at by for from with about into over under as is are was were be ' +
    'been being do does did ' +
    'what who whom whose which when where why how this that these those it its he she they them his her their ' +
    'there here ' +
    'has have had will would can could should may might must say said tell me us we you your i my our any some all'
  ).split(' '),
);

/** The content words of a question, lower-cased, without possessive endings ("Halvorsen's" is "halvorsen"). */
export function questionTerms(question: string): string[] {
  const words =
    question
      .normalize('NFKC')
      .toLowerCase()
      .replace(/(?<=[\p{L}\p{N}])['’‘ʼ]s?(?![\p{L}\p{N}])/gu, '')
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.filter((w) => !STOPWORDS.has(w) && w.length > 1))].slice(0, 24);
}

/**
 * Builds an FTS5 MATCH expression from free text. Every term is a quoted string, so user input can never be
 * FTS syntax ("AND", "NEAR(", "*", "-", quotes); terms are OR-ed and BM25 ranks sentences with more of them.
 */
export function ftsQuery(question: string, join: 'OR' | 'AND' = 'OR'): string | null {
  const terms = questionTerms(question);
  return terms.length ? terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(` ${join} `) : null;
}
