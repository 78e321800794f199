import { orgFullNames } from './organizations.ts';
import type { Sentence } from '../text/sentences.ts';
import { sentenceAt } from '../text/sentences.ts';
import type { ExtractedOrganization, ExtractedQuote } from './contract.ts';
import type { AnalyzedSentence } from './chunks.ts';
import type { PeopleResult, Person } from './people.ts';
import { SPEECH_VERBS } from './lexicon/verbs.ts';
import { isFunctionWord } from './lexicon/words.ts';
import { afterAttribution, afterOrgSpeaker, tokensAfterQuote } from './quote-after.ts';
import { speakerBeforeQuote } from './quote-before.ts';
import { buildQuoteContext, type QuoteContext } from './quote-context.ts';
import { describedSpeaker, documentSpeaker } from './quote-sources.ts';

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
  let i = 0;
  while (i < body.length) {
    const { closeAt, closed } = closingMark(body, i);
    if (closeAt < 0) {
      i++;
      continue;
    }
    const span = spanBetween(body, i, closeAt, closed);
    if (span) spans.push(span);
    i = closed ? closeAt + 1 : closeAt;
  }
  return spans;
}

/** Where the quotation opened at i closes; closed is false when it runs to the paragraph's end unclosed. */
interface Closing {
  closeAt: number;
  closed: boolean;
}
const NOT_A_QUOTE: Closing = { closeAt: -1, closed: false };

function closingMark(body: string, i: number): Closing {
  const ch = body[i];
  if (OPEN_DOUBLE.includes(ch) || (ch === '"' && isOpeningStraight(body, i))) return doubleClosing(body, i);
  if (ch === '‘' && (i === 0 || /[\s([—–-]/.test(body[i - 1])) && /\S/.test(body[i + 1] ?? '')) {
    return britishClosing(body, i);
  }
  if (ch === "'" && (i === 0 || /[\s([—–]/.test(body[i - 1])) && /\p{Lu}/u.test(body[i + 1] ?? '')) {
    return straightSingleClosing(body, i);
  }
  return NOT_A_QUOTE;
}

function paragraphEnd(body: string, from: number): number {
  const m = /\n\s*\n/g;
  m.lastIndex = from;
  const r = m.exec(body);
  return r ? r.index : body.length;
}

function doubleClosing(body: string, i: number): Closing {
  const ch = body[i];
  const end = paragraphEnd(body, i);
  // a straight opening mark may be closed by a curly one
  const want = ch === '"' ? '"”' : CLOSE_DOUBLE;
  let depth = 0;
  for (let k = i + 1; k < end; k++) {
    const c = body[k];
    if (ch !== '"' && OPEN_DOUBLE.includes(c)) depth++;
    else if (want.includes(c)) {
      if (depth === 0) return { closeAt: k, closed: true };
      depth--;
    }
  }
  // and a curly opening mark by a straight one, when no curly mark closes it
  const straight = ch !== '"' ? straightCloser(body, i + 1, end) : -1;
  return straight >= 0 ? { closeAt: straight, closed: true } : { closeAt: end, closed: false };
}

/** British-style single quotes: the closing ’ is one not followed by a letter. */
function britishClosing(body: string, i: number): Closing {
  const end = paragraphEnd(body, i);
  for (let k = i + 1; k < end; k++) {
    if (body[k] === '’' && !/\p{L}/u.test(body[k + 1] ?? '') && !/\s/.test(body[k - 1])) {
      if (
        /s$/.test(body.slice(k - 1, k)) &&
        /\p{L}/u.test(body[k - 2] ?? '') &&
        body[k + 1] === ' ' &&
        /\p{Ll}/u.test(body[k + 2] ?? '') &&
        k - i < 4
      )
        continue;
      return body.slice(i + 1, k).split(/\s+/).length < 2 ? NOT_A_QUOTE : { closeAt: k, closed: true };
    }
  }
  return NOT_A_QUOTE;
}

/** Straight single quotes around speech: 'We will not give in …,' he wrote */
function straightSingleClosing(body: string, i: number): Closing {
  const end = paragraphEnd(body, i);
  for (let k = i + 2; k < end; k++) {
    if (body[k] === "'" && !/\p{L}/u.test(body[k + 1] ?? '') && /[,.!?]/.test(body[k - 1])) {
      return body.slice(i + 1, k).split(/\s+/).length < 3 ? NOT_A_QUOTE : { closeAt: k, closed: true };
    }
  }
  return NOT_A_QUOTE;
}

function spanBetween(body: string, i: number, closeAt: number, closed: boolean): QuoteSpan | null {
  const raw = body.slice(i + 1, closeAt);
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  if (!text) return null;
  return {
    open: i,
    close: closed ? closeAt + 1 : closeAt,
    textStart: i + 1 + lead,
    textEnd: i + 1 + lead + text.length,
    text,
    closed,
    kind: classify(body, i, text),
  };
}

/** A straight mark that closes a quote: after a non-space, and not followed by a letter. */
function straightCloser(body: string, from: number, end: number): number {
  for (let k = from; k < end; k++)
    if (body[k] === '"' && /\S/.test(body[k - 1]) && !/[\p{L}\d]/u.test(body[k + 1] ?? '')) return k;
  return -1;
}

function isOpeningStraight(body: string, i: number): boolean {
  const before = i === 0 ? ' ' : body[i - 1];
  const after = body[i + 1] ?? ' ';
  return /[\s([—–:,-]/.test(before) && /\S/.test(after);
}

const TITLE_CUES =
  /\b(?:on|in|show|program|programme|film|movie|book|documentary|series|titled|entitled|newspaper|podcast|magazine|column|album|song|op-ed|editorial)\s*$/i;

function classify(body: string, open: number, text: string): QuoteSpan['kind'] {
  const words = text
    .replace(/[,.;:!?]+$/, '')
    .split(/\s+/)
    .filter(Boolean);
  const before = body.slice(Math.max(0, open - 40), open);
  const content = words.filter(
    (w) => !isFunctionWord(w) && !/^(of|the|and|a|an|in|on|to|for|at|by|with|from)$/i.test(w),
  );
  const titleCase = content.length > 0 && content.every((w) => /^[\p{Lu}\d]/u.test(w));
  const endsSentence = /[.!?…]$/.test(text);
  const atLineStart = /(^|\n)\s*$/.test(before);
  if (titleCase && words.length <= 8 && !endsSentence && !atLineStart && (TITLE_CUES.test(before) || words.length <= 4))
    return 'title';
  if (words.length <= 3 && !endsSentence) return 'term';
  return 'speech';
}

/**
 * Credits each quote to a speaker, stage by stage: the attribution after the quote ("…,” X said), then one
 * before it in its sentence ("X said that “…”"), then the previous speaker when the quote carries on their words.
 */
export function attributeQuotes(
  spans: QuoteSpan[],
  sentences: AnalyzedSentence[],
  rawSentences: Sentence[],
  people: PeopleResult,
  body: string,
): ExtractedQuote[] {
  const ctx = buildQuoteContext(sentences, people, body);
  const out: ExtractedQuote[] = [];
  let prevSpeaker: PreviousSpeaker | null = null;
  for (const q of spans) {
    const si = sentenceAt(rawSentences, q.textStart);
    const ei = sentenceAt(rawSentences, Math.max(q.textStart, q.textEnd - 1));
    const para = ctx.paragraphOf(q.open);
    const who: Credit =
      q.kind === 'title' ? { speaker: null, org: null } : attributeQuote(q, si, ei, para, prevSpeaker, ctx);
    out.push({ speaker: who.speaker?.name ?? who.org, text: q.text, sentence: si });
    if (q.kind === 'speech') prevSpeaker = { person: who.speaker, org: who.org, para };
    if (who.speaker) ctx.prevSpeakerPerson = who.speaker;
  }
  return out;
}

interface Credit {
  speaker: Person | null;
  org: string | null;
}

interface PreviousSpeaker {
  person: Person | null;
  org: string | null;
  para: number;
}

/** The speaker of one quote (a person, or an organisation's name), trying each stage in turn. */
function attributeQuote(
  q: QuoteSpan,
  si: number,
  ei: number,
  para: number,
  prev: PreviousSpeaker | null,
  ctx: QuoteContext,
): Credit {
  const s = ctx.sentences[si];
  const after = speakerAfterQuote(q, si, ei, ctx);
  if (after.found) return { speaker: after.speaker, org: after.org };
  const before = speakerBeforeQuote(q, s, si, ctx);
  if (before.found) return { speaker: before.speaker, org: before.org ?? null };
  return continuedSpeaker(q, si, para, prev, ctx);
}

/** "…,” X said" / "…,” she asserted" / "…,” the ministry said in a statement". */
function speakerAfterQuote(
  q: QuoteSpan,
  si: number,
  ei: number,
  ctx: QuoteContext,
): { found: boolean; speaker: Person | null; org: string | null } {
  const { tail, s } = tokensAfterQuote(ctx, ei, q.close);
  const r = afterAttribution(tail, s, ctx);
  if (r.found) {
    const speaker = r.person ?? (r.pronoun && r.pronoun !== 'p' ? ctx.resolvePronoun(r.pronoun, si, q.open) : null);
    return { found: true, speaker, org: null };
  }
  // an organisation speaks (a scare-quoted term does not)
  const org = q.kind === 'speech' ? afterOrgSpeaker(tail, s, ctx.orgs, q.open) : null;
  if (org || q.kind !== 'speech') return { found: !!org, speaker: null, org };
  const doc = documentSpeaker(tail, si, ctx);
  if (doc) return { found: true, speaker: doc.person, org: doc.org };
  const described = describedSpeaker(tail, s, ctx);
  return { found: !!described, speaker: described, org: null };
}

/** A speech quote that opens its sentence and carries on the previous speaker's words (same or next paragraph). */
function continuedSpeaker(
  q: QuoteSpan,
  si: number,
  para: number,
  prev: PreviousSpeaker | null,
  ctx: QuoteContext,
): Credit {
  const none = { speaker: null, org: null };
  const s = ctx.sentences[si];
  const opensSentence = !s.tokens.some((t) => t.kind === 'word' && t.end <= q.open);
  if (q.kind !== 'speech' || !opensSentence) return none;
  if (hasOtherPerson(ctx.sentences, ctx.people, si, q)) return none;
  const near = !!prev && (prev.para === para || prev.para === para - 1);
  if (near && prev.person) return { speaker: prev.person, org: null };
  // an organisation's words go on in the next quote of its paragraph
  if (near && prev.org && prev.para === para) return { speaker: null, org: prev.org };
  return { speaker: reportedSpeakerBefore(si, para, ctx), org: null };
}

/**
 * "…, Anwar added. “This is an important first step.”": a quote with no attribution right after a sentence that
 * reports one person's words goes on with that person's words.
 */
function reportedSpeakerBefore(si: number, para: number, ctx: QuoteContext): Person | null {
  const s = ctx.sentences[si - 1];
  if (!s || !s.tokens.length) return null;
  const sPara = ctx.paragraphOf(s.tokens[0].start);
  if (sPara !== para && sPara !== para - 1) return null;
  const speakers = new Set<Person>();
  s.chunks.forEach((c, ci) => {
    const pid = ctx.people.byChunk.get(`${s.index}:${ci}`);
    if (pid === undefined) return;
    const next = s.tokens[c.end];
    const prevTok = s.tokens[c.start - 1];
    if ((next && SPEECH_VERBS.has(next.key)) || (prevTok && SPEECH_VERBS.has(prevTok.key)))
      speakers.add(ctx.people.people[pid]);
  });
  return speakers.size === 1 ? [...speakers][0] : null;
}

function hasOtherPerson(sentences: AnalyzedSentence[], people: PeopleResult, si: number, q: QuoteSpan): boolean {
  const s = sentences[si];
  // names inside the quote itself are not other speakers
  return s.chunks.some(
    (c, ci) =>
      c.type === 'name' &&
      people.byChunk.has(`${s.index}:${ci}`) &&
      !(s.tokens[c.start].start >= q.open && s.tokens[c.end - 1].end <= q.close),
  );
}

/**
 * An organisation credited by a short form ("the ILO" for "International Labour Organization", "the Fund" for the one
 * fund the text names) takes its full name.
 */
export function canonicalOrgSpeakers(quotes: ExtractedQuote[], orgs: ExtractedOrganization[]): ExtractedQuote[] {
  const full = orgFullNames(orgs);
  return quotes.map((q) => {
    const name = q.speaker ? full.get(q.speaker.toLowerCase()) : undefined;
    return name ? { ...q, speaker: name } : q;
  });
}
