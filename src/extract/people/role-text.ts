import { joinTokens } from '../chunks.ts';
import type { Candidate, CandidateTitle } from './types.ts';

/**
 * A role never holds another person's name: a role read from an appositive ("A, the Army Secretary and
 * Gen. B, arrived") ends before the other person's name and the titles, owners and joining words in front of it.
 */
export function roleText(t: CandidateTitle, c: Candidate, isOtherPerson: (ci: number) => boolean): string {
  if (!t.span) return t.text;
  const { tokens, chunks, chunkAt } = c.s;
  const titleEnd = t.title.end;
  const other = chunks.findIndex(
    (x, m) => x.type === 'name' && x.start >= titleEnd && x.start < t.span!.end && isOtherPerson(m),
  );
  if (other < 0) return t.text;
  let cut = chunks[other].start;
  while (cut > titleEnd) {
    const y = chunkAt[cut - 1] >= 0 ? chunks[chunkAt[cut - 1]] : null;
    if (y && (y.type === 'title' || y.type === 'gaz' || y.type === 'org') && y.start >= titleEnd) cut = y.start;
    else if (tokens[cut - 1].kind === 'punct' || /^(the|a|an|and|or|with)$/.test(tokens[cut - 1].key)) cut--;
    else break;
  }
  return joinTokens(tokens, t.span.start, Math.max(cut, titleEnd));
}
