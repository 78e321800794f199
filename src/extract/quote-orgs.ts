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
const GENERIC = new Set(['group', 'organisation', 'organization', 'company', 'firm', 'movement', 'body', 'bloc', 'alliance', 'militia', 'agency', 'operator']);
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
  for (const s of sentences) for (const c of s.chunks) {
    const name = orgName(s, c);
    if (name) out.push({ name, pos: s.tokens[c.start].start });
  }
  return out;
}

/**
 * The organisation a subject at after[k] names — "the Foreign Ministry", "the ministry", "the group" — if a
 * speech verb follows it (or, with `verbFirst`, came before it: "said the ministry").
 */
export function orgSubject(after: Token[], k: number, s: AnalyzedSentence, orgs: OrgMention[], before: number, verbFirst = false): string | null {
  const speaks = (x: Token | undefined) => verbFirst || (!!x && SPEECH_VERBS.has(x.key));
  let i = k;
  if (after[i]?.key === 'the') i++;
  const t = after[i];
  if (!t) return null;
  const ci = s.chunkAt[t.i];
  const c = ci >= 0 ? s.chunks[ci] : null;
  if (c && c.start === t.i) {
    const name = orgName(s, c);
    const verb = after.find((x) => x.i === c.end);
    return name && speaks(verb) ? name : null;
  }
  if (t.cap || !(ORG_HEADS.has(t.key) || GENERIC.has(t.key)) || !speaks(after[i + 1]) || after[k]?.key !== 'the') return null;
  return referredOrg(t.key, orgs, before);
}

/** The nearest organisation named before `before` that "the NOUN" refers to. */
function referredOrg(noun: string, orgs: OrgMention[], before: number): string | null {
  const word = new RegExp(`(^|\\s)${noun}(\\s|$)`, 'i');
  for (let k = orgs.length - 1; k >= 0; k--) {
    const o = orgs[k];
    if (o.pos >= before) continue;
    if (before - o.pos > LOOKBACK) break;
    if (word.test(o.name) || GENERIC.has(noun)) return o.name;
  }
  return null;
}
