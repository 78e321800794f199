import type { Answer, AnswerItem } from '../briefing/answer.ts';

const MAX_MARKERS = 5;

/** The valid citation indexes of an item, without duplicates, in the order given. */
export function citedIndexes(item: AnswerItem, answer: Answer): number[] {
  return [...new Set(item.cite)].filter((i) => Number.isInteger(i) && i >= 0 && i < answer.citations.length);
}

/** " [1, 3]" — 1-based numbers matching the Sources list; "" when nothing is cited. */
export function markers(indexes: number[]): string {
  if (!indexes.length) return '';
  const shown = indexes.slice(0, MAX_MARKERS).map((i) => i + 1);
  return ` [${shown.join(', ')}${indexes.length > MAX_MARKERS ? ', …' : ''}]`;
}

/** Citations that no item refers to: listed anyway, since the briefing gave them as sources. */
export function uncitedIndexes(answer: Answer): Set<number> {
  const cited = new Set(answer.sections.flatMap((s) => s.items.flatMap((item) => item.cite)));
  return new Set(answer.citations.map((_, i) => i).filter((i) => !cited.has(i)));
}
