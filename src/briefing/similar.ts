import { distance } from 'fastest-levenshtein';
import { fold, nameKey } from '../text/names.ts';

/** The names closest to what was typed, for "did you mean" suggestions. */
export function closest(query: string, names: { id: number; name: string; alias: string }[], max = 3): string[] {
  const q = fold(query);
  if (!q) return [];
  const best = new Map<number, { name: string; d: number }>();
  for (const n of names) {
    const a = fold(n.alias);
    const words = a.split(' ');
    const d = Math.min(distance(q, a), ...words.map((w) => distance(q, w) + 0.5)) / Math.max(q.length, 1);
    const prev = best.get(n.id);
    if (!prev || d < prev.d) best.set(n.id, { name: n.name, d });
  }
  return [...best.values()]
    .filter((b) => b.d <= 0.6)
    .sort((a, b) => a.d - b.d)
    .slice(0, max)
    .map((b) => b.name);
}

/** The first letters of the words typed: suggestions are drawn from names that start the same way. */
export function initials(typed: string): string[] {
  return [
    ...new Set(
      nameKey(typed)
        .split(' ')
        .filter(Boolean)
        .map((w) => w[0]),
    ),
  ].slice(0, 4);
}

/** "Did you mean **A**, **B**?" when there are suggestions, else `otherwise`. */
export function didYouMean(suggestions: string[], otherwise: string): string {
  return suggestions.length ? `Did you mean ${suggestions.map((s) => `**${s}**`).join(', ')}?` : otherwise;
}
