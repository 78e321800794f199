import type { Token } from '../text/tokens.ts';
import type { AnalyzedSentence, TitleChunk } from './chunks.ts';
import type { Person } from './people.ts';
import { SPEECH_VERBS } from './lexicon/verbs.ts';
import { lastOrgBefore, orgSubject, type OrgMention } from './quote-orgs.ts';
import { SUBJECT_PRONOUNS, type QuoteContext } from './quote-context.ts';

/**
 * Attribution after the quote: "…,” X said" / "…,” said X" / "…,” she asserted" / "…,” the president said",
 * and for speech an organisation: "…,” the ministry said in a statement".
 */
export interface AfterResult {
  found: boolean;
  person?: Person | null;
  pronoun?: 'm' | 'f' | 'p';
}

/** The tokens of the quote's last sentence after its closing mark (the attribution tail). */
export function tokensAfterQuote(ctx: QuoteContext, ei: number, close: number): { tail: Token[]; s: AnalyzedSentence } {
  const s = ctx.sentences[Math.min(ei, ctx.sentences.length - 1)];
  const tail = s.tokens.filter((t) => t.start >= close).slice(0, 12);
  // “… told them so!” Ruiz posted.: a quote that ends its sentence, attributed by the next one on the same line
  const next = ctx.sentences[ei + 1];
  if (!tail.length && next?.tokens.length && /^[ \t]*$/.test(ctx.body.slice(close, next.tokens[0].start)))
    return { tail: next.tokens.slice(0, 12), s: next };
  return { tail, s };
}

export function afterAttribution(after: Token[], s: AnalyzedSentence, ctx: QuoteContext): AfterResult {
  let k = 0;
  while (k < after.length && after[k].kind === 'punct' && /[,—–-]/.test(after[k].text)) k++;
  const t = after[k];
  if (!t) return { found: false };
  // "she asserted", "he told reporters"
  const pr = SUBJECT_PRONOUNS[t.key];
  if (
    pr &&
    after[k + 1] &&
    (SPEECH_VERBS.has(after[k + 1].key) ||
      (after[k + 2] && /ly$/.test(after[k + 1].key) && SPEECH_VERBS.has(after[k + 2].key)))
  )
    return { found: true, pronoun: pr };
  // "said X" / "X said" / "the president said"
  if (SPEECH_VERBS.has(t.key) && after[k + 1]) {
    const direct = ctx.personAt(s, after[k + 1].i);
    if (direct) return { found: true, person: direct.person };
    const np = subjectNP(after, k + 1, s, ctx);
    if (np) return { found: true, person: np };
    const pr2 = SUBJECT_PRONOUNS[after[k + 1].key];
    if (pr2) return { found: true, pronoun: pr2 };
    return { found: false };
  }
  const subj = subjectAt(after, k, s, ctx);
  if (subj) {
    let v = subj.end;
    // "X, the prime minister, told parliament": over an appositive to the verb
    const close = after[v]?.text === ',' ? after.findIndex((x, n) => n > v && n <= v + 10 && x.text === ',') : -1;
    if (
      close > 0 &&
      !after.slice(v + 1, close).some((x) => SPEECH_VERBS.has(x.key) || (x.kind === 'punct' && x.text !== ','))
    )
      v = close;
    if (after[v]?.text === ',') v++;
    // skip an adverb or an auxiliary ("later said", "has said")
    while (
      v < after.length &&
      v < subj.end + 2 &&
      (/ly$/.test(after[v].key) || /^(has|had|have|also|then|later|again|once)$/.test(after[v].key))
    )
      v++;
    if (after[v] && SPEECH_VERBS.has(after[v].key)) return { found: true, person: subj.person };
  }
  return { found: false };
}

const NAME_PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'di',
  'da',
  'du',
  'dos',
  'das',
  'la',
  'le',
  'ter',
  'ten',
  'al',
  'el',
  'bin',
  'ibn',
]);

/** A subject noun phrase starting at after[k]: a person, a title + person, or "the TITLE" (a known role). */
export function subjectAt(
  after: Token[],
  k: number,
  s: AnalyzedSentence,
  ctx: QuoteContext,
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
    // "van der Berg said": a lowercase surname particle before the name
    if (
      tok.kind === 'word' &&
      NAME_PARTICLES.has(tok.key) &&
      !tok.cap &&
      after[idx + 1] &&
      s.chunkAt[after[idx + 1].i] >= 0
    ) {
      idx++;
      continue;
    }
    // "the adviser, Omar Haddad, told"
    if (tok.kind === 'punct' && tok.text === ',' && lastTitle && !person) {
      idx++;
      continue;
    }
    const ci = s.chunkAt[tok.i];
    // "union leader Ana Diaz said", "company spokesman Li Wei said": a noun or two naming what the title is of
    if (ci < 0 && !person && !lastTitle && idx - k < 2 && modifiesTitle(after, idx, s)) {
      idx++;
      continue;
    }
    if (ci < 0) break;
    const c = s.chunks[ci];
    const p = ctx.personAt(s, tok.i);
    // "Acme chair Jo Roe said": a name right before a title is what the title is of, not the speaker
    const owner = c.type === 'name' && s.chunks[ci + 1]?.type === 'title' && s.chunks[ci + 1].start === c.end;
    if (p && !owner) person = p.person;
    if (c.type === 'title') lastTitle = c;
    const endTok = c.end;
    while (idx < after.length && after[idx].i < endTok) idx++;
    if (person) break;
  }
  if (!person && lastTitle) {
    const rp = ctx.rolePerson(lastTitle, s);
    return { person: rp, end: idx };
  }
  if (!person) return null;
  return { person, end: idx };
}

/** "…,” the ministry said" / "…,” said the group": an organisation after the quote. */
export function afterOrgSpeaker(
  after: Token[],
  s: AnalyzedSentence,
  orgs: OrgMention[],
  before: number,
): string | null {
  let k = 0;
  while (k < after.length && after[k].kind === 'punct' && /[,—–-]/.test(after[k].text)) k++;
  // "said the ministry": the subject after the verb
  if (SPEECH_VERBS.has(after[k]?.key ?? '')) return orgSubject(after, k + 1, s, orgs, before, true);
  // "…,” it said": the organisation named last before the quote
  if (after[k]?.key === 'it' && SPEECH_VERBS.has(after[k + 1]?.key ?? '')) return lastOrgBefore(orgs, before);
  return orgSubject(after, k, s, orgs, before);
}

function subjectNP(after: Token[], k: number, s: AnalyzedSentence, ctx: QuoteContext): Person | null {
  // "said Norway’s ambassador, Ivan Petrenko" — look a few tokens on for a person
  for (let m = k; m < after.length && m < k + 10; m++) {
    if (after[m].kind === 'punct' && /[.;]/.test(after[m].text)) break;
    const p = ctx.personAt(s, after[m].i);
    if (p) return p.person;
  }
  const sub = subjectAt(after, k, s, ctx);
  return sub?.person ?? null;
}

/** A plain word right before a title, or before a word that is: "authority chairwoman", "party deputy leader". */
function modifiesTitle(after: Token[], idx: number, s: AnalyzedSentence): boolean {
  const tok = after[idx];
  if (tok.kind !== 'word' || SPEECH_VERBS.has(tok.key) || SUBJECT_PRONOUNS[tok.key]) return false;
  for (const n of [idx + 1, idx + 2]) {
    const next = after[n];
    if (!next || next.kind !== 'word') return false;
    const ci = s.chunkAt[next.i];
    if (ci >= 0) return s.chunks[ci].type === 'title';
  }
  return false;
}
