/** Text helpers shared by the presenters: neutralise pings, escape markdown, clip without breaking characters. */
import { oneLine } from '../text/clip.ts';

const ZWSP = '\u200b';
// C0/C1 control characters except tab and newline: they include the ESC that starts terminal escape sequences.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function stripControl(text: string): string {
  return text.replace(CONTROL, '');
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
