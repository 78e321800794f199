import { joinTokens, type AnalyzedSentence } from '../chunks.ts';
import { isComma } from './candidates.ts';
import { DETERMINERS, type Person } from './types.ts';

/**
 * Who a sentence is about, and definite descriptions ("the French president") that name a person already in
 * the text.
 */
const ANAPHOR_HEADS = new Set([
  'president',
  'vice president',
  'prime minister',
  'premier',
  'chancellor',
  'foreign minister',
  'defence minister',
  'defense minister',
  'secretary of state',
  'secretary general',
  'envoy',
  'aide',
  'spokesman',
  'spokeswoman',
  'ambassador',
  'senator',
  'speaker',
  'governor',
  'king',
  'emir',
  'crown prince',
  'foreign policy chief',
  'negotiator',
  'foreign secretary',
]);
const PREPS = new Set([
  'with',
  'to',
  'by',
  'from',
  'of',
  'for',
  'at',
  'against',
  'on',
  'about',
  'between',
  'after',
  'before',
  'than',
  'like',
  'including',
  'and',
]);

/** "chairman and CEO X": an "and" between two titles of one name. */
function joinsTitles(s: AnalyzedSentence, k: number): boolean {
  if (s.tokens[k].key !== 'and' && s.tokens[k].text !== '&') return false;
  const before = s.chunkAt[k - 1] ?? -1;
  const after = s.chunkAt[k + 1] ?? -1;
  return before >= 0 && after >= 0 && s.chunks[before].type === 'title' && s.chunks[after].type === 'title';
}

/** The person a sentence is about: the first mention that is not a possessive, a complement or after a preposition. */
export function subjectMention(
  s: AnalyzedSentence,
  byChunk: Map<string, number>,
  people: Person[],
  before = Infinity,
): Person | null {
  for (let ci = 0; ci < s.chunks.length; ci++) {
    const c = s.chunks[ci];
    if (c.start >= before) break;
    if (c.type !== 'name') continue;
    const id = byChunk.get(`${s.index}:${ci}`);
    if (id === undefined || c.poss || c.inComplement) continue;
    let k = c.start - 1;
    // walk back over the title, owner and determiners in front of the name
    while (k >= 0) {
      const x = s.chunkAt[k] >= 0 ? s.chunks[s.chunkAt[k]] : null;
      if (x && (x.type === 'title' || x.type === 'gaz' || x.type === 'org')) k = x.start - 1;
      else if (DETERMINERS.has(s.tokens[k].key) || joinsTitles(s, k)) k--;
      else break;
    }
    if (k >= 0 && PREPS.has(s.tokens[k].key)) continue;
    return people[id];
  }
  return null;
}

/**
 * "the French president", "The Norwegian president told reporters": a definite description names a person
 * already in the text; it gives them their role when the text has given none.
 */
export function describeReferents(sentences: AnalyzedSentence[], people: Person[], byChunk: Map<string, number>): void {
  for (const s of sentences) {
    const { tokens, chunks } = s;
    chunks.forEach((t, ci) => {
      if (t.type !== 'title' || t.honorific || t.relation || !ANAPHOR_HEADS.has(t.head) || t.complement) return;
      const next = chunks[ci + 1];
      if (
        next &&
        next.type === 'name' &&
        (next.start === t.end || (next.start === t.end + 1 && isComma(tokens[t.end])))
      )
        return;
      // the description: "the (OWNER) TITLE"
      let p0 = t.start;
      let owner: string | null = null;
      const prev = chunks[ci - 1];
      if (
        prev &&
        prev.end === t.start &&
        prev.type === 'gaz' &&
        (prev.entry.type === 'country' || prev.entry.type === 'demonym')
      ) {
        owner = prev.entry.country.name;
        p0 = prev.start;
      }
      while (
        p0 > 0 &&
        tokens[p0 - 1].kind === 'word' &&
        /^(former|current|then|new|incoming|outgoing)$/.test(tokens[p0 - 1].key)
      )
        p0--;
      if (tokens[p0 - 1]?.key !== 'the') return;
      // an appositive to a name ("X, the French president") is read elsewhere
      if (isComma(tokens[p0 - 2]) && s.chunkAt[p0 - 3] >= 0 && s.chunks[s.chunkAt[p0 - 3]].type === 'name') return;
      const ref = referent(sentences, s, p0, t.end, owner, people, byChunk);
      if (!ref || ref.roles.length) return;
      if (owner && ref.affiliation && ref.affiliation !== owner) return;
      const role = joinTokens(tokens, prev && owner ? prev.start : t.start, t.end);
      ref.roles.push(role);
      ref.roleSentences[role] = s.index;
      if (owner && !ref.affiliation) ref.affiliation = owner;
    });
  }
}

/** Whom "the (OWNER) TITLE" at p0..end names: the one person of that country, else a person just mentioned. */
function referent(
  sentences: AnalyzedSentence[],
  s: AnalyzedSentence,
  p0: number,
  end: number,
  owner: string | null,
  people: Person[],
  byChunk: Map<string, number>,
): Person | null {
  if (owner) {
    const same = people.filter((p) => p.affiliation === owner);
    if (same.length === 1) return same[0];
  }
  let last: Person | null = null;
  s.chunks.forEach((c, ci) => {
    if (c.type !== 'name' || c.end > p0) return;
    const id = byChunk.get(`${s.index}:${ci}`);
    if (id !== undefined && !c.inComplement) last = people[id];
  });
  if (last) return s.tokens[end - 1].poss ? last : null;
  for (let b = s.index - 1; b >= 0 && b >= s.index - 2; b--) {
    const ref = subjectMention(sentences[b], byChunk, people);
    if (ref) return ref;
    if (sentences[b].chunks.some((c, k) => c.type === 'name' && byChunk.has(`${b}:${k}`))) break;
  }
  return null;
}
