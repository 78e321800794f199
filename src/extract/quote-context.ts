import type { Token } from '../text/tokens.ts';
import type { AnalyzedSentence, TitleChunk } from './chunks.ts';
import { subjectMention, type PeopleResult, type Person } from './people.ts';
import { orgMentions, type OrgMention } from './quote-orgs.ts';
import { withBareSurnames } from './quote-surnames.ts';

/**
 * What every attribution stage looks things up in: the people of the document by token, pronoun and role
 * resolution, paragraphs and the organisations named so far. Built once per document by `buildQuoteContext`.
 */
export const SUBJECT_PRONOUNS: Record<string, 'm' | 'f' | 'p'> = { he: 'm', she: 'f', they: 'p', we: 'p', i: 'p' };

export interface PersonHit {
  person: Person;
  chunk: number;
}

export interface QuoteContext {
  sentences: AnalyzedSentence[];
  people: PeopleResult;
  body: string;
  orgs: OrgMention[];
  /** the last person a quote was credited to (for a role several people hold) */
  prevSpeakerPerson: Person | null;
  /** the person whose name chunk covers token `i` of `s` */
  personAt(s: AnalyzedSentence, i: number): PersonHit | null;
  /** a person named in `s` before token `limit` */
  hasPerson(s: AnalyzedSentence, limit?: number): boolean;
  /** "he said": who the pronoun at document offset `pos` of sentence `si` stands for */
  resolvePronoun(gender: 'm' | 'f', si: number, pos: number): Person | null;
  /** "the envoy", "the Norwegian president": the person a description names */
  rolePerson(title: TitleChunk, s?: AnalyzedSentence): Person | null;
  tokensIn(s: AnalyzedSentence, from: number, to: number): Token[];
  paragraphOf(offset: number): number;
}

export function buildQuoteContext(sentences: AnalyzedSentence[], resolved: PeopleResult, body: string): QuoteContext {
  const people = withBareSurnames(sentences, resolved);
  const ctx: QuoteContext = {
    sentences,
    people,
    body,
    orgs: orgMentions(sentences),
    prevSpeakerPerson: null,
    personAt: (s, i) => personAt(people, s, i),
    hasPerson: (s, limit = Infinity) =>
      s.chunks.some((c, ci) => c.type === 'name' && c.start < limit && people.byChunk.has(`${s.index}:${ci}`)),
    resolvePronoun: () => null,
    rolePerson: (title, s) => rolePerson(ctx, title, s),
    tokensIn: (s, from, to) => s.tokens.filter((t) => t.start >= from && t.end <= to),
    paragraphOf: paragraphIndex(body),
  };
  const nearest = nearestByGender(sentences, people);
  ctx.resolvePronoun = (gender, si, pos) => resolvePronoun(ctx, nearest, gender, si, pos);
  return ctx;
}

function personAt(people: PeopleResult, s: AnalyzedSentence, tokenIndex: number): PersonHit | null {
  const ci = s.chunkAt[tokenIndex];
  if (ci < 0) return null;
  // a complement name inside a title chunk
  for (let k = 0; k < s.chunks.length; k++) {
    const c = s.chunks[k];
    if (c.type === 'name' && c.start <= tokenIndex && tokenIndex < c.end) {
      const id = people.byChunk.get(`${s.index}:${k}`);
      if (id !== undefined) return { person: people.people[id], chunk: k };
    }
  }
  return null;
}

/** The paragraph number of a document offset (paragraphs are split by blank lines). */
function paragraphIndex(body: string): (offset: number) => number {
  const breaks: number[] = [];
  for (const m of body.matchAll(/\n\s*\n/g)) breaks.push(m.index!);
  return (offset) => {
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

type NearestByGender = (gender: 'm' | 'f', before: number) => Person | null;

/** The nearest person mentioned before an offset with that gender (else the nearest of no known gender). */
function nearestByGender(sentences: AnalyzedSentence[], people: PeopleResult): NearestByGender {
  const mentionList: Array<{ pos: number; person: Person }> = [];
  for (const p of people.people)
    for (const m of p.mentions) mentionList.push({ pos: sentences[m.s].tokens[m.start].start, person: p });
  mentionList.sort((a, b) => a.pos - b.pos);
  return (gender, before) => {
    let fallback: Person | null = null;
    for (let k = mentionList.length - 1; k >= 0; k--) {
      const m = mentionList[k];
      if (m.pos >= before) continue;
      if (m.person.gender === gender) return m.person;
      if (!m.person.gender && !fallback) fallback = m.person;
      if (before - m.pos > 1500) break;
    }
    return fallback;
  };
}

const tokenBefore = (s: AnalyzedSentence, pos: number) => {
  let k = 0;
  while (k < s.tokens.length && s.tokens[k].start < pos) k++;
  return k;
};

/** "he said": the subject of the sentence, or of the sentence before when this one has none that fits. */
function resolvePronoun(
  ctx: QuoteContext,
  nearest: NearestByGender,
  gender: 'm' | 'f',
  si: number,
  pos: number,
): Person | null {
  const { sentences, people } = ctx;
  const fits = (p: Person) => !p.gender || p.gender === gender;
  for (let b = si; b >= 0 && b >= si - 3; b--) {
    const s = sentences[b];
    const limit = b === si ? tokenBefore(s, pos) : s.tokens.length;
    // a sentence led by a pronoun of the same gender is about the same person as the one before
    const firstPerson = s.chunks.findIndex(
      (c, ci) => c.type === 'name' && c.start < limit && people.byChunk.has(`${s.index}:${ci}`),
    );
    const firstPersonTok = firstPerson >= 0 ? s.chunks[firstPerson].start : limit;
    const ledByPronoun = s.tokens.slice(0, firstPersonTok).some((t) => SUBJECT_PRONOUNS[t.key] === gender);
    if (ledByPronoun) continue;
    const subj = subjectMention(s, people.byChunk, people.people, limit);
    if (subj && fits(subj)) return subj;
    if (ctx.hasPerson(s, limit)) {
      // the last person of that gender in the sentence
      let last: Person | null = null;
      s.chunks.forEach((c, ci) => {
        if (c.type !== 'name' || c.start >= limit || c.poss) return;
        const id = people.byChunk.get(`${s.index}:${ci}`);
        if (id !== undefined && people.people[id].gender === gender) last = people.people[id];
      });
      if (last) return last;
    }
  }
  return nearest(gender, pos);
}

/**
 * "the Norwegian president", "the envoy", "the former Estonian prime minister": a person with that role or
 * country, else the person the sentence before is about.
 */
function rolePerson(ctx: QuoteContext, title: TitleChunk, s?: AnalyzedSentence): Person | null {
  const { people, sentences } = ctx;
  let owner: string | null = null;
  if (s) {
    const ci = s.chunks.indexOf(title);
    const prev = ci > 0 ? s.chunks[ci - 1] : null;
    if (
      prev &&
      prev.end === title.start &&
      prev.type === 'gaz' &&
      (prev.entry.type === 'country' || prev.entry.type === 'demonym')
    )
      owner = prev.entry.country.name;
  }
  let found = people.people.filter(
    (p) =>
      p.roles.some((r) => r.toLowerCase().includes(title.head)) &&
      (!owner || !p.affiliation || p.affiliation === owner),
  );
  if (owner && found.length > 1) {
    const same = found.filter((p) => p.affiliation === owner);
    if (same.length) found = same;
  }
  // "the president" is not the vice president when another holds the office itself
  if (found.length > 1) {
    const deputy = new RegExp(`\\b(?:vice|deputy|assistant|associate|former|ex)[\\s-]+${title.head}`, 'i');
    const plain = found.filter((p) => !p.roles.every((r) => deputy.test(r) || !r.toLowerCase().includes(title.head)));
    if (plain.length === 1) found = plain;
  }
  if (found.length === 1) return found[0];
  if (found.length > 1) {
    if (ctx.prevSpeakerPerson && found.includes(ctx.prevSpeakerPerson)) return ctx.prevSpeakerPerson;
    return null;
  }
  if (s && s.index > 0) {
    for (let b = s.index - 1; b >= 0 && b >= s.index - 2; b--) {
      const subj = subjectMention(sentences[b], people.byChunk, people.people);
      if (subj) return subj;
      if (ctx.hasPerson(sentences[b])) break;
    }
  }
  return null;
}
