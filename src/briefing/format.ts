import type { DatePrecision } from '../extract/contract.ts';

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

export function clip(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

/** Up to `max` characters of a sentence, kept around `word` so the cut never drops the word it is cited for. */
export function excerpt(sentence: string, word: string, max: number): string {
  const t = sentence.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const at = t.toLowerCase().indexOf(word.toLowerCase());
  if (at < 0 || at + word.length <= max - 1) return clip(t, max);
  const start = t.lastIndexOf(' ', Math.max(0, at - Math.floor(max / 3))) + 1;
  return `…${clip(t.slice(start), max - 1)}`;
}

/** A quote without the comma or colon that led into its attribution ("…process," Rubio said). */
export function quoteText(text: string, max: number): string {
  return `“${clip(text.replace(/[\s,;:]+$/u, ''), max)}”`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
