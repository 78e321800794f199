import type { DatePrecision } from '../extract/contract.ts';
import { clip, oneLine } from '../text/clip.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAY = /^(?:on\s+|last\s+|this\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;

/** A date at the precision the source gave it: "Nov 5, 2023", "Nov 2025", "2025", or the raw words. */
export function formatDate(iso: string | null, precision: DatePrecision | null, raw: string): string {
  if (iso) {
    const [y, m, d] = iso.split('-').map(Number);
    if (precision === 'year' || !m) return String(y);
    if (precision === 'month' || !d) return `${MONTHS[m - 1]} ${y}`;
    return `${MONTHS[m - 1]} ${d}, ${y}`;
  }
  const weekday = WEEKDAY.exec(raw.trim());
  if (weekday) return `a ${weekday[1][0].toUpperCase()}${weekday[1].slice(1).toLowerCase()}, date not given`;
  return `“${raw.trim()}”, date not given`;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where the first of `words` that occurs stands in `t`: as a whole word if it can be, else anywhere. */
function findTerm(t: string, words: readonly string[]): { at: number; length: number } | null {
  for (const whole of [true, false]) {
    for (const w of words.map((x) => x.trim()).filter(Boolean)) {
      const re = new RegExp(whole ? `(?<![\\p{L}\\p{N}])${escape(w)}(?![\\p{L}\\p{N}])` : escape(w), 'iu');
      const m = re.exec(t);
      if (m) return { at: m.index, length: m[0].length };
    }
  }
  return null;
}

/** At most `max` characters of `t` centred on [at, at + length), slid to stay inside `t`, cut between words. */
function around(t: string, at: number, length: number, max: number): string {
  const room = max - 2; // an ellipsis on each side
  if (length >= room) return `…${clip(t.slice(at), max - 1)}`;
  let start = Math.max(0, Math.min(at - Math.floor((room - length) / 2), t.length - room));
  let end = Math.min(t.length, start + room);
  // A window touching either end of the sentence needs no ellipsis there: the other side gets that character.
  if (start === 0) end = max - 1;
  else if (end === t.length) start = t.length - (max - 1);
  if (start > 0 && t[start - 1] !== ' ') {
    const space = t.indexOf(' ', start);
    start = space >= 0 && space < at ? space + 1 : at;
  }
  if (end < t.length && t[end] !== ' ') {
    const space = t.lastIndexOf(' ', end);
    end = space >= at + length ? space : at + length;
  }
  return `${start > 0 ? '…' : ''}${t.slice(start, end).trim()}${end < t.length ? '…' : ''}`;
}

/**
 * Up to `max` characters of a sentence. When one of `words` (a name and its aliases) occurs, the excerpt is centred
 * on it, so the cut never drops what the sentence is cited for; otherwise it keeps the sentence's start.
 */
export function excerpt(sentence: string, words: string | readonly string[], max: number): string {
  const t = oneLine(sentence);
  if (t.length <= max) return t;
  const hit = findTerm(t, typeof words === 'string' ? [words] : words);
  return hit ? around(t, hit.at, hit.length, max) : clip(t, max);
}

/** A quote without the comma or colon that led into its attribution ("…process," Halvorsen said). */
export function quoteText(text: string, max: number): string {
  return `“${clip(oneLine(text).replace(/[\s,;:]+$/u, ''), max)}”`;
}

export { clip };

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
