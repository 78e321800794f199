import type { Token } from '../text/tokens.ts';
import type { AnalyzedSentence, Chunk } from './chunks.ts';
import { ORG_HEADS } from './lexicon/organizations.ts';
import { SPEECH_VERBS } from './lexicon/verbs.ts';

/**
 * Organisations as speakers: "…,” the Foreign Ministry said", "…,” the ministry said in a statement" (the
 * nearest organisation named before whose name holds "ministry"), "…,” the group said" (the nearest named
 * organisation). A noun with no organisation named before it gives no speaker.
 */
export interface OrgMention {
  name: string;
  /** document offset of the mention */
  pos: number;
}

/** Nouns that stand for any organisation named before. */
const GENERIC = new Set([
  'group',
  'organisation',
  'organization',
  'company',
  'firm',
  'movement',
  'body',
  'bloc',
  'alliance',
  'militia',
  'agency',
  'operator',
]);
const LOOKBACK = 2000;

export function orgName(s: AnalyzedSentence, c: Chunk): string | null {
  if (c.type === 'gaz' && c.entry.type === 'org') return c.entry.org.name;
  if (c.type === 'org') return c.text;
  if (c.type === 'name' && c.headKind === 'org' && !s.headline) return c.text;
  return null;
}

/** Every named organisation of the document, in order. */
export function orgMentions(sentences: AnalyzedSentence[]): OrgMention[] {
  const out: OrgMention[] = [];
  for (const s of sentences)
    for (const c of s.chunks) {
      const name = orgName(s, c);
      if (name) out.push({ name, pos: s.tokens[c.start].start });
    }
  return out;
}

/**
 * The organisation a subject at after[k] names — "the Foreign Ministry", "the ministry", "the group" — if a
 * speech verb follows it (or, with `verbFirst`, came before it: "said the ministry").
 */
export function orgSubject(
  after: Token[],
  k: number,
  s: AnalyzedSentence,
  orgs: OrgMention[],
  before: number,
  verbFirst = false,
): string | null {
  const speaks = (x: Token | undefined) => verbFirst || (!!x && SPEECH_VERBS.has(x.key));
  let i = k;
  // "analysts at Acme said", "a spokesman for the ministry said": people who speak for the organisation
  if (after[i]?.key === 'a' || after[i]?.key === 'an') i++;
  if (SPEAKS_FOR.test(after[i]?.key ?? '') && /^(at|for|from|of)$/.test(after[i + 1]?.key ?? '')) i += 2;
  if (after[i]?.key === 'the') i++;
  const t = after[i];
  if (!t) return null;
  const ci = s.chunkAt[t.i];
  const c = ci >= 0 ? s.chunks[ci] : null;
  if (c && c.start === t.i && c.type === 'gaz' && c.entry.type === 'demonym') {
    // "said the Danish foreign ministry", "the Danish foreign ministry said"
    const n = after.findIndex((x, z) => z > i && z <= i + 3 && ORG_NOUN(x.key) && !x.cap);
    const body = n > 0 ? nationalBody(s, after[n].i) : null;
    return body && speaks(after[n + 1]) ? body : null;
  }
  if (c && c.start === t.i) {
    const name = orgName(s, c);
    const verb = after.find((x) => x.i === c.end);
    return name && speaks(verb) ? name : null;
  }
  if (t.cap || !(ORG_HEADS.has(t.key) || GENERIC.has(t.key)) || !speaks(after[i + 1]) || after[k]?.key !== 'the')
    return null;
  return referredOrg(t.key, orgs, before);
}

/**
 * The nearest organisation named before `before` that "the NOUN" refers to: one whose name holds the noun, else
 * for a generic noun ("the group", "the party") the nearest named at all.
 */
export function referredOrg(noun: string, orgs: OrgMention[], before: number): string | null {
  const word = new RegExp(`(^|\\s)${noun}(\\s|$)`, 'i');
  const near = orgs.filter((o) => o.pos < before && before - o.pos <= LOOKBACK).reverse();
  const named = near.find((o) => word.test(o.name));
  if (named) return named.name;
  return GENERIC.has(noun) || noun === 'party' ? (near[0]?.name ?? null) : null;
}

/** "…,” it said", "It asked …": the organisation named last, shortly before character offset `at`. */
export function lastOrgBefore(orgs: OrgMention[], at: number): string | null {
  return orgs.filter((o) => o.pos < at && at - o.pos <= 600).at(-1)?.name ?? null;
}

const PREPOSITIONS = new Set(['of', 'for', 'at', 'from', 'with', 'to', 'by', 'in', 'on', 'about', 'against']);
const ADVERBS = /^(also|has|have|had|then|later|again|once|further|would|will|had|separately)$|ly$/;

/**
 * The organisation that is the subject of the speech verb at token `vi`: "The Trust said in a statement that
 * …", "In a statement, the ministry indicated that …", "The Commission, in a note issued late, said …", "the
 * transport federation FTC said it would …". An organisation after a preposition ("X of the Federation said")
 * is not the subject.
 */
export function orgBeforeVerb(s: AnalyzedSentence, vi: number, orgs: OrgMention[]): string | null {
  let k = vi - 1;
  while (k >= 0 && s.tokens[k].kind === 'word' && ADVERBS.test(s.tokens[k].key)) k--;
  if (s.tokens[k]?.text === ',') {
    // over a parenthetical: ", in a note issued late,"
    let c = k - 1;
    while (c >= 0 && k - c <= 12 && s.tokens[c].text !== ',' && !/[.;:!?]/.test(s.tokens[c].text)) c--;
    if (c < 0 || s.tokens[c].text !== ',') return null;
    k = c - 1;
  }
  if (k < 0) return null;
  const ci = s.chunkAt[k];
  const c = ci >= 0 ? s.chunks[ci] : null;
  const pos = s.tokens[k].start;
  let start = c ? c.start : k;
  let name: string | null = null;
  const bareNoun = (!c || (c.type === 'name' && c.end - c.start === 1)) && ORG_NOUN(s.tokens[k].key);
  if (c && !bareNoun) {
    name = orgName(s, c);
    // "the transport federation FTC": an acronym after an organisation noun
    if (!name && c.type === 'name' && c.end - c.start === 1 && ORG_NOUN(s.tokens[c.start - 1]?.key)) {
      name = c.text;
      start = c.start - 1;
    }
  } else if (bareNoun) {
    // "the ministry", "the federation", "The Commission": an organisation named before
    const national = nationalBody(s, k);
    if (national) return national;
    if (s.tokens[k - 1]?.key !== 'the' && s.tokens[k - 2]?.key !== 'the') return null;
    name = referredOrg(s.tokens[k].key, orgs, pos);
  }
  if (!name) return null;
  let b = start - 1;
  while (
    b >= 0 &&
    s.tokens[b].kind === 'word' &&
    (s.tokens[b].key === 'the' ||
      (!s.tokens[b].cap && ORG_NOUN(s.tokens[b].key)) ||
      (s.chunkAt[b] >= 0 && s.chunks[s.chunkAt[b]].type === 'gaz'))
  )
    b--;
  if (b >= 0 && PREPOSITIONS.has(s.tokens[b].key) && !SPEAKS_FOR.test(s.tokens[b - 1]?.key ?? '')) return null;
  return name;
}

/** People who speak for an organisation without being named: "analysts at Acme", "a spokesman for the ministry". */
const SPEAKS_FOR =
  /^(?:analysts|analyst|economists|strategists|spokesman|spokeswoman|spokesperson|spokespeople|representatives?|officials)$/;

/**
 * "the Danish foreign ministry said": a country's body named by its demonym and a lower-case noun is the
 * speaker as written, when no organisation of that name was named before.
 */
function nationalBody(s: AnalyzedSentence, k: number): string | null {
  let j = k - 1;
  while (j >= 0 && k - j <= 2 && s.tokens[j].kind === 'word' && !s.tokens[j].cap && s.chunkAt[j] < 0) j--;
  const ci = j >= 0 ? s.chunkAt[j] : -1;
  const c = ci >= 0 ? s.chunks[ci] : null;
  if (!c || c.type !== 'gaz' || c.entry.type !== 'demonym' || c.end !== j + 1) return null;
  if (s.tokens[c.start - 1]?.key !== 'the') return null;
  const first = s.tokens[c.start].start - s.start;
  return s.text.slice(first, s.tokens[k].end - s.start);
}

const ORG_NOUN = (key: string | undefined) => !!key && (ORG_HEADS.has(key) || GENERIC.has(key));
