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

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
