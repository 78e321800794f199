/** Text helpers shared by the presenters: neutralise pings, escape markdown, clip without breaking characters. */

const ZWSP = '\u200b';
const TAB = 0x09;
const NEWLINE = 0x0a;
/** C0/C1 control characters except tab and newline: they include the ESC that starts terminal escape sequences. */
const isControl = (code: number) =>
  (code <= 0x1f && code !== TAB && code !== NEWLINE) || (code >= 0x7f && code <= 0x9f);

export function stripControl(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isControl(text.charCodeAt(i))) continue;
    out += text.slice(from, i);
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Breaks @everyone, @here, <@id>, <@!id> and <@&id> with a zero-width space so they can never ping. */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${ZWSP}$1`).replace(/<@([!&]?\d)/g, `<@${ZWSP}$1`);
}

export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Escapes characters Discord reads as markdown, so echoed text shows exactly as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\*_~`|[\]<>]/g, '\\$&').replace(/^([#>-]|\d+\.)/gm, '\\$1');
}

/** Plain text (a document title, a name, a sentence) made safe to place inside Discord markdown, on one line. */
export function inlineSafe(text: string): string {
  return escapeMarkdown(neutraliseMentions(oneLine(stripControl(text))));
}

/** Markdown written by the briefing itself: kept as markdown, but never allowed to ping. */
export function markdownSafe(text: string): string {
  return neutraliseMentions(stripControl(text)).trim();
}

/**
 * Cuts `text` to at most `max` UTF-16 units (what discord.js and Discord count), ending with "…".
 * Never splits a surrogate pair and never leaves a dangling escape backslash.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let cut = text.slice(0, max - 1).trimEnd();
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const trailingBackslashes = /\\*$/.exec(cut)![0].length;
  if (trailingBackslashes % 2 === 1) cut = cut.slice(0, -1);
  return `${cut}…`;
}
