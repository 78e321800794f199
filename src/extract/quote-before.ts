import type { Token } from '../text/tokens.ts';
import type { AnalyzedSentence, TitleChunk } from './chunks.ts';
import type { Person } from './people.ts';
import { NAMING_VERBS, SPEECH_VERBS } from './lexicon/verbs.ts';
import { lexTags } from './lexicon/words.ts';
import { SUBJECT_PRONOUNS, type QuoteContext } from './quote-context.ts';
import { lastOrgBefore, orgBeforeVerb, orgName } from './quote-orgs.ts';
import { subjectMention } from './people.ts';
import type { QuoteSpan } from './quotes.ts';

/**
 * Attribution before the quote, in its sentence: "X said that … “…”", "X described it as “…”", "according to
 * X, … “…”", "X, who said “…”", "said X: “…”".
 */
export interface Attribution {
  found: boolean;
  speaker: Person | null;
  /** an organisation that speaks */
  org?: string | null;
}

const NONE: Attribution = { found: false, speaker: null };

export function speakerBeforeQuote(q: QuoteSpan, s: AnalyzedSentence, si: number, ctx: QuoteContext): Attribution {
  const before = ctx.tokensIn(s, s.start, q.open);
  const verbs = speechVerbsBefore(before);
  const colon = before.length > 1 && before[before.length - 1].text === ':' ? before[before.length - 1] : null;
  if (!verbs.length && !colon) return NONE;
  if (isScareQuote(q, ctx.body, verbs.length > 0) && !(verbs.length && namesAs(q, s, ctx.body, verbs[0]))) return NONE;
  // the nearest verb first: "X said the meeting had confirmed “…”" falls back from "confirmed" to "said"
  for (const verb of verbs) {
    const r = speakerOfVerb(s, si, verb, ctx);
    if (r.found) return r;
  }
  return colon ? subjectBeforeColon(s, colon.i, ctx) : NONE;
}

/**
 * "X supported him: “…”", "X, one of the negotiators, on social media: “…”", "The party has put out a
 * statement: “…”": a colon right before the quote introduces the words of the clause's subject.
 */
function subjectBeforeColon(s: AnalyzedSentence, ci: number, ctx: QuoteContext): Attribution {
  if (ci > 30) return NONE;
  const p = subjectMention(s, ctx.people.byChunk, ctx.people.people, ci);
  if (p) return { found: true, speaker: p };
  // an organisation that opens the clause and does something: "The party has put out a statement:"
  let k = 0;
  while (k < ci && !(s.tokens[k].kind === 'word' && /\p{L}/u.test(s.tokens[k].text) && s.tokens[k].key !== 'the')) k++;
  const c = s.chunkAt[k] >= 0 ? s.chunks[s.chunkAt[k]] : null;
  const name = c && c.start === k ? orgName(s, c) : null;
  const next = c ? s.tokens[c.end] : undefined;
  if (name && next && next.kind === 'word' && !next.cap) return { found: true, speaker: null, org: name };
  // "G5: “…”", "ACME: “…”": a label naming who speaks (a person's label was tried first)
  const label = name ?? (c && c.type === 'name' && /^[\p{Lu}\d&-]{2,8}$/u.test(c.text) ? c.text : null);
  if (label && c && c.end === ci && c.start === k) return { found: true, speaker: null, org: label };
  return NONE;
}

function speakerOfVerb(s: AnalyzedSentence, si: number, verb: Token, ctx: QuoteContext): Attribution {
  if (verb.key === 'according') return accordingTo(s, si, verb, ctx);
  if (
    verb.i >= 3 &&
    s.tokens[verb.i - 1].key === 'who' &&
    s.tokens[verb.i - 2].text === ',' &&
    ctx.personAt(s, verb.i - 3)
  ) {
    return { found: true, speaker: ctx.personAt(s, verb.i - 3)!.person };
  }
  const org = orgBeforeVerb(s, verb.i, ctx.orgs);
  if (org) return { found: true, speaker: null, org };
  // "It asked the soldiers to “…”", "it said, would compel …": the organisation named last
  if (s.tokens[verb.i - 1]?.key === 'it') {
    const last = lastOrgBefore(ctx.orgs, s.tokens[verb.i].start);
    if (last) return { found: true, speaker: null, org: last };
  }
  const subj = subjectBeforeVerb(s, si, verb.i, ctx);
  if (subj.found) return subj;
  // "said X" before the quote: "said Ruiz: “…”"
  const p = ctx.personAt(s, verb.i + 1);
  return p ? { found: true, speaker: p.person } : NONE;
}

/** The speech verbs and "according to" of the clause before the quote, nearest first. */
function speechVerbsBefore(before: Token[]): Token[] {
  const out: Token[] = [];
  for (let k = before.length - 1; k >= 0; k--) {
    if (before[k].kind === 'punct' && /[.!?;]/.test(before[k].text)) break;
    if (
      SPEECH_VERBS.has(before[k].key) ||
      NAMING_VERBS.has(before[k].key) ||
      (before[k].key === 'according' && before[k + 1]?.key === 'to')
    )
      out.push(before[k]);
  }
  return out;
}

/**
 * "called the deal a “breakthrough”", "referred to it as a “turning point”": a naming verb's own words. Not a
 * noun ("his call for a “…”") and not "what his team calls a “…”" (a label, not a person's words).
 */
function namesAs(q: QuoteSpan, s: AnalyzedSentence, body: string, verb: Token): boolean {
  if (!NAMING_VERBS.has(verb.key) || q.open - verb.end >= 90) return false;
  if (!/\b(?:as\s+)?(?:a|an)\s*$/i.test(body.slice(Math.max(0, q.open - 12), q.open))) return false;
  const prev = s.tokens[verb.i - 1]?.key ?? '';
  if (/^(his|her|their|its|our|my|your|a|an|the|this|that)$/.test(prev)) return false;
  return !s.tokens.slice(Math.max(0, verb.i - 3), verb.i).some((t) => t.key === 'what');
}

/** A short phrase after "the", "so-called", "what" …: a scare-quoted term, not speech ("the “new era”"). */
function isScareQuote(q: QuoteSpan, body: string, hasVerb: boolean): boolean {
  const lead = body.slice(Math.max(0, q.open - 30), q.open);
  const lead40 = body.slice(Math.max(0, q.open - 40), q.open);
  if (q.text.split(/\s+/).length > 5 || /[.!?…]$/.test(q.text)) return false;
  if (
    !/\b(?:the|a|an|this|that|these|those|its|their|his|her|our|so-called|so called|dubbed|nicknamed|what)\s*$/i.test(
      lead,
    )
  )
    return false;
  // "X said that “…”", "what he called “…”" are speech
  if (hasVerb && /\b(?:that|what)\s*$/i.test(lead) && !/\bwhat\s+\w+\s+called\s*$/i.test(lead40)) return false;
  if (hasVerb && /\bwhat\s+(?:he|she|they)\s+(?:called|termed|described\s+as)\s+(?:a|an|the)\s*$/i.test(lead40))
    return false;
  return true;
}

/** "according to X, … “…”" / "according to him, …": the person the text was just about. */
function accordingTo(s: AnalyzedSentence, si: number, verb: Token, ctx: QuoteContext): Attribution {
  const p = ctx.personAt(s, verb.i + 2) ?? ctx.personAt(s, verb.i + 3);
  if (p) return { found: true, speaker: p.person };
  const obj = s.tokens[verb.i + 2]?.key;
  if (obj === 'him' || obj === 'her')
    return { found: true, speaker: ctx.resolvePronoun(obj === 'him' ? 'm' : 'f', si, s.tokens[verb.i].start) };
  return NONE;
}

/**
 * The subject of the speech verb at token `vi`, walking back: a pronoun, a person (not an object, a possessor or
 * a complement), or "the TITLE" ("The Norwegian president told reporters …").
 */
function subjectBeforeVerb(s: AnalyzedSentence, si: number, vi: number, ctx: QuoteContext): Attribution {
  for (let k = vi - 1; k >= 0; k--) {
    const t = s.tokens[k];
    const pr = SUBJECT_PRONOUNS[t.key];
    if (pr) return { found: true, speaker: pr === 'p' ? null : ctx.resolvePronoun(pr, si, t.start) };
    const p = ctx.personAt(s, k);
    if (p) {
      const c = s.chunks[p.chunk];
      // "in the presence of X, who said …": the name a relative clause hangs on speaks
      const relative = s.tokens[c.end]?.text === ',' && s.tokens[c.end + 1]?.key === 'who';
      if (
        c.type === 'name' &&
        !relative &&
        (c.poss ||
          c.inComplement ||
          afterPreposition(s, c.start) ||
          (afterVerb(s, c.start) && !s.tokens.slice(c.end, vi).some((w) => w.key === 'who')))
      ) {
        k = c.start;
        continue;
      }
      return { found: true, speaker: p.person };
    }
    const tc = s.chunkAt[k] >= 0 ? s.chunks[s.chunkAt[k]] : null;
    if (!tc || tc.type !== 'title') continue;
    if (isAppositiveTitle(s, tc) || isPrepositionObjectTitle(s, tc)) {
      k = tc.start;
      continue;
    }
    if (isDefiniteTitle(s, tc)) {
      const nx = s.chunks[s.chunks.indexOf(tc) + 1];
      if (!(nx && nx.type === 'name' && nx.start <= tc.end + 1)) return { found: true, speaker: ctx.rolePerson(tc, s) };
    }
  }
  return NONE;
}

/**
 * An appositive title ("X, the president of the European Council, who …", "X, the Dutch fisheries minister,
 * told …") belongs to the name before it. A comma that closes an opening clause ("Speaking on Monday, the
 * minister said") is no appositive.
 */
function isAppositiveTitle(s: AnalyzedSentence, tc: TitleChunk): boolean {
  let d = tc.start - 1;
  for (let modifiers = 0; d >= 0;) {
    const x = s.chunkAt[d] >= 0 ? s.chunks[s.chunkAt[d]] : null;
    if (x && x.type === 'gaz') d = x.start - 1;
    else if (/^(the|a|an)$/.test(s.tokens[d].key)) d--;
    else if (
      !x &&
      modifiers < 2 &&
      s.tokens[d].kind === 'word' &&
      !s.tokens[d].cap &&
      s.tokens[d - 1] &&
      s.tokens[d - 1].text !== ','
    ) {
      // "the Dutch fisheries minister": a lowercase modifier, so long as a determiner or owner comes before it
      modifiers++;
      d--;
    } else break;
  }
  if (d < 1 || s.tokens[d].text !== ',') return false;
  const named = s.chunkAt[d - 1] >= 0 ? s.chunks[s.chunkAt[d - 1]] : null;
  return !!named && (named.type === 'name' || named.type === 'title');
}

/** "an old friend of the prime minister": a description after a preposition is not the subject. */
function isPrepositionObjectTitle(s: AnalyzedSentence, tc: TitleChunk): boolean {
  return s.tokens[tc.start - 1]?.key === 'the' && PREPOSITIONS.has(s.tokens[tc.start - 2]?.key ?? '');
}

/** "the president", "the Norwegian president": a description that names one person. */
function isDefiniteTitle(s: AnalyzedSentence, tc: TitleChunk): boolean {
  if (!tc.honorific && s.tokens[tc.start - 1]?.key === 'the') return true;
  // "the Norwegian president", "the party president": an owner between "the" and the title
  const prev = s.chunks[s.chunks.indexOf(tc) - 1];
  if (!(prev?.type === 'gaz' || (prev?.type === 'org' && prev.end === tc.start))) return false;
  // "The union's president", "Union's President X urged": an owner after "the" or opening the sentence
  return s.tokens[prev.start - 1]?.key === 'the' || (prev.start === 0 && s.tokens[prev.end - 1].poss);
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

const PREPOSITIONS = new Set([
  'with',
  'to',
  'by',
  'from',
  'for',
  'at',
  'against',
  'about',
  'between',
  'than',
  'like',
  'including',
  'of',
]);
/** A name that is the object of a preposition ("with his Belarusian counterpart X", "with Sen. X"). */
function afterPreposition(s: AnalyzedSentence, start: number): boolean {
  const k = beforeNamePhrase(s, start);
  return k >= 0 && PREPOSITIONS.has(s.tokens[k].key);
}
