// Kept over closest() of fastest-levenshtein: typo top-1 304/318 v 302/318, and a cut-off (junk words: 12/20 v 20/20).
import { distance } from 'fastest-levenshtein';
import { fold, nameKey } from '../text/names.ts';

/** A match on one word of a name costs this much more than on the whole name: "Hale" is near "Tom Hale", not equal. */
const WORD_PENALTY = 0.5;
/** Edits per typed character above which a name is no longer a likely misspelling (5 edits in a 9-letter name). */
const MAX_DISTANCE = 0.6;
/** Suggestions shown: enough for a typo with two plausible targets, few enough to read at a glance. */
const SUGGESTIONS = 3;
/** Words of the typed text whose first letters narrow the names read from the store. */
const INITIALS = 4;

/** The names closest to what was typed, for "did you mean" suggestions. */
export function closest(
  query: string,
  names: { id: number; name: string; alias: string }[],
  max = SUGGESTIONS,
): string[] {
  const q = fold(query);
  if (!q) return [];
  const best = new Map<number, { name: string; d: number }>();
  for (const n of names) {
    const a = fold(n.alias);
    const words = a.split(' ');
    const d = Math.min(distance(q, a), ...words.map((w) => distance(q, w) + WORD_PENALTY)) / Math.max(q.length, 1);
    const prev = best.get(n.id);
    if (!prev || d < prev.d) best.set(n.id, { name: n.name, d });
  }
  return [...best.values()]
    .filter((b) => b.d <= MAX_DISTANCE)
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
  ].slice(0, INITIALS);
}

/** "Did you mean **A**, **B**?" when there are suggestions, else `otherwise`. */
/** One typed letter wrong, missing or extra per eight: the same name misspelt, not another name. */
const LETTERS_PER_SLIP = 8;

/** Whether a typed name is the given name misspelt (accents and case aside). */
export function nearlySameName(typed: string, name: string): boolean {
  const a = fold(typed);
  const b = fold(name);
  return distance(a, b) <= Math.max(1, Math.floor(Math.max(a.length, b.length) / LETTERS_PER_SLIP));
}

export function didYouMean(suggestions: string[], otherwise: string): string {
  return suggestions.length ? `Did you mean ${suggestions.map((s) => `**${s}**`).join(', ')}?` : otherwise;
}
