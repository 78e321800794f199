/**
 * Words whose period is an abbreviation's, not a sentence end ("Gen.", "Dec.", "Inc."): the sentence splitter does
 * not split after them and the tokenizer keeps the period on the word. One list for both.
 */
export const ABBREVIATIONS: ReadonlySet<string> = new Set(
  (
    'mr mrs ms dr prof gen col lt sgt capt cmdr adm maj gov sen rep rev hon st mt ft jr sr inc ltd co corp ' +
    'vs etc no nos fig jan feb mar apr jun jul aug sep sept oct nov dec approx est dept univ ave blvd ' +
    'pres amb sec min'
  ).split(' '),
);
