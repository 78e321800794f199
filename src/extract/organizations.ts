import type { Token } from '../text/tokens.ts';
import type { ExtractedOrganization } from './contract.ts';
import type { AnalyzedSentence, Chunk, NameChunk } from './chunks.ts';
import type { PeopleResult } from './people.ts';
import { gazetteerAt } from './lexicon/gazetteer.ts';
import { BASED_WORD, ORG_HEADS, SHIP_PREFIXES } from './lexicon/organizations.ts';
import { isCommonWord, isFirstName } from './lexicon/words.ts';
import { tokenize } from '../text/tokens.ts';
import { isCompanyName } from './people/candidates.ts';

/** A credited agency's name, canonical when it is a known one ("AP" → "Associated Press"). */
function agencyName(text: string): string {
  const tokens = tokenize(text);
  const g = gazetteerAt(tokens, 0);
  return g && g.end === tokens.length && g.entry.type === 'org' ? g.entry.org.name : text;
}

/**
 * Organisations: known bodies from the gazetteer (acronym and long form merged), names built on an
 * organisation head ("Ministry of Defence", "Foreign Ministry"), "X (ACR)" definitions, "the Trump administration",
 * and "NATO Treaty"-style extensions of a known name as aliases.
 */
interface Acc {
  name: string;
  aliases: Set<string>;
  sentences: number[];
  mentions: number;
}
const EXTENSIONS = new Set(['treaty', 'charter', 'summit', 'headquarters', 'allies', 'alliance']);

const ORG_NOUNS = new Set([
  'company',
  'operator',
  'firm',
  'group',
  'agency',
  'bank',
  'house',
  'broadcaster',
  'network',
  'newspaper',
  'channel',
  'organization',
  'organisation',
  'party',
  'producer',
  'manufacturer',
  'maker',
  'giant',
  'conglomerate',
  'utility',
  'insurer',
  'lender',
  'carrier',
  'airline',
  'exporter',
  'supplier',
  'monopoly',
  'militia',
  'movement',
  'charity',
  'ngo',
  'watchdog',
  'regulator',
  'outlet',
  'agency',
  'startup',
  'fund',
  'exchange',
  'platform',
]);
const CORPORATE = new Set([
  'ASA',
  'SE',
  'AG',
  'plc',
  'PLC',
  'Inc',
  'Corp',
  'Ltd',
  'LLC',
  'SA',
  'S.A',
  'NV',
  'N.V',
  'GmbH',
  'SpA',
  'S.p.A',
  'AB',
  'Oyj',
  'BV',
  'KGaA',
  'PJSC',
  'JSC',
  'OAO',
  'PAO',
  'Co',
]);
const SAY = /^(said|says|reported|reports|announced|announces|warned|confirmed|stated)$/;

/** An unknown name the context makes an organisation: "Elering, Estonia’s grid operator", "Finland’s Fingrid said". */
function looksLikeOrg(s: AnalyzedSentence, ci: number): boolean {
  const c = s.chunks[ci];
  if (c.type !== 'name' || c.headKind || /-based$/.test(c.text)) return false;
  const { tokens } = s;
  if (tokens[c.end]?.text === ',') {
    for (let k = c.end + 1; k < tokens.length && k < c.end + 8; k++) {
      if (tokens[k].kind === 'punct') break;
      // "X, the White House said" names no body: an appositive's noun is lower case
      if (ORG_NOUNS.has(tokens[k].key) && !tokens[k].cap) return true;
    }
  }
  // "the depository Euroclear", "the political analysis firm R.Politik"; "the Confluence Advisory think tank"
  // "Acme ASA", "Nordwerk SE", "Siemens AG": a company's legal form
  if (!c.poss && CORPORATE.has((tokens[c.end]?.text ?? '').replace(/\.$/, ''))) return true;
  const before = tokens[c.start - 1];
  if (
    before &&
    (ORG_NOUNS.has(before.key) ||
      before.key === 'depository' ||
      (before.key === 'tank' && tokens[c.start - 2]?.key === 'think'))
  )
    return true;
  if (tokens[c.end]?.key === 'think' && tokens[c.end + 1]?.key === 'tank') return true;
  if (
    tokens[c.end] &&
    !c.poss &&
    /^(news|think)$/.test(tokens[c.end].key) === false &&
    ORG_NOUNS.has(tokens[c.end].key) &&
    tokens[c.end].key !== 'house' &&
    tokens[c.start - 1]?.key === 'the'
  )
    return true;
  const prev = ci > 0 ? s.chunks[ci - 1] : null;
  if (
    prev &&
    prev.type === 'gaz' &&
    (prev.entry.type === 'country' || prev.entry.type === 'place') &&
    tokens[prev.end - 1].poss &&
    prev.end === c.start &&
    c.keys.length === 1 &&
    SAY.test(tokens[c.end]?.key ?? '')
  )
    return true;
  // "an Ipsos poll", "a Vetra survey": the maker of a poll, a survey or a study
  if (
    c.keys.length <= 2 &&
    !c.poss &&
    /^(poll|polls|survey|surveys|study|analysis|report)$/.test(tokens[c.end]?.key ?? '') &&
    /^(a|an|the|latest|new|recent)$/.test(tokens[c.start - 1]?.key ?? '') &&
    !isFirstName(tokens[c.start].text)
  )
    return true;
  // "Acme employees", "Acme said": a name of no English word and no given name, with a company's staff or voice
  if (c.keys.length <= 2 && !c.poss && companyCue(s, c)) return true;
  if (c.keys.length <= 3 && (ownedByCompany(s, c) || reportsNews(s, c))) return true;
  // "Xinhua reported", "Yonhap quoted him as saying": what reports is a news outlet, not a person (people are resolved
  // first)
  if (
    c.keys.length === 1 &&
    !c.poss &&
    !isFirstName(c.text) &&
    /^(reported|reports|quoted|quotes)$/.test(tokens[c.end]?.key ?? '')
  )
    return true;
  return false;
}

/**
 * "the far-right Alternative for Progress (AfP)", "Friends of the Valley (FOV)": a capitalised name, possibly
 * joined to a second by "for", "of" or "and", defined by a parenthesised acronym with its first letter — an
 * organisation, whatever its head.
 */
function definedName(s: AnalyzedSentence, ci: number): { name: string; acronym: string } | null {
  const { tokens, chunks } = s;
  const c = chunks[ci] as NameChunk;
  if (c.poss || s.headline) return null;
  let end = c.end;
  const n = chunks[ci + 1];
  const joiner = tokens[c.end];
  const named = n && (n.type === 'name' || (n.type === 'gaz' && n.entry.type !== 'org'));
  if (named && joiner && /^(for|of|and)$/.test(joiner.key)) {
    const lead = tokens[c.end + 1]?.key === 'the' ? 1 : 0;
    const kind = /^(party|movement|alliance|coalition|group)$/.test(tokens[n.end]?.key ?? '') ? 1 : 0;
    if (n.start === c.end + 1 + lead && tokens[n.end + kind]?.text === '(') end = n.end;
  }
  // "the Alternative for Progress party (AfP)": the kind of body between the name and its acronym
  const paren = tokens[end]?.text === '(' ? end : end + 1;
  // a lone name before its acronym is left to the initials check (mergeInitials)
  if (end === c.end && paren === end) return null;
  if (paren !== end && !/^(party|movement|alliance|coalition|group)$/.test(tokens[end]?.key ?? '')) return null;
  if (tokens[paren]?.text !== '(' || tokens[paren + 2]?.text !== ')') return null;
  const acr = tokens[paren + 1];
  if (!acr || acr.kind !== 'word' || !/^\p{Lu}[\p{L}]{1,6}$/u.test(acr.text) || !/\p{Lu}.*\p{Lu}/u.test(acr.text))
    return null;
  if (acr.text[0] !== tokens[c.start].text[0] || end - c.start < 2) return null;
  // "the Northern Link Route for Trade (NLRT)": a thing's name, not a body's
  if (tokens.slice(c.start, end).some((t) => THING_NOUNS.has(t.key))) return null;
  return { name: s.text.slice(tokens[c.start].start - s.start, tokens[end - 1].end - s.start), acronym: acr.text };
}

const isOrgChunk = (s: AnalyzedSentence, c: Chunk) =>
  (c.type === 'gaz' && c.entry.type === 'org') || c.type === 'org' || (c.type === 'name' && c.headKind === 'org');

/**
 * "the CDU, SPD, Greens and Left Party", "the SPD and Greens": the items of a list that an organisation opens are
 * organisations too — an acronym, a capitalised plural, or "A and B Party" (two items, not one name).
 */
function listedWithOrgs(s: AnalyzedSentence, people: PeopleResult): { names: string[]; chunks: Set<number> } {
  const { tokens, chunks } = s;
  const names: string[] = [];
  const used = new Set<number>();
  if (s.headline) return { names, chunks: used };
  for (let ci = 0; ci < chunks.length; ci++) {
    if (!isOrgChunk(s, chunks[ci])) continue;
    let j = chunks[ci].end;
    for (let items = 0; items < 6; items++) {
      const sep = j;
      while (tokens[j] && (tokens[j].text === ',' || tokens[j].key === 'and')) j++;
      if (j === sep || !tokens[j]) break;
      const k = s.chunkAt[j];
      const c = k >= 0 ? chunks[k] : null;
      if (c && c.start === j && isOrgChunk(s, c) && c.type !== 'name') {
        j = c.end;
        continue;
      }
      const item = c && c.start === j ? listItem(s, k, people) : bareAcronym(s, j);
      if (!item) break;
      names.push(...item);
      if (c && c.start === j) used.add(k);
      j = c && c.start === j ? c.end : j + 1;
    }
  }
  return { names, chunks: used };
}

const LEANINGS = new Set([
  'far-right',
  'far-left',
  'centre-right',
  'center-right',
  'centre-left',
  'center-left',
  'right-wing',
  'left-wing',
  'hard-right',
  'hard-left',
]);
const POLL_NOUNS = /^(poll|polls|survey|surveys|study)$/;

/**
 * "the far-right AfP", "the centre-left SDR": a party's acronym after a political leaning; "a ZTV survey": the
 * maker of a poll or survey. Only acronyms that name no person.
 */
function cuedAcronyms(s: AnalyzedSentence, people: PeopleResult): string[] {
  const { tokens } = s;
  const out: string[] = [];
  if (s.headline) return out;
  for (let j = 1; j < tokens.length; j++) {
    const t = tokens[j];
    if (t.kind !== 'word' || !/^\p{Lu}[\p{L}]{1,5}$/u.test(t.text) || !/\p{Lu}.*\p{Lu}/u.test(t.text)) continue;
    const k = s.chunkAt[j];
    if (k >= 0 && (s.chunks[k].type !== 'name' || s.chunks[k].end - s.chunks[k].start > 1)) continue;
    if (k >= 0 && people.byChunk.has(`${s.index}:${k}`)) continue;
    const leaning = LEANINGS.has(tokens[j - 1].key);
    const poll = POLL_NOUNS.test(tokens[j + 1]?.key ?? '') && /^(a|an|the)$/.test(tokens[j - 1].key);
    if (leaning || poll || (k < 0 && acronymCue(s, j))) out.push(t.text);
  }
  return out;
}

/** "ACME said", "ACME shares", "a statement to ACME", "told ACME": an acronym that speaks, reports or is owned. */
function acronymCue(s: AnalyzedSentence, j: number): boolean {
  const { tokens } = s;
  const next = tokens[j + 1];
  if (next && next.kind === 'word' && !next.cap && (SAY.test(next.key) || COMPANY_OWNS.test(next.key))) return true;
  const reported = (w: Token | undefined) => /^(?:reported|reports)$/.test(w?.key ?? '');
  if (next?.key === 'and' && (reported(tokens[j + 3]) || reported(tokens[j + 4]))) return true;
  const lead = tokens
    .slice(Math.max(0, j - 2), j)
    .map((w) => w.key)
    .join(' ');
  return /(?:^|\s)(?:statement to|told|interview with|according to)$/.test(lead);
}

const ORG_PLURALS =
  /^(?:companies|firms|groups|heavyweights|rivals|banks|lenders|insurers|carriers|airlines|makers|drugmakers|carmakers|automakers|outlets|broadcasters|newspapers|unions|parties|agencies|bidders|suitors|giants|players|retailers|miners|funds|investors)$/;

/** "pharma heavyweights including Acme, Bolt and Corex", "rivals such as Acme": the examples of a kind of body. */
function exampleOrgs(s: AnalyzedSentence, people: PeopleResult): string[] {
  const { tokens } = s;
  const out: string[] = [];
  for (let j = 1; j < tokens.length; j++) {
    const such = tokens[j].key === 'such' && tokens[j + 1]?.key === 'as';
    if (tokens[j].key !== 'including' && !such) continue;
    if (!ORG_PLURALS.test(tokens[j - 1].key) && !ORG_PLURALS.test(tokens[j - 2]?.key ?? '')) continue;
    let k = j + (such ? 2 : 1);
    while (k < tokens.length) {
      const ci = s.chunkAt[k];
      const c = ci >= 0 ? s.chunks[ci] : null;
      if (!c || c.start !== k || c.type !== 'name' || people.byChunk.has(`${s.index}:${ci}`)) break;
      out.push(c.text.replace(/’s$/, ''));
      k = c.end;
      if (tokens[k]?.text === ',') k++;
      if (tokens[k]?.key === 'and' || tokens[k]?.key === 'or') k++;
    }
  }
  return out;
}

/** An unchunked all-capitals word of two to five letters. */
function bareAcronym(s: AnalyzedSentence, j: number): string[] | null {
  const t = s.tokens[j];
  return t.kind === 'word' && s.chunkAt[j] < 0 && /^\p{Lu}{2,5}$/u.test(t.text) ? [t.text] : null;
}

function listItem(s: AnalyzedSentence, k: number, people: PeopleResult): string[] | null {
  const c = s.chunks[k];
  if (c.type !== 'name' || c.poss || people.byChunk.has(`${s.index}:${k}`)) return null;
  const words = c.text.split(/\s+/);
  // "Greens and Left Party": two items, the second an organisation by its head
  const and = words.indexOf('and');
  if (and === 1 && words.length >= 3 && ORG_HEADS.has(words[words.length - 1].toLowerCase()))
    return [words[0], words.slice(2).join(' ')];
  if (words.length === 1 && (/^\p{Lu}{2,5}$/u.test(c.text) || /^\p{Lu}\p{Ll}+s$/u.test(c.text))) return [c.text];
  if (c.headKind === 'org') return [c.text];
  return null;
}

/** The staff a company has ("Acme workers"), or a verb of what it says and does ("Acme said", "Acme announced"). */
const COMPANY_AFTER =
  /^(?:employees|employee|workers|staff|machinists|shareholders|executives|executive|said|says|announced|announces)$/;

function companyCue(s: AnalyzedSentence, c: NameChunk): boolean {
  const next = s.tokens[c.end];
  if (!next || next.cap || !COMPANY_AFTER.test(next.key)) return false;
  return s.tokens.slice(c.start, c.end).every((w) => !isCommonWord(w.text) && !isFirstName(w.text) && !w.upper);
}

/** What only a company has: "Acme shares rose", "shares in Acme", "Acme’s board", "rival Acme", "drugmaker Acme". */
const COMPANY_OWNS =
  /^(?:shares|stock|shareholders|board|directors|investors|bid|takeover|share|subsidiary|unit|chief|ceo|chairman|chairwoman|chairperson)$/;
const COMPANY_BEFORE =
  /^(?:ruling|governing|rival|rivals|drugmaker|carmaker|automaker|chipmaker|miner|retailer|shipbuilder|brewer|bidder|suitor|peer|acquirer|pharma|pharmaceutical|pharmaceuticals)$/;

function ownedByCompany(s: AnalyzedSentence, c: NameChunk): boolean {
  const { tokens } = s;
  const next = tokens[c.end];
  const before = tokens[c.start - 1];
  if (s.tokens.slice(c.start, c.end).some((w) => isFirstName(w.text))) return false;
  if (next && !next.cap && next.kind === 'word' && COMPANY_OWNS.test(next.key)) return true;
  if (before && !before.cap && COMPANY_BEFORE.test(before.key)) return true;
  return before?.key === 'in' && tokens[c.start - 2]?.key === 'shares';
}

/** A news outlet: "Acme reported", "told Acme news agency", "a statement to Acme", "Acme was the first to report". */
function reportsNews(s: AnalyzedSentence, c: NameChunk): boolean {
  const { tokens } = s;
  const next = tokens[c.end];
  if (c.poss || s.tokens.slice(c.start, c.end).some((w) => isFirstName(w.text))) return false;
  if (next?.key === 'news' && /^(agency|outlet|site|network|channel)$/.test(tokens[c.end + 1]?.key ?? '')) return true;
  const prev = tokens[c.start - 1]?.key === 'the' ? tokens[c.start - 2] : tokens[c.start - 1];
  if (/^(?:reported|reports)$/.test(next?.key ?? '') && prev?.key === 'and') return true;
  const tail = tokens
    .slice(c.end, c.end + 6)
    .map((w) => w.key)
    .join(' ');
  if (/^(?:was|were|is) the first to report/.test(tail)) return true;
  const lead = tokens
    .slice(Math.max(0, c.start - 3), c.start)
    .map((w) => w.key)
    .join(' ');
  return /\bstatement to$|\b(?:interview|interviews) with$/.test(lead);
}

/** "DRP Alliance", "NLP Youth League": an unchunked acronym right before an organisation's name is part of it. */
function withAcronymBefore(s: AnalyzedSentence, c: NameChunk): string {
  const t = s.tokens[c.start - 1];
  const glued = t && t.kind === 'word' && s.chunkAt[c.start - 1] < 0 && /^\p{Lu}{2,5}$/u.test(t.text);
  return glued && t.end + 1 >= s.tokens[c.start].start ? `${t.text} ${c.text}` : c.text;
}

/** "Armed Forces of the Netherlands": an organisation's name goes on over "of the" and a country. */
function withCountryAfter(s: AnalyzedSentence, c: NameChunk, name: string): string {
  const { tokens } = s;
  // only over "of the": "the Defence Council of Estonia" is a council, of Estonia
  if (tokens[c.end]?.key !== 'of' || tokens[c.end + 1]?.key !== 'the') return name;
  const k = c.end + 2;
  const ci = s.chunkAt[k];
  const g = ci >= 0 ? s.chunks[ci] : null;
  if (!g || g.type !== 'gaz' || g.entry.type !== 'country' || g.start !== k) return name;
  return `${name} ${s.text.slice(tokens[c.end].start - s.start, tokens[g.end - 1].end - s.start)}`;
}

/** The name of an organisation known by its cue: "Danish Maersk" keeps its demonym, "the Courier" its article. */
function cuedOrgName(s: AnalyzedSentence, ci: number): string {
  const { tokens, chunks } = s;
  const c = chunks[ci] as NameChunk;
  const pc = chunks[ci - 1];
  const glued =
    pc && pc.type === 'gaz' && pc.entry.type === 'demonym' && pc.end === c.start && !tokens[pc.end - 1].poss;
  if (glued) return `${tokens[pc.start].text} ${c.text}`.replace(/’s$/, '');
  const titled = c.keys.length === 1 && tokens[c.start - 1]?.key === 'the' && reportsNews(s, c);
  return (titled ? `The ${c.text}` : withAcronymBefore(s, c)).replace(/’s$/, '');
}

/** "Acme CEO Jane Roe": the name before a company's office. */
function companyBefore(s: AnalyzedSentence, ci: number): boolean {
  const c = s.chunks[ci];
  const next = s.chunks[ci + 1];
  return c.type === 'name' && !c.poss && !c.headKind && next?.type === 'title' && isCompanyName(s, c, next);
}

/** The organisations found so far, by lower-cased name, and the function that adds a mention of one. */
function accumulator() {
  const acc = new Map<string, Acc>();
  const aliasOf = new Map<string, string>();
  const add = (raw: string, s: number, surface?: string): Acc => {
    // "Dublin-headquartered Acme" is Acme; "Irish-headquartered" alone names nothing
    const words = raw.split(/\s+/);
    const name = (BASED_WORD.test(words[0]) ? words.slice(1) : words).join(' ');
    if (!name || SHIP_PREFIXES.test(name)) return { name, aliases: new Set<string>(), sentences: [], mentions: 0 };
    const key = aliasOf.get(name.toLowerCase()) ?? name.toLowerCase();
    let a = acc.get(key);
    if (!a) acc.set(key, (a = { name, aliases: new Set(), sentences: [], mentions: 0 }));
    a.mentions++;
    if (!a.sentences.includes(s)) a.sentences.push(s);
    if (surface && surface.toLowerCase() !== a.name.toLowerCase()) a.aliases.add(surface);
    return a;
  };
  return { acc, aliasOf, add };
}

export function resolveOrganizations(sentences: AnalyzedSentence[], people: PeopleResult): ExtractedOrganization[] {
  const { acc, aliasOf, add } = accumulator();
  for (const s of sentences) {
    const { tokens, chunks } = s;
    if (s.agency) add(agencyName(s.agency), s.index);
    const listed = listedWithOrgs(s, people);
    for (const name of [...listed.names, ...cuedAcronyms(s, people), ...exampleOrgs(s, people)]) add(name, s.index);
    chunks.forEach((c, ci) => {
      if (listed.chunks.has(ci)) return;
      const surface = s.text.slice(tokens[c.start].start - s.start, tokens[c.end - 1].end - s.start);
      let a: Acc | null = null;
      if (c.type === 'title' && c.complement?.entry?.type === 'org') {
        add(c.complement.entry.org.name, s.index);
        return;
      }
      const defined = c.type === 'name' && !people.byChunk.has(`${s.index}:${ci}`) ? definedName(s, ci) : null;
      if (defined) {
        a = add(defined.name, s.index);
        a.aliases.add(defined.acronym);
        aliasOf.set(defined.acronym.toLowerCase(), a.name.toLowerCase());
        return;
      }
      if (c.type === 'gaz' && c.entry.type === 'org') a = add(c.entry.org.name, s.index, surface);
      else if (c.type === 'org') a = add(c.text, s.index);
      else if (c.type === 'name' && c.headKind === 'org' && !s.headline)
        a = add(withCountryAfter(s, c, withAcronymBefore(s, c)), s.index);
      else if (
        c.type === 'name' &&
        people.byChunk.has(`${s.index}:${ci}`) &&
        !c.poss &&
        /^(administration|government|campaign|cabinet)$/.test(tokens[c.end]?.key ?? '')
      ) {
        a = add(`${c.text} ${tokens[c.end].text}`, s.index);
      } else if (
        c.type === 'name' &&
        !people.byChunk.has(`${s.index}:${ci}`) &&
        (companyBefore(s, ci) || (!s.headline && looksLikeOrg(s, ci)))
      ) {
        a = add(cuedOrgName(s, ci), s.index);
      }
      if (!a) return;
      // "NATO Treaty", "NATO summit"
      const next = chunks[ci + 1];
      if (
        next &&
        next.start === c.end &&
        next.type === 'name' &&
        next.keys.length === 1 &&
        EXTENSIONS.has(next.keys[0])
      )
        a.aliases.add(`${surface} ${next.text}`);
      // "North Atlantic Treaty Organization (NATO)"
      if (tokens[c.end]?.text === '(' && tokens[c.end + 1]?.upper && tokens[c.end + 2]?.text === ')') {
        const acr = tokens[c.end + 1].text;
        a.aliases.add(acr);
        aliasOf.set(acr.toLowerCase(), a.name.toLowerCase());
      }
    });
  }
  addLaterMentions(sentences, people, acc, add);
  mergeInitials(acc);
  mergeShortForms(acc);
  dropThingAcronyms(acc, sentences);
  return [...acc.values()].map((a) => ({
    name: a.name,
    aliases: [...a.aliases],
    mentions: a.mentions,
    sentences: a.sentences,
  }));
}

/**
 * A name once shown to be a company or an outlet ("rival Acme", "Acme PLC") is one wherever the document uses it
 * again without a cue ("Acme said", "talks with Acme").
 */
function addLaterMentions(
  sentences: AnalyzedSentence[],
  people: PeopleResult,
  acc: Map<string, Acc>,
  add: (name: string, s: number) => Acc,
): void {
  const known = new Set<string>();
  const aliasOfThe = new Map<string, string>();
  for (const a of acc.values()) {
    known.add(a.name.toLowerCase());
    if (a.name.startsWith('The ')) aliasOfThe.set(a.name.slice(4).toLowerCase(), a.name);
    const bare = a.name.replace(/\s+(?:\S+\s+)?(?:plc|PLC|Inc|Corp|Ltd|LLC|AG|SE|SA|NV|Co)\.?$/, '');
    if (bare !== a.name && !bare.includes(' ')) known.add(bare.toLowerCase());
  }
  for (const s of sentences) {
    if (s.headline) continue;
    s.chunks.forEach((c, ci) => {
      if (c.type !== 'name' || c.headKind || people.byChunk.has(`${s.index}:${ci}`)) return;
      const bare = c.text.replace(/’s$/, '');
      const text = aliasOfThe.get(bare.toLowerCase()) ?? bare;
      const a = acc.get(text.toLowerCase());
      if ((known.has(text.toLowerCase()) || aliasOfThe.has(bare.toLowerCase())) && !a?.sentences.includes(s.index))
        add(text, s.index);
    });
  }
}

/** An acronym spelling the initials of an organisation named in full ("RSF" = "Rapid Support Forces") is its alias. */
function mergeInitials(acc: Map<string, Acc>): void {
  const initials = (n: string) =>
    n
      .split(/[\s-]+/)
      .filter((w) => /^\p{Lu}/u.test(w))
      .map((w) => w[0])
      .join('');
  for (const [key, a] of [...acc]) {
    if (!/^\p{Lu}{2,6}$/u.test(a.name)) continue;
    const full = [...acc.values()].find((b) => b !== a && b.name.includes(' ') && initials(b.name) === a.name);
    if (!full) continue;
    full.aliases.add(a.name);
    full.mentions += a.mentions;
    for (const x of a.sentences) if (!full.sentences.includes(x)) full.sentences.push(x);
    acc.delete(key);
  }
}

/**
 * "Thai Army" after "Royal Thai Army": a name that is the last words of exactly one organisation's name one word
 * longer is that organisation's short form.
 */
function mergeShortForms(acc: Map<string, Acc>): void {
  for (const [key, a] of [...acc]) {
    if (!a.name.includes(' ')) continue;
    // one leading word more ("Royal"), not another body's words ("National Security and Defense Council")
    const longer = [...acc.values()].filter(
      (b) => b !== a && b.name.toLowerCase().endsWith(` ${key}`) && !b.name.slice(0, -key.length - 1).includes(' '),
    );
    if (longer.length !== 1) continue;
    const full = longer[0];
    full.aliases.add(a.name);
    for (const x of a.aliases) full.aliases.add(x);
    full.mentions += a.mentions;
    for (const x of a.sentences) if (!full.sentences.includes(x)) full.sentences.push(x);
    acc.delete(key);
  }
}

/**
 * "the Northern Link Route for Trade (NLRT)": an unknown acronym the text defines as the initials of a thing's name
 * (a route, a plan, a pipeline; no organisation's head in it) names that thing, not a body.
 */
/** Abbreviations of offices, measures and times: never a body's name. */
const OFFICE_ACRONYMS = new Set(['PM', 'MP', 'MPS', 'MEP', 'CEO', 'GDP', 'VAT', 'GMT', 'UTC', 'EST', 'CET', 'CDT']);

/** "The PD (Political Declaration) is explicit": an acronym spelled out after it as a thing, not a body. */
function thingSpelledAfter(text: string, acronym: string): boolean {
  const m = new RegExp(`\\b${acronym} \\(([^)]{3,80})\\)`).exec(text);
  if (!m) return false;
  const words = m[1].split(/\s+/);
  const initials = words
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
  const keys = words.map((w) => w.toLowerCase());
  return initials === acronym && keys.some((k) => THING_NOUNS.has(k)) && !keys.some((k) => ORG_HEADS.has(k));
}

const THING_NOUNS = new Set([
  'route',
  'corridor',
  'road',
  'railway',
  'highway',
  'pipeline',
  'initiative',
  'plan',
  'project',
  'strategy',
  'mechanism',
  'zone',
  'system',
  'framework',
  'agreement',
  'accord',
  'treaty',
  'act',
  'deal',
  'roadmap',
  'partnership',
  'declaration',
]);
function dropThingAcronyms(acc: Map<string, Acc>, sentences: AnalyzedSentence[]): void {
  for (const [key, a] of [...acc]) {
    if (!/^\p{Lu}{2,8}$/u.test(a.name) || a.aliases.size) continue;
    if (OFFICE_ACRONYMS.has(a.name) || sentences.some((s) => thingSpelledAfter(s.text, a.name))) {
      acc.delete(key);
      continue;
    }
    for (const s of sentences) {
      const at = s.text.indexOf(`(${a.name})`);
      if (at < 0) continue;
      const words = s.text
        .slice(0, at)
        .replace(/["“”‘’']/g, ' ')
        .trim()
        .split(/\s+/)
        .slice(-12);
      const caps = words.filter((w) => /^\p{Lu}/u.test(w));
      let n = words.length;
      let got = '';
      while (n > 0 && got.length < a.name.length) {
        const w = words[--n];
        if (/^\p{Lu}/u.test(w)) got = w[0] + got;
        else if (!/^(of|for|and|the|de|du|des|la|le)$/.test(w)) break;
      }
      if (got !== a.name || !caps.length) continue;
      const defined = words
        .slice(n)
        .join(' ')
        .replace(/[,;:.]$/, '');
      const keys = defined.toLowerCase().split(' ');
      if (!keys.some((k) => THING_NOUNS.has(k)) || keys.some((k) => ORG_HEADS.has(k)) || acc.has(defined.toLowerCase()))
        continue;
      acc.delete(key);
      break;
    }
  }
}

/** "HWF" → "Harbour Workers Federation": an affiliation named by an organisation's alias is that organisation. */
export function orgFullNames(orgs: ExtractedOrganization[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const o of orgs) for (const a of o.aliases) if (!out.has(a.toLowerCase())) out.set(a.toLowerCase(), o.name);
  // "Alliance" → "DRP Alliance": the head word of exactly one organisation's name
  const ends = new Map<string, string[]>();
  for (const o of orgs) {
    const words = o.name.split(/\s+/);
    for (let n = 1; n < words.length; n++) {
      const tail = words.slice(n).join(' ').toLowerCase();
      ends.set(tail, [...(ends.get(tail) ?? []), o.name]);
    }
  }
  for (const [tail, names] of ends)
    if (names.length === 1 && ORG_HEADS.has(tail) && !out.has(tail)) out.set(tail, names[0]);
  return out;
}
