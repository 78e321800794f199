/** Text helpers shared by the presenters: neutralise pings, escape markdown, clip without breaking characters. */
import { oneLine } from '../text/clip.ts';

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
function neutraliseMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${ZWSP}$1`).replace(/<@([!&]?\d)/g, `<@${ZWSP}$1`);
}

/** Escapes characters Discord reads as markdown, so echoed text shows exactly as written. */
function escapeMarkdown(text: string): string {
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

/** The one clip: between words, never splitting a surrogate pair or an escape (src/text/clip.ts). */
export { clip, oneLine } from '../text/clip.ts';
