/** Runs of whitespace, newlines included, as one space; no space at either end. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** How far back a cut may move to fall between words: a longer word (a URL, a run of letters) is cut inside it. */
const WORD_BACKUP = 24;

/**
 * At most `max` UTF-16 units (what Discord counts), ending with "…" when cut. The cut falls between words when a
 * space is near (a word that fits whole is kept); it never splits a surrogate pair and never leaves a dangling
 * escape backslash. Whitespace is kept as it is: callers that want one line pass one line.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let cut = text.slice(0, max - 1);
  const partial = /\s+\S*$/.exec(cut);
  if (!/\s/.test(text[max - 1]) && partial && partial.index > 0 && cut.length - partial.index <= WORD_BACKUP)
    cut = cut.slice(0, partial.index);
  cut = cut.trimEnd();
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const trailingBackslashes = /\\*$/.exec(cut)![0].length;
  if (trailingBackslashes % 2 === 1) cut = cut.slice(0, -1);
  return `${cut}…`;
}
