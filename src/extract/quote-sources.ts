import type { Token } from '../text/tokens.ts';
import type { AnalyzedSentence } from './chunks.ts';
import type { Person } from './people.ts';
import { SPEECH_VERBS } from './lexicon/verbs.ts';
import { orgName } from './quote-orgs.ts';
import type { QuoteContext } from './quote-context.ts';

/**
 * Speakers after a quote that the plain "X said" shapes miss: a document that speaks for whoever issued it
 * ("…,” the statement said" after "a statement from the union") and a description holding the speaker's name
 * ("…,” one of the party's leaders, Ana Ruiz, said").
 */
export interface SourceCredit {
  person: Person | null;
  org: string | null;
}

/** Documents that speak for the person or organisation that issued them. */
const DOCUMENT_NOUNS = new Set([
  'statement',
  'letter',
  'release',
  'communique',
  'communiqué',
  'memo',
  'notice',
  'post',
  'message',
  'declaration',
  'filing',
]);

/** "…,” the statement said": the issuer of the nearest such document named before, in this or a recent sentence. */
export function documentSpeaker(tail: Token[], si: number, ctx: QuoteContext): SourceCredit | null {
  let k = 0;
  while (k < tail.length && tail[k].kind === 'punct' && /[,—–-]/.test(tail[k].text)) k++;
  const verbFirst = SPEECH_VERBS.has(tail[k]?.key ?? '');
  if (verbFirst) k++;
  if (!/^(the|that|this)$/.test(tail[k]?.key ?? '')) return null;
  let n = k + 1;
  if (tail[n] && tail[n].kind === 'word' && !tail[n].cap && !DOCUMENT_NOUNS.has(tail[n].key)) n++;
  if (!DOCUMENT_NOUNS.has(tail[n]?.key ?? '')) return null;
  if (!verbFirst && !SPEECH_VERBS.has(tail[n + 1]?.key ?? '')) return null;
  const noun = tail[n].key;
  for (let b = si; b >= 0 && b >= si - 3; b--) {
    const s = ctx.sentences[b];
    const limit = b === si ? tail[k].i : s.tokens.length;
    for (let i = limit - 1; i >= 0; i--) {
      if (s.tokens[i].key !== noun) continue;
      const issuer = issuerOf(s, i, ctx);
      if (issuer) return issuer;
    }
  }
  return null;
}

/** "a statement from/by/of X", "X's statement", "X issued a statement": who issued the document at token `i`. */
function issuerOf(s: AnalyzedSentence, i: number, ctx: QuoteContext): SourceCredit | null {
  const at = (k: number): SourceCredit | null => {
    if (k < 0 || k >= s.tokens.length) return null;
    const p = ctx.personAt(s, k);
    if (p) return { person: p.person, org: null };
    const ci = s.chunkAt[k];
    const name = ci >= 0 ? orgName(s, s.chunks[ci]) : null;
    return name ? { person: null, org: name } : null;
  };
  if (/^(from|by|of)$/.test(s.tokens[i + 1]?.key ?? '')) {
    const k = s.tokens[i + 2]?.key === 'the' ? i + 3 : i + 2;
    const r = at(k);
    if (r) return r;
  }
  // "the union's statement", "the ministry statement", "X issued a statement": the nearest name before it
  for (let k = i - 1; k >= 0 && k >= i - 5; k--) {
    if (s.tokens[k].kind === 'punct' && s.tokens[k].text !== '’' && s.tokens[k].text !== "'") break;
    const r = at(k);
    if (r) return r;
  }
  return null;
}

const DESCRIPTION_OPENERS = new Set(['one', 'a', 'an', 'the', 'another', 'his', 'her', 'their', 'its', 'two']);

/**
 * "…,” one of the party's leaders, Ana Ruiz, said": a description opening the attribution, then one person's
 * name, then the speech verb — the name is the speaker.
 */
export function describedSpeaker(tail: Token[], s: AnalyzedSentence, ctx: QuoteContext): Person | null {
  let k = 0;
  while (k < tail.length && tail[k].kind === 'punct' && /[,—–-]/.test(tail[k].text)) k++;
  const first = tail[k];
  // the description opens with a determiner ("one of", "a spokesman for", "the union's leader"), not a clause
  if (!first || first.cap || !DESCRIPTION_OPENERS.has(first.key)) return null;
  const found = new Set<Person>();
  for (let m = k; m < tail.length && m < k + 12; m++) {
    const t = tail[m];
    if (t.kind === 'punct' && /[.;:!?()]/.test(t.text)) return null;
    if (SPEECH_VERBS.has(t.key)) {
      const prev = tail[m - 1];
      const named = prev && (prev.text === ',' || ctx.personAt(s, prev.i));
      return found.size === 1 && named ? [...found][0] : null;
    }
    const p = ctx.personAt(s, t.i);
    if (p) found.add(p.person);
  }
  return null;
}
