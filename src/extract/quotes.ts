import type { Sentence } from '../text/sentences.ts';
import { sentenceAt } from '../text/sentences.ts';
import type { Token } from '../text/tokens.ts';
import type { ExtractedQuote } from './contract.ts';
import type { AnalyzedSentence, TitleChunk } from './chunks.ts';
import { subjectMention, type PeopleResult, type Person } from './people.ts';
import { SPEECH_VERBS } from './lexicon/verbs.ts';
import { isFunctionWord, lexTags } from './lexicon/words.ts';
import { orgMentions, orgSubject, type OrgMention } from './quote-orgs.ts';

/**
 * Quotes: curly, straight and single-curly quotation marks, possibly spanning several sentences; unclosed
 * quotes run to the end of their paragraph. Each quote is classified first (speech, a quoted title such as a
 * show's name, or a scare-quoted term) and then attributed: "X said" / "said X" after it, "X said (that) …"
 * before it, pronouns to the nearest preceding person of that gender, and a quote that carries on a
 * speaker's words to the same speaker.
 */
export interface QuoteSpan {
  /** offset of the opening mark */
  open: number;
  /** offset just after the closing mark (or the end of the paragraph when unclosed) */
  close: number;
  textStart: number;
  textEnd: number;
  text: string;
  closed: boolean;
  kind: 'speech' | 'title' | 'term';
}

const OPEN_DOUBLE = '“„«';
const CLOSE_DOUBLE = '”»';

/** Finds the quotation spans of a text (top level only: nested quotes stay inside their parent). */
export function findQuoteSpans(body: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  const paraEnd = (from: number) => {
    const m = /\n\s*\n/g;
    m.lastIndex = from;
    const r = m.exec(body);
    return r ? r.index : body.length;
  };
  let i = 0;
  const n = body.length;
  while (i < n) {
    const ch = body[i];
    let closeAt = -1;
    let closed = false;
    if (OPEN_DOUBLE.includes(ch) || (ch === '"' && isOpeningStraight(body, i))) {
      const end = paraEnd(i);
      const want = ch === '"' ? '"' : CLOSE_DOUBLE;
      let depth = 0;
      for (let k = i + 1; k < end; k++) {
        const c = body[k];
        if (ch !== '"' && OPEN_DOUBLE.includes(c)) depth++;
        else if (want.includes(c)) {
          if (depth === 0) {
            closeAt = k;
            closed = true;
            break;
          }
          depth--;
        }
      }
      if (closeAt < 0) closeAt = end;
    } else if (ch === '‘' && (i === 0 || /[\s(\[—–-]/.test(body[i - 1])) && /\S/.test(body[i + 1] ?? '')) {
      // British-style single quotes: the closing ’ is one not followed by a letter
      const end = paraEnd(i);
      for (let k = i + 1; k < end; k++) {
        if (body[k] === '’' && !/\p{L}/u.test(body[k + 1] ?? '') && !/\s/.test(body[k - 1])) {
          if (/s$/.test(body.slice(k - 1, k)) && /\p{L}/u.test(body[k - 2] ?? '') && body[k + 1] === ' ' && /\p{Ll}/u.test(body[k + 2] ?? '') && k - i < 4) continue;
          closeAt = k;
          closed = true;
          break;
        }
      }
      if (closeAt < 0 || body.slice(i + 1, closeAt).split(/\s+/).length < 2) {
        i++;
        continue;
      }
    } else if (ch === "'" && (i === 0 || /[\s(\[—–]/.test(body[i - 1])) && /\p{Lu}/u.test(body[i + 1] ?? '')) {
      // straight single quotes around speech: 'We will not give in …,' he wrote
      const end = paraEnd(i);
      for (let k = i + 2; k < end; k++) {
        if (body[k] === "'" && !/\p{L}/u.test(body[k + 1] ?? '') && /[,.!?]/.test(body[k - 1])) {
          closeAt = k;
          closed = true;
          break;
        }
      }
      if (closeAt < 0 || body.slice(i + 1, closeAt).split(/\s+/).length < 3) {
        closeAt = -1;
        closed = false;
      }
    }
    if (closeAt < 0) {
      i++;
      continue;
    }
    const raw = body.slice(i + 1, closeAt);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text) {
      spans.push({ open: i, close: closed ? closeAt + 1 : closeAt, textStart: i + 1 + lead, textEnd: i + 1 + lead + text.length, text, closed, kind: classify(body, i, text) });
    }
    i = closed ? closeAt + 1 : closeAt;
  }
  return spans;
}

function isOpeningStraight(body: string, i: number): boolean {
  const before = i === 0 ? ' ' : body[i - 1];
  const after = body[i + 1] ?? ' ';
  return /[\s(\[—–:,-]/.test(before) && /\S/.test(after);
}

const TITLE_CUES = /\b(?:on|in|show|program|programme|film|movie|book|documentary|series|titled|entitled|newspaper|podcast|magazine|column|album|song|op-ed|editorial)\s*$/i;

function classify(body: string, open: number, text: string): QuoteSpan['kind'] {
  const words = text.replace(/[,.;:!?]+$/, '').split(/\s+/).filter(Boolean);
  const before = body.slice(Math.max(0, open - 40), open);
  const content = words.filter((w) => !isFunctionWord(w) && !/^(of|the|and|a|an|in|on|to|for|at|by|with|from)$/i.test(w));
  const titleCase = content.length > 0 && content.every((w) => /^[\p{Lu}\d]/u.test(w));
  const endsSentence = /[.!?…]$/.test(text);
  const atLineStart = /(^|\n)\s*$/.test(before);
  if (titleCase && words.length <= 8 && !endsSentence && !atLineStart && (TITLE_CUES.test(before) || words.length <= 4)) return 'title';
  if (words.length <= 3 && !endsSentence) return 'term';
  return 'speech';
}

const SUBJECT_PRONOUNS: Record<string, 'm' | 'f' | 'p'> = { he: 'm', she: 'f', they: 'p', we: 'p', i: 'p' };

export function attributeQuotes(spans: QuoteSpan[], sentences: AnalyzedSentence[], rawSentences: Sentence[], people: PeopleResult, body: string): ExtractedQuote[] {
  const out: ExtractedQuote[] = [];
  const personAt = (s: AnalyzedSentence, tokenIndex: number): { person: Person; chunk: number } | null => {
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
  };
  // every person mention in document order, for pronouns
  const mentionList: Array<{ pos: number; person: Person }> = [];
  for (const p of people.people) for (const m of p.mentions) mentionList.push({ pos: sentences[m.s].tokens[m.start].start, person: p });
  mentionList.sort((a, b) => a.pos - b.pos);
  const pronounPerson = (gender: 'm' | 'f', before: number): Person | null => {
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
  const tokenBefore = (s: AnalyzedSentence, pos: number) => {
    let k = 0;
    while (k < s.tokens.length && s.tokens[k].start < pos) k++;
    return k;
  };
  const hasPerson = (s: AnalyzedSentence, limit = Infinity) => s.chunks.some((c, ci) => c.type === 'name' && c.start < limit && people.byChunk.has(`${s.index}:${ci}`));
  // "he said": the subject of the sentence, or of the sentence before when this one has none that fits
  const resolvePronoun = (gender: 'm' | 'f', si: number, pos: number): Person | null => {
    const fits = (p: Person) => !p.gender || p.gender === gender;
    for (let b = si; b >= 0 && b >= si - 3; b--) {
      const s = sentences[b];
      const limit = b === si ? tokenBefore(s, pos) : s.tokens.length;
      // a sentence led by a pronoun of the same gender is about the same person as the one before
      const firstPerson = s.chunks.findIndex((c, ci) => c.type === 'name' && c.start < limit && people.byChunk.has(`${s.index}:${ci}`));
      const firstPersonTok = firstPerson >= 0 ? s.chunks[firstPerson].start : limit;
      const ledByPronoun = s.tokens.slice(0, firstPersonTok).some((t) => SUBJECT_PRONOUNS[t.key] === gender);
      if (ledByPronoun && b !== si) continue;
      if (ledByPronoun && b === si) continue;
      const subj = subjectMention(s, people.byChunk, people.people, limit);
      if (subj && fits(subj)) return subj;
      if (hasPerson(s, limit)) {
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
    return pronounPerson(gender, pos);
  };
  let prevSpeakerPerson: Person | null = null;
  // "the Ukrainian president", "the envoy", "the former Estonian prime minister": a person with that role or
  // country, else the person the sentence before is about
  const rolePerson = (title: TitleChunk, s?: AnalyzedSentence): Person | null => {
    let owner: string | null = null;
    if (s) {
      const ci = s.chunks.indexOf(title);
      const prev = ci > 0 ? s.chunks[ci - 1] : null;
      if (prev && prev.end === title.start && prev.type === 'gaz' && (prev.entry.type === 'country' || prev.entry.type === 'demonym')) owner = prev.entry.country.name;
    }
    let found = people.people.filter((p) => p.roles.some((r) => r.toLowerCase().includes(title.head)) && (!owner || !p.affiliation || p.affiliation === owner));
    if (owner && found.length > 1) {
      const same = found.filter((p) => p.affiliation === owner);
      if (same.length) found = same;
    }
    if (found.length === 1) return found[0];
    if (found.length > 1) {
      if (prevSpeakerPerson && found.includes(prevSpeakerPerson)) return prevSpeakerPerson;
      return null;
    }
    if (s && s.index > 0) {
      for (let b = s.index - 1; b >= 0 && b >= s.index - 2; b--) {
        const subj = subjectMention(sentences[b], people.byChunk, people.people);
        if (subj) return subj;
        if (hasPerson(sentences[b])) break;
      }
    }
    return null;
  };
  const tokensIn = (s: AnalyzedSentence, from: number, to: number) => s.tokens.filter((t) => t.start >= from && t.end <= to);

  const breaks: number[] = [];
  for (const m of body.matchAll(/\n\s*\n/g)) breaks.push(m.index!);
  const paragraphOf = (offset: number) => {
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const orgs = orgMentions(sentences);
  let prevSpeaker: { person: Person | null; close: number; para: number } | null = null;
  for (const q of spans) {
    const si = sentenceAt(rawSentences, q.textStart);
    const ei = sentenceAt(rawSentences, Math.max(q.textStart, q.textEnd - 1));
    const s = sentences[si];
    const para = paragraphOf(q.open);
    let speaker: Person | null = null;
    let orgSpeaker: string | null = null;
    let found = false;
    if (q.kind !== 'title') {
      // 1. after the quote: "…,” X said" / "…,” said X" / "…,” she asserted"
      const e = sentences[Math.min(ei, sentences.length - 1)];
      const after = e.tokens.filter((t) => t.start >= q.close).slice(0, 12);
      const r = afterAttribution(after, e, personAt, rolePerson);
      if (r.found) {
        found = true;
        speaker = r.person ?? (r.pronoun ? (r.pronoun === 'p' ? null : resolvePronoun(r.pronoun, si, q.open)) : null);
      } else if (q.kind === 'speech') {
        // "…,” the ministry said in a statement": an organisation speaks (a scare-quoted term does not)
        orgSpeaker = afterOrgSpeaker(after, e, orgs, q.open);
        found = !!orgSpeaker;
      }
      // 2. before the quote, in its sentence: "X said that …“”", "X described it as “…”"
      if (!found) {
        const before = tokensIn(s, s.start, q.open);
        let v = -1;
        for (let k = before.length - 1; k >= 0; k--) {
          if (before[k].kind === 'punct' && /[.!?;]/.test(before[k].text)) break;
          if (SPEECH_VERBS.has(before[k].key) || (before[k].key === 'according' && before[k + 1]?.key === 'to')) {
            v = k;
            break;
          }
        }
        const lead = body.slice(Math.max(0, q.open - 30), q.open);
        const scare = q.text.split(/\s+/).length <= 5 && !/[.!?…]$/.test(q.text) && /\b(?:the|a|an|this|that|these|those|its|their|his|her|our|so-called|so called|dubbed|nicknamed|what)\s*$/i.test(lead) && !(v >= 0 && /\b(?:that|what)\s*$/i.test(lead) && !/\bwhat\s+\w+\s+called\s*$/i.test(body.slice(Math.max(0, q.open - 40), q.open))) && !(v >= 0 && /\bwhat\s+(?:he|she|they)\s+(?:called|termed|described\s+as)\s+(?:a|an|the)\s*$/i.test(body.slice(Math.max(0, q.open - 40), q.open)));
        if (v >= 0 && !scare) {
          if (before[v].key === 'according') {
            const p = personAt(s, before[v].i + 2) ?? personAt(s, before[v].i + 3);
            const obj = s.tokens[before[v].i + 2]?.key;
            if (p) {
              found = true;
              speaker = p.person;
            } else if (obj === 'him' || obj === 'her') {
              // "according to him, … “…”": the person the text was just about
              found = true;
              speaker = resolvePronoun(obj === 'him' ? 'm' : 'f', si, s.tokens[before[v].i].start);
            }
          } else if (before[v].i >= 3 && s.tokens[before[v].i - 1].key === 'who' && s.tokens[before[v].i - 2].text === ',' && personAt(s, before[v].i - 3)) {
            found = true;
            speaker = personAt(s, before[v].i - 3)!.person;
          } else {
            for (let k = before[v].i - 1; k >= 0; k--) {
              const t = s.tokens[k];
              const pr = SUBJECT_PRONOUNS[t.key];
              if (pr) {
                found = true;
                speaker = pr === 'p' ? null : resolvePronoun(pr, si, t.start);
                break;
              }
              const p = personAt(s, k);
              if (p) {
                const c = s.chunks[p.chunk];
                if (c.type === 'name' && (c.poss || c.inComplement || afterPreposition(s, c.start) || (afterVerb(s, c.start) && !s.tokens.slice(c.end, before[v].i).some((w) => w.key === 'who')))) {
                  k = c.start;
                  continue;
                }
                found = true;
                speaker = p.person;
                break;
              }
              // "The Ukrainian president told reporters …": a description names the speaker
              const tc = s.chunkAt[k] >= 0 ? s.chunks[s.chunkAt[k]] : null;
              // an appositive title ("X, the president of the European Council, who …") belongs to the name before it
              if (tc && tc.type === 'title') {
                let d = tc.start - 1;
                while (d >= 0 && (/^(the|a|an)$/.test(s.tokens[d].key) || (s.chunkAt[d] >= 0 && s.chunks[s.chunkAt[d]].type === 'gaz'))) d = s.chunkAt[d] >= 0 && s.chunks[s.chunkAt[d]].type === 'gaz' ? s.chunks[s.chunkAt[d]].start - 1 : d - 1;
                if (d >= 0 && s.tokens[d].text === ',') {
                  k = tc.start;
                  continue;
                }
              }
              // "an old friend of the prime minister": a description after a preposition is not the subject
              if (tc && tc.type === 'title' && s.tokens[tc.start - 1]?.key === 'the' && PREPOSITIONS.has(s.tokens[tc.start - 2]?.key ?? '')) {
                k = tc.start;
                continue;
              }
              if (tc && tc.type === 'title' && !tc.honorific && s.tokens[tc.start - 1]?.key === 'the' || (tc && tc.type === 'title' && s.chunks[s.chunks.indexOf(tc) - 1]?.type === 'gaz' && s.tokens[s.chunks[s.chunks.indexOf(tc) - 1].start - 1]?.key === 'the')) {
                const nx = s.chunks[s.chunks.indexOf(tc) + 1];
                if (!(nx && nx.type === 'name' && nx.start <= tc.end + 1)) {
                  found = true;
                  speaker = rolePerson(tc, s);
                  break;
                }
              }
            }
            // "said X" before the quote: "said Ruiz: “…”"
            if (!found) {
              const p = personAt(s, before[v].i + 1);
              if (p) {
                found = true;
                speaker = p.person;
              }
            }
          }
        }
      }
      // 3. a speech quote that carries on the previous speaker's words
      const opensSentence = !s.tokens.some((t) => t.kind === 'word' && t.end <= q.open);
      if (!found && q.kind === 'speech' && opensSentence && prevSpeaker && prevSpeaker.person && (prevSpeaker.para === para || prevSpeaker.para === para - 1) && !hasOtherPerson(sentences, people, si, q)) {
        speaker = prevSpeaker.person;
        found = true;
      }
    }
    out.push({ speaker: speaker?.name ?? orgSpeaker, text: q.text, sentence: si });
    if (q.kind === 'speech') prevSpeaker = { person: speaker, close: q.close, para };
    if (speaker) prevSpeakerPerson = speaker;
  }
  return out;
}

function hasOtherPerson(sentences: AnalyzedSentence[], people: PeopleResult, si: number, q: QuoteSpan): boolean {
  const s = sentences[si];
  // names inside the quote itself are not other speakers
  return s.chunks.some((c, ci) => c.type === 'name' && people.byChunk.has(`${s.index}:${ci}`) && !(s.tokens[c.start].start >= q.open && s.tokens[c.end - 1].end <= q.close));
}


function afterAttribution(
  after: Token[],
  s: AnalyzedSentence,
  personAt: (s: AnalyzedSentence, i: number) => { person: Person; chunk: number } | null,
  rolePerson: (t: TitleChunk, s?: AnalyzedSentence) => Person | null,
): { found: boolean; person?: Person | null; pronoun?: 'm' | 'f' | 'p' } {
  let k = 0;
  while (k < after.length && after[k].kind === 'punct' && /[,—–-]/.test(after[k].text)) k++;
  const t = after[k];
  if (!t) return { found: false };
  // "she asserted", "he told reporters"
  const pr = SUBJECT_PRONOUNS[t.key];
  if (pr && after[k + 1] && (SPEECH_VERBS.has(after[k + 1].key) || (after[k + 2] && /ly$/.test(after[k + 1].key) && SPEECH_VERBS.has(after[k + 2].key)))) return { found: true, pronoun: pr };
  // "said X" / "X said" / "the president said"
  if (SPEECH_VERBS.has(t.key) && after[k + 1]) {
    const direct = personAt(s, after[k + 1].i);
    if (direct) return { found: true, person: direct.person };
    const np = subjectNP(after, k + 1, s, personAt, rolePerson);
    if (np) return { found: true, person: np };
    const pr2 = SUBJECT_PRONOUNS[after[k + 1].key];
    if (pr2) return { found: true, pronoun: pr2 };
    return { found: false };
  }
  const subj = subjectAt(after, k, s, personAt, rolePerson);
  if (subj) {
    let v = subj.end;
    // "X, the prime minister, told parliament": over an appositive to the verb
    const close = after[v]?.text === ',' ? after.findIndex((x, n) => n > v && n <= v + 10 && x.text === ',') : -1;
    if (close > 0 && !after.slice(v + 1, close).some((x) => SPEECH_VERBS.has(x.key) || (x.kind === 'punct' && x.text !== ','))) v = close;
    if (after[v]?.text === ',') v++;
    // skip an adverb or an auxiliary ("later said", "has said")
    while (v < after.length && v < subj.end + 2 && (/ly$/.test(after[v].key) || /^(has|had|have|also|then|later|again|once)$/.test(after[v].key))) v++;
    if (after[v] && SPEECH_VERBS.has(after[v].key)) return { found: true, person: subj.person };
  }
  return { found: false };
}

/** A subject noun phrase starting at after[k]: a person, a title + person, or "the TITLE" (a known role). */
function subjectAt(
  after: Token[],
  k: number,
  s: AnalyzedSentence,
  personAt: (s: AnalyzedSentence, i: number) => { person: Person; chunk: number } | null,
  rolePerson: (t: TitleChunk, s?: AnalyzedSentence) => Person | null,
): { person: Person | null; end: number } | null {
  const first = after[k];
  if (!first) return null;
  // walk over the chunks that make up the subject: owner, title, name, appositive
  let idx = k;
  let person: Person | null = null;
  let lastTitle: TitleChunk | null = null;
  let steps = 0;
  while (idx < after.length && steps < 8) {
    steps++;
    const tok = after[idx];
    if (tok.kind === 'word' && /^(the|a|an|former|then|current|new|outgoing|incoming|top|senior)$/.test(tok.key)) {
      idx++;
      continue;
    }
    // "the adviser, Ezzeldin al-Safi, told"
    if (tok.kind === 'punct' && tok.text === ',' && lastTitle && !person) {
      idx++;
      continue;
    }
    const ci = s.chunkAt[tok.i];
    if (ci < 0) break;
    const c = s.chunks[ci];
    const p = personAt(s, tok.i);
    if (p) person = p.person;
    if (c.type === 'title') lastTitle = c;
    const endTok = c.end;
    while (idx < after.length && after[idx].i < endTok) idx++;
    if (person) break;
  }
  if (!person && lastTitle) {
    const rp = rolePerson(lastTitle, s);
    return { person: rp, end: idx };
  }
  if (!person) return null;
  return { person, end: idx };
}

/** "…,” the ministry said" / "…,” said the group": an organisation after the quote. */
function afterOrgSpeaker(after: Token[], s: AnalyzedSentence, orgs: OrgMention[], before: number): string | null {
  let k = 0;
  while (k < after.length && after[k].kind === 'punct' && /[,—–-]/.test(after[k].text)) k++;
  // "said the ministry": the subject after the verb
  if (SPEECH_VERBS.has(after[k]?.key ?? '')) return orgSubject(after, k + 1, s, orgs, before, true);
  return orgSubject(after, k, s, orgs, before);
}

function subjectNP(
  after: Token[],
  k: number,
  s: AnalyzedSentence,
  personAt: (s: AnalyzedSentence, i: number) => { person: Person; chunk: number } | null,
  rolePerson: (t: TitleChunk, s?: AnalyzedSentence) => Person | null,
): Person | null {
  // "said Ukraine’s ambassador, Ivan Petrenko" — look a few tokens on for a person
  for (let m = k; m < after.length && m < k + 10; m++) {
    if (after[m].kind === 'punct' && /[.;]/.test(after[m].text)) break;
    const p = personAt(s, after[m].i);
    if (p) return p.person;
  }
  const sub = subjectAt(after, k, s, personAt, rolePerson);
  return sub?.person ?? null;
}

/** The token before a name's titles, places, organisations and determiners ("met [the Iranian Director] Y"). */
function beforeNamePhrase(s: AnalyzedSentence, start: number): number {
  let k = start - 1;
  while (k >= 0) {
    const x = s.chunkAt[k] >= 0 ? s.chunks[s.chunkAt[k]] : null;
    if (x && (x.type === 'title' || x.type === 'gaz' || x.type === 'org')) k = x.start - 1;
    else if (/^(the|a|an|his|her|their|its|our)$/.test(s.tokens[k].key)) k--;
    else break;
  }
  return k;
}

/** A name that is the object of a verb ("X met Director Y and urged …"): Y is not the speaker. */
function afterVerb(s: AnalyzedSentence, start: number): boolean {
  const k = beforeNamePhrase(s, start);
  const t = s.tokens[k];
  if (!t || t.kind !== 'word' || t.cap || SPEECH_VERBS.has(t.key) || SUBJECT_PRONOUNS[t.key]) return false;
  if (/^(and|or|but|as|while|when|after|before|because|then|also|later|who|that|which)$/.test(t.key)) return false;
  return lexTags(t.key).some((x) => x === 'PastTense' || x === 'PresentTense' || x === 'Infinitive');
}

const PREPOSITIONS = new Set(['with', 'to', 'by', 'from', 'for', 'at', 'against', 'about', 'between', 'than', 'like', 'including', 'of']);
/** A name that is the object of a preposition ("with his Belarusian counterpart X", "with Sen. X"). */
function afterPreposition(s: AnalyzedSentence, start: number): boolean {
  const k = beforeNamePhrase(s, start);
  return k >= 0 && PREPOSITIONS.has(s.tokens[k].key);
}
