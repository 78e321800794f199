import type { Sentence } from '../text/sentences.ts';
import { tokenize, type Token } from '../text/tokens.ts';
import { gazetteerAt, type GazEntry } from './lexicon/gazetteer.ts';
import { BRANCH_WORDS, INDUSTRY_HEADS, NATIONAL_SERVICES, ORG_HEADS, ORG_LEAD_HEADS } from './lexicon/organizations.ts';
import { FEATURE_HEADS, PLACE_PREPOSITIONS, VENUE_HEADS } from './lexicon/places.ts';
import {
  CORPORATE_HEADS,
  HONORIFICS,
  MAX_TITLE_HEAD_WORDS,
  OCCUPATION_HEADS,
  OFFICE_DOMAINS,
  POSTED_HEADS,
  RELATION_HEADS,
  SERVES_HEADS,
  TITLE_HEADS,
  TITLE_MODIFIERS,
} from './lexicon/titles.ts';
import {
  isCommonWord,
  isFirstName,
  isFunctionWord,
  isMonth,
  isPersonWord,
  isWeekday,
  lexTags,
  mayBeSurname,
} from './lexicon/words.ts';

/**
 * Splits each sentence into chunks: known names from the gazetteer (countries, demonyms, places, organisations),
 * title phrases ("U.S. special envoy to the Middle East"), organisation names built from their heads
 * ("Ministry of Defence") and capitalised name spans with particles ("Ursula von der Leyen", "Ahmed al-Sharaa").
 * Chunks never overlap; what a name span is (person, place, nothing) is decided later, with the whole document.
 */
export interface GazChunk {
  type: 'gaz';
  start: number;
  end: number;
  entry: GazEntry;
}
export interface TitleChunk {
  type: 'title';
  start: number;
  end: number;
  /** The head phrase, folded ("secretary of state"). */
  head: string;
  /** The role as the text gives it, without determiner or owner ("special envoy to the Middle East"). */
  text: string;
  honorific: boolean;
  relation: boolean;
  /** "of Norway" / "to the U.S." / "to President X": what follows the head. */
  complement?: { prep: 'of' | 'to' | 'for'; entry?: GazEntry; nameChunk?: NameChunk; title?: TitleChunk };
}
export interface NameChunk {
  type: 'name';
  start: number;
  end: number;
  text: string;
  keys: string[];
  poss: boolean;
  /** Right after a sentence start, an opening quote, a colon or a dash. */
  initial: boolean;
  /** Inside a title phrase's complement ("chief of staff to President Havel Marek"). */
  inComplement: boolean;
  /** The span ends with an organisation, venue or feature head ("Intercontinental Hotel"). */
  headKind?: 'org' | 'venue' | 'feature';
  /**
   * The first word is a known place used as a given name ("Sofia Lindqvist"): the place, should the span name no one.
   */
  givenPlace?: GazEntry;
}
export interface OrgChunk {
  type: 'org';
  start: number;
  end: number;
  text: string;
}
export type Chunk = GazChunk | TitleChunk | NameChunk | OrgChunk;

export interface AnalyzedSentence {
  index: number;
  start: number;
  end: number;
  text: string;
  tokens: Token[];
  chunks: Chunk[];
  /** chunk index by token index (-1 when the token is in no chunk) */
  chunkAt: Int32Array;
  headline: boolean;
  /** A short line without end punctuation: a headline in sentence case, a caption, a byline. */
  bare: boolean;
  /** A dateline's place ("OSLO, Norway (AP) —"), title-cased. */
  dateline?: { name: string; start: number; end: number };
  /** The news agency a dateline or a sign-off names ("(AP) —", a closing "— Reuters"). */
  agency?: string;
}

const PARTICLES = new Set([
  'von',
  'van',
  'der',
  'den',
  'de',
  'des',
  'del',
  'della',
  'di',
  'da',
  'du',
  'la',
  'le',
  'dos',
  'das',
  'do',
  'ter',
  'ten',
  'zu',
  'bin',
  'ibn',
  'bint',
  'al',
  'el',
  'abu',
  'ben',
  'st',
  'st.',
]);
/** First words of a place name that may be followed by a country's or city's name ("Port Sudan", "Cape Town"). */
const PLACE_LEADS = new Set(['port', 'fort', 'cape', 'mount', 'lake', 'san', 'santa', 'saint', 'sao', 'new']);
/** First words of a named venue ("Palais des Nations", "Hotel Metropol"). */
const VENUE_LEADS = new Set([
  'palais',
  'palace',
  'palacio',
  'palazzo',
  'chateau',
  'château',
  'hotel',
  'fort',
  'camp',
  'plaza',
  'piazza',
  'schloss',
  'castle',
  'villa',
]);
const PREFIXED = /^(?:al|el|ad|as|ash|at|az|ibn|bin|abu|d|o)[-’'‘]\p{Lu}/u;
const OPENERS = new Set(['“', '"', '‘', "'", '(', '[', ':', '—', '–', '-', '«', '*', '#']);

// ---- title head trie over token keys ----
interface HNode {
  next: Map<string, HNode>;
  head?: string;
}
const headRoot: HNode = { next: new Map() };
for (const h of TITLE_HEADS) {
  for (const variant of new Set([h, h.replace(/ /g, '-')])) {
    const keys = tokenize(variant).map((t) => t.key);
    let n = headRoot;
    for (const k of keys) {
      let m = n.next.get(k);
      if (!m) n.next.set(k, (m = { next: new Map() }));
      n = m;
    }
    n.head = h;
  }
}
function headAt(tokens: Token[], i: number): { end: number; head: string } | null {
  let n: HNode | undefined = headRoot;
  let best: { end: number; head: string } | null = null;
  for (let j = i; j < tokens.length && j < i + MAX_TITLE_HEAD_WORDS && n; j++) {
    // "co-leader", "co-chairs": a shared office is the office
    const key = j === i && /^co-\p{L}{3,}/u.test(tokens[j].key) ? tokens[j].key.slice(3) : tokens[j].key;
    // "Presidents A, B and C", "foreign ministers": a head in the plural
    const plural =
      !n.next.has(key) &&
      /[^s]s$/.test(key) &&
      !!n.next.get(key.slice(0, -1))?.head &&
      !OCCUPATION_HEADS.has(key.slice(0, -1)) &&
      isNameWord(tokens[j + 1]) &&
      !tokens[j].poss;
    n = n.next.get(plural ? key.slice(0, -1) : key);
    if (!n) break;
    if (n.head) best = { end: j + 1, head: plural ? `${n.head}s` : n.head };
    if (tokens[j].poss || plural) break;
  }
  return best;
}

const isWord = (t: Token | undefined) => !!t && t.kind === 'word';
const isNameWord = (t: Token | undefined) =>
  !!t && t.kind === 'word' && (t.cap || PREFIXED.test(t.text)) && !(t.upper && t.text.replace(/\./g, '').length > 3);

function analyzeTitle(tokens: Token[], i: number, depth = 0): TitleChunk | null {
  let j = i;
  while (j < tokens.length && isWord(tokens[j]) && TITLE_MODIFIERS.has(tokens[j].key) && !tokens[j].poss) j++;
  let h = headAt(tokens, j);
  // a modifier that is itself a head ("Army chief Oleksandr Syrskyi")
  while (!h && j > i) {
    j--;
    h = headAt(tokens, j);
  }
  if (!h) return null;
  // a capitalised modifier or head must not be the start of a name: "General Assembly" is handled by the gazetteer.
  let end = h.end;
  const head = h.head;
  const honorific = head in HONORIFICS && i === j;
  const relation = RELATION_HEADS.has(head);
  // honorifics and relations take no modifiers
  let complement: TitleChunk['complement'];
  let nested: TitleChunk | null;
  const after = tokens[end];
  if (!honorific && !tokens[end - 1].poss && after && (after.key === 'of' || after.key === 'for')) {
    let k = end + 1;
    if (tokens[k]?.key === 'the') k++;
    // "chief executive of Vantor Steel": a country's name that starts a company's name is no complement
    const g = companyNamedAt(tokens, k) ? null : gazetteerAt(tokens, k);
    if (g && (g.entry.type === 'country' || g.entry.type === 'org')) {
      complement = { prep: after.key as 'of' | 'for', entry: g.entry };
      end = g.end;
      // "Special Envoy of the US President Tom Hale": the office named after the country is part of the title
      if (depth === 0 && tokens[end]?.cap && !tokens[end - 1].poss) {
        const h2 = headAt(tokens, end);
        if (h2 && !(h2.head in HONORIFICS) && tokens[h2.end] && isNameWord(tokens[h2.end])) end = h2.end;
      }
    } else if (g && g.entry.type === 'place' && after.key === 'for') {
      // "Senior Advisor for Africa X", "envoy for the Sahel": the region an office covers is part of the title
      [complement, end] = [{ prep: 'for' }, g.end];
    } else {
      let m = k;
      while (m < tokens.length && isWord(tokens[m]) && tokens[m].cap && OFFICE_DOMAINS.has(tokens[m].key)) {
        m++;
        if (tokens[m - 1].poss) break;
      }
      // "and"/"of" inside an office name only between capitalised domain words; "head of the Defense Council":
      // domain words before an organisation's head are that organisation's name, not the office's
      if (m > k && !orgHeadAhead(tokens, m)) {
        complement = { prep: after.key as 'of' | 'for' };
        end = m;
      }
    }
  } else if (
    !honorific &&
    !tokens[end - 1].poss &&
    after?.key === 'to' &&
    (SERVES_HEADS.has(head) || POSTED_HEADS.has(head) || /envoy|ambassador|adviser|advisor/.test(head))
  ) {
    let k = end + 1;
    if (tokens[k]?.key === 'the') k++;
    const g = gazetteerAt(tokens, k);
    if (g && g.entry.type !== 'demonym') {
      complement = { prep: 'to', entry: g.entry };
      end = g.end;
    } else if (depth === 0) {
      nested = analyzeTitle(tokens, k, 1);
      if (nested) {
        const nm = nameAt(tokens, nested.end);
        if (nm && tokens[end + 1]?.key === 'the' && nested.complement) {
          // "Aide to the President of Russia Yuri Ushakov": the name holds the whole title
          complement = { prep: 'to', title: nested };
          end = nested.end;
        } else if (nm) {
          nm.inComplement = true;
          complement = { prep: 'to', nameChunk: nm, title: nested };
          end = nm.end;
        } else {
          complement = { prep: 'to', title: nested };
          end = nested.end;
        }
      } else {
        const nm = nameAt(tokens, k);
        if (nm && nm.keys.length >= 2) {
          nm.inComplement = true;
          complement = { prep: 'to', nameChunk: nm };
          end = nm.end;
        }
      }
    }
  }
  const text = joinTokens(tokens, honorific ? j : i, end);
  return { type: 'title', start: i, end, head, text, honorific, relation, complement };
}

/** A country's name that starts a company's name at k: "(Norway) Steel", "(Vantor) Motors". */
function companyNamedAt(tokens: Token[], k: number): boolean {
  const g = gazetteerAt(tokens, k);
  return !!g && g.entry.type === 'country' && startsCompanyName(tokens, g.end);
}

function startsCompanyName(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  return !!t && isNameWord(t) && INDUSTRY_HEADS.has(t.key) && t.start <= tokens[k - 1].end + 1;
}

/**
 * Capitalised words (joined by "and"/"of") from token m that end in an organisation's head ("… and Defense Council").
 */
function orgHeadAhead(tokens: Token[], m: number): boolean {
  let q = m;
  while (q < m + 6 && q < tokens.length) {
    const t = tokens[q];
    if (isNameWord(t) && ORG_HEADS.has(t.key)) return true;
    if (t.poss || !(isNameWord(t) || (/^(and|of|for)$/.test(t.key) && isNameWord(tokens[q + 1])))) return false;
    q++;
  }
  return false;
}

/** Joins tokens i..end with the spacing of the source (uses offsets). */
export function joinTokens(tokens: Token[], i: number, end: number): string {
  let s = '';
  for (let k = i; k < end; k++) {
    const t = tokens[k];
    if (k > i && t.start > tokens[k - 1].end) s += ' ';
    s += t.text;
    if (t.poss && k < end - 1) s += '’s';
  }
  return s;
}

function nameAt(tokens: Token[], i: number): NameChunk | null {
  if (isWord(tokens[i]) && !tokens[i].cap && PARTICLES.has(tokens[i].key) && !PREFIXED.test(tokens[i].text)) {
    return nameFromParticle(tokens, i);
  }
  const first = tokens[i];
  if (!isNameWord(first) || (isMonth(first.text) && !abbreviationAsGivenName(tokens, i)) || isWeekday(first.text))
    return null;
  if (isAcronymNotInitials(tokens, i) || isExcellency(tokens, i)) return null;
  const j = nameEnd(tokens, i);
  if (j === i) return null;
  const keys = tokens.slice(i, j).map((t) => t.key);
  return {
    type: 'name',
    start: i,
    end: j,
    text: joinTokens(tokens, i, j),
    keys,
    poss: tokens[j - 1].poss,
    initial: false,
    inComplement: false,
    headKind: headKindOf(keys),
  };
}

/** "von der Leyen", "bin Salman" where a name starts with its particle. */
function nameFromParticle(tokens: Token[], i: number): NameChunk | null {
  let k = i;
  while (k < tokens.length && isWord(tokens[k]) && PARTICLES.has(tokens[k].key) && !tokens[k].cap) k++;
  if (k === i || !isNameWord(tokens[k]) || (i > 0 && isNameWord(tokens[i - 1]))) return null;
  const rest = nameAt(tokens, k);
  if (!rest) return null;
  return {
    ...rest,
    start: i,
    text: joinTokens(tokens, i, rest.end),
    keys: tokens.slice(i, rest.end).map((t) => t.key),
  };
}

/** "H E Massad Boulos", "H.E. the Minister": "His Excellency", abbreviated, starts no name. */
function isExcellency(tokens: Token[], i: number): boolean {
  const t = tokens[i].text.replace(/\./g, '');
  if (t === 'HE' && /^H\.E\.?$/.test(tokens[i].text)) return true;
  const letter = (k: number) => tokens[k]?.text.replace(/\./g, '');
  return (t === 'H' && letter(i + 1) === 'E') || (t === 'E' && letter(i - 1) === 'H');
}

/** Upper-case words are acronyms unless they are initials ("J.D.") or a short given name before a name. */
function isAcronymNotInitials(tokens: Token[], i: number): boolean {
  const first = tokens[i];
  if (!first.upper || PREFIXED.test(first.text) || first.text.replace(/\./g, '').length <= 1) return false;
  if (/^\p{Lu}\.$/u.test(first.text)) return false;
  return (
    !/^(\p{Lu}\.){1,3}$/u.test(first.text) &&
    !(first.text.length <= 3 && isFirstName(first.text) && isNameWord(tokens[i + 1]))
  );
}

/** Where the capitalised run that starts at i ends, as a name. */
function nameEnd(tokens: Token[], i: number): number {
  let j = i;
  while (j < tokens.length) {
    const t = tokens[j];
    if (isNameWord(t) && (j === i || !isAcronymWord(t) || REGNAL.test(t.text))) {
      if (j > i && endsNameBefore(tokens, i, j)) break;
      j++;
      if (t.poss) break;
      continue;
    }
    const joined = joinedOrgAnd(tokens, i, j) ?? joinedParticle(tokens, i, j);
    if (joined === null) break;
    j = joined;
  }
  return j;
}

/** "Theresa May said": a month right after a given name, not followed by a day number, is a surname. */
function monthAsSurname(tokens: Token[], i: number, j: number): boolean {
  return j === i + 1 && isFirstName(tokens[i].text) && tokens[j + 1]?.kind !== 'num' && !/\./.test(tokens[j].text);
}

/**
 * "Jan Kowalczyk": a three-letter month abbreviation written without its period and followed by a capitalised
 * name word (not a day's number) is a given name.
 */
function abbreviationAsGivenName(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  const next = tokens[i + 1];
  if (!/^\p{Lu}\p{Ll}{2}$/u.test(t.text) || !next || next.start !== t.end + 1) return false;
  return isNameWord(next) && !isMonth(next.text) && !isWeekday(next.text);
}

/** "King Charles III": a regnal number after a name. */
const REGNAL = /^(?:II|III|IV|VI|VII|VIII|IX|XI|XII)$/;

function isAcronymWord(t: Token): boolean {
  return t.upper && t.text.replace(/\./g, '').length > 1 && !/^(\p{Lu}\.)+$/u.test(t.text);
}

/** Whether the capitalised word at j starts something else than the name begun at i. */
function endsNameBefore(tokens: Token[], i: number, j: number): boolean {
  const t = tokens[j];
  // "Rwanda-backed M23": a letters-and-digits name is a group's or a model's, never part of a person's name
  if (isWeekday(t.text) || /^\p{Lu}{1,4}\d{1,3}$/u.test(t.text)) return true;
  if (isMonth(t.text)) return !monthAsSurname(tokens, i, j);
  // "the Western Balkans Gabriel Escobar": a given name after a run with a common word starts a person's name
  if (j >= i + 2 && isFirstName(t.text) && isNameWord(tokens[j + 1]) && !tokens[j - 1].poss) {
    if (tokens.slice(i, j).some((w) => isCommonWord(w.text))) return true;
  }
  const g = knownEntryInside(tokens, i, j);
  if (
    g &&
    !(g.entry.type === 'place' && g.end === j + 1) &&
    !(g.end === j + 1 && isFirstName(tokens[i].text)) &&
    !(j === i + 1 && PLACE_LEADS.has(tokens[i].key))
  )
    return true;
  // a capitalised particle inside a name: "Bart De Wever", "Lula da Silva"
  if (isFunctionWord(t.text) && !(PARTICLES.has(t.key) && isNameWord(tokens[j + 1]) && !t.poss)) return true;
  // a title inside a capitalised run: "House Minority Leader Hakeem Jeffries" → the name starts after it
  if (!isFirstName(tokens[i].text) && !tokens[j - 1].poss) {
    const h = headAt(tokens, j);
    if (h && tokens[h.end - 1].cap && isNameWord(tokens[h.end]) && !(h.head in HONORIFICS)) return true;
    // "Acme President and CEO Jane Roe": two offices joined before the name
    const h2 = h && tokens[h.end]?.key === 'and' ? headAt(tokens, h.end + 1) : null;
    if (h && h2 && CORPORATE_HEADS.has(h.head) && CORPORATE_HEADS.has(h2.head) && isNameWord(tokens[h2.end]))
      return true;
  }
  return false;
}

/** A gazetteer entry at j, except a known body's name inside a longer one ("National Security Council"). */
function knownEntryInside(tokens: Token[], i: number, j: number) {
  const g = gazetteerAt(tokens, j);
  const bodyInsideLonger =
    g &&
    g.entry.type === 'org' &&
    g.end - j >= 2 &&
    ORG_HEADS.has(tokens[g.end - 1].key) &&
    !isFirstName(tokens[i].text);
  return bodyInsideLonger ? null : g;
}

/** "National Security and Defence Council": "and" inside an organisation's name — the index past it, or null. */
function joinedOrgAnd(tokens: Token[], i: number, j: number): number | null {
  const t = tokens[j];
  if (!(j > i && t.key === 'and' && !tokens[j - 1].poss && isNameWord(tokens[j + 1]))) return null;
  // "Vantor Steel and Orland Motors": two bodies, each named in full
  if (INDUSTRY_HEADS.has(tokens[j - 1].key) && tokens[j - 1].cap) return null;
  // "Rishi Sunak and EU Commission": a person and a body, not one name
  if (isFirstName(tokens[i].text) || tokens.slice(i, j).every((w) => !isCommonWord(w.text))) return null;
  let k = j + 1;
  while (k < tokens.length && isNameWord(tokens[k]) && !tokens[k].poss && k < j + 5) k++;
  return ORG_HEADS.has(tokens[k - 1].key) && !isFirstName(tokens[j + 1].text) ? k : null;
}

/** A particle joins only when a capitalised word follows: "von der Leyen", "bin Salman". */
function joinedParticle(tokens: Token[], i: number, j: number): number | null {
  const t = tokens[j];
  if (!(j > i && isWord(t) && PARTICLES.has(t.key) && !t.cap)) return null;
  let k = j;
  while (k < tokens.length && isWord(tokens[k]) && PARTICLES.has(tokens[k].key) && !tokens[k].cap) k++;
  return isNameWord(tokens[k]) && !tokens[k - 1].poss ? k : null;
}

/** Trailing title-like or organisational words say what kind of name a run is. */
function headKindOf(keys: string[]): NameChunk['headKind'] {
  if (keys.length < 2) return undefined;
  const last = keys[keys.length - 1];
  // "United Glassworkers": a union named after its members' trade
  if (ORG_HEADS.has(last) || /^\p{L}{3,}workers$/u.test(last)) return 'org';
  if (
    VENUE_HEADS.has(last) ||
    VENUE_LEADS.has(keys[0]) ||
    keys.slice(1, -1).some((k) => /^(base|palace|airport|square|hotel|stadium)$/.test(k))
  )
    return 'venue';
  if (FEATURE_HEADS.has(last)) return 'feature';
  return undefined;
}

/**
 * "Jordan Marchetti", "Sofia Lindqvist", "Florence Okafor": a one-word place or country followed by a capitalised
 * word that may be a surname (one the lexicon lists as a surname, or does not know) is a name span, not a place —
 * unless the second word is a known name, a title or a common word ("Paris talks", "Georgia Senate", "Jordan
 * Valley"). After "in", "to", "from" … the first word must itself be a personal name ("in Paris Okafor" is rare).
 */
function placeAsGivenName(tokens: Token[], i: number, g: { end: number; entry: GazEntry }): NameChunk | null {
  const first = tokens[i];
  const next = tokens[i + 1];
  if (g.end !== i + 1 || (g.entry.type !== 'place' && g.entry.type !== 'country') || first.poss || first.upper)
    return null;
  if (!isNameWord(next) || next.upper || next.start > first.end + 1 || !mayBeSurname(next.text)) return null;
  if (
    isCommonWord(next.text) ||
    isFunctionWord(next.text) ||
    isMonth(next.text) ||
    isWeekday(next.text) ||
    headAt(tokens, i + 1)
  )
    return null;
  const g2 = gazetteerAt(tokens, i + 1);
  if (g2 && !(g2.entry.type === 'place' && g2.end === i + 2)) return null;
  if (i > 0 && PLACE_PREPOSITIONS.has(tokens[i - 1].key) && !isPersonWord(first.text)) return null;
  const name = nameAt(tokens, i);
  if (!name || name.headKind || name.keys.length < 2) return null;
  return { ...name, initial: isOpener(tokens[i - 1]) || i === 0, givenPlace: g.entry };
}

/**
 * After "Ministry of Trade": ", Industry and" — the index of the word after "and", or null when no such list follows.
 */
function domainListEnd(tokens: Token[], comma: number): number | null {
  let q = comma;
  while (tokens[q]?.text === ',') {
    let r = q + 1;
    if (!isNameWord(tokens[r]) || gazetteerAt(tokens, r)) return null;
    while (isNameWord(tokens[r]) && !tokens[r].poss) r++;
    if (tokens[r]?.key === 'and' && isNameWord(tokens[r + 1]) && !gazetteerAt(tokens, r + 1)) return r + 1;
    q = r;
  }
  return null;
}

/** "Ministry of Defence", "Bank of England", "Foreign Ministry", "Party of Regions". */
function orgAt(tokens: Token[], i: number): OrgChunk | null {
  const t = tokens[i];
  if (!isWord(t) || !t.cap) return null;
  if (ORG_LEAD_HEADS.has(t.key) && !t.poss && (tokens[i + 1]?.key === 'of' || tokens[i + 1]?.key === 'for')) {
    let k = i + 2;
    if (tokens[k]?.key === 'the') k++;
    let m = k;
    while (
      m < tokens.length &&
      isWord(tokens[m]) &&
      (tokens[m].cap || (['and', 'of', 'for'].includes(tokens[m].key) && tokens[m + 1]?.cap)) &&
      !isExcellency(tokens, m) &&
      !(tokens[m].key in HONORIFICS)
    ) {
      m++;
      if (tokens[m - 1].poss) break;
      // "Ministry of Trade, Industry and Fisheries": a comma list of domains closed by "and"
      if (tokens[m]?.text === ',' && !tokens[m - 1].poss) m = domainListEnd(tokens, m) ?? m;
    }
    if (m > k) return { type: 'org', start: i, end: m, text: joinTokens(tokens, i, m) };
  }
  return null;
}

const isOpener = (t: Token | undefined) => !t || (t.kind === 'punct' && OPENERS.has(t.text));

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?\\s+\\d{1,2}(?:,?\\s+\\d{4})?';
/** "OSLO, Norway (AP) —", "CITY, Country/OTHER CITY -", "CITY, July 25 —", "CITY:" */
const CAPS_PLACE = String.raw`[\p{Lu}][\p{Lu} .'’-]{1,40}[\p{Lu}]`;
const REGION = String.raw`,\s*[\p{Lu}][\p{L}.]*(?:\s[\p{Lu}][\p{L}.]*){0,2}(?:/[\p{Lu}][\p{Lu} .'’-]*[\p{Lu}])?`;
const DATELINE = new RegExp(
  String.raw`^(${CAPS_PLACE})((?:${REGION})?(?:,\s*${MONTH})?)\s*(\([^)]{1,40}\))?\s*([—–-]{1,2}|:)\s*`,
  'u',
);
/** A dateline in title case, dated and credited: "Amman, July 28 (Petra) –". */
const DATELINE_TITLE = new RegExp(
  `^(\\p{Lu}[\\p{Ll}'’-]+(?: \\p{Lu}[\\p{Ll}'’-]+){0,2}),\\s*${MONTH}\\s*(\\([^)]{1,40}\\))\\s*[—–-]{1,2}\\s*`,
  'u',
);
/** A closing credit line: "— Reuters", "-- AFP". */
const SIGN_OFF = /^\s*[—–-]{1,2}\s*(\p{Lu}[\p{L}]+|\p{Lu}{2,6})\.?\s*$/u;
/** "(AP)", "(Petra)": a credit, not a parenthetical remark. */
const agencyIn = (paren: string | undefined) => {
  const a = paren?.replace(/^\(|\)$/g, '').trim();
  return a && /^\p{Lu}[\p{L}.&’' -]{0,30}$/u.test(a) && !/\b(Updated?|Photo|File|Video|Reporting)\b/i.test(a)
    ? a
    : undefined;
};

export interface AnalyzeOptions {
  /** Character ranges (doc offsets) whose words are not names: quoted titles and scare-quoted terms. */
  skip?: Array<[number, number]>;
}

/** A dateline ("OSLO, Norway (AP) —") read off the sentence start and blanked from the text to tokenize. */
function readDateline(s: Sentence): { text: string; dateline?: AnalyzedSentence['dateline']; agency?: string } {
  let text = s.text;
  const signOff = SIGN_OFF.exec(text);
  if (signOff && !isCommonWord(signOff[1]) && !isFirstName(signOff[1])) return { text, agency: signOff[1] };
  const upper = DATELINE.exec(text);
  // "UPDATE:", "BREAKING:" are labels, not places
  const dm =
    upper && !(upper[4] === ':' && (upper[2] || upper[3] || isCommonWord(upper[1])))
      ? upper
      : DATELINE_TITLE.exec(text);
  if (!dm || dm[1].replace(/[^\p{L}]/gu, '').length < 3) return { text };
  const credit = dm === upper ? dm[3] : dm[2];
  const name = dm[1].toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());
  const blank = (a: number, b: number) => (text = text.slice(0, a) + ' '.repeat(b - a) + text.slice(b));
  blank(0, dm[1].length);
  if (credit) {
    const at = s.text.indexOf(credit, dm[1].length);
    blank(at, at + credit.length);
  }
  return { text, dateline: { name, start: s.start, end: s.start + dm[1].length }, agency: agencyIn(credit) };
}

/** A line in title case without end punctuation. */
function isHeadline(s: Sentence, words: Token[]): boolean {
  const letters = s.text.replace(/[^\p{L}]/gu, '');
  const capWords = words.filter((t) => t.cap && !isFunctionWord(t.text));
  return words.length >= 4 && capWords.length / words.length > 0.7 && !/[.!?"”]$/.test(s.text.trim()) && !!letters;
}

const AGENT_AFTER =
  /^(said|says|rejected|accepted|denied|announced|fighters|forces|troops|militia|militias|rebel|rebels|insurgents|militants|group|movement|leader|leaders|spokesman|spokeswoman|spokesperson|delegation|commander|commanders)$/;

/**
 * An unknown acronym acting as a party: "the RSF", "RSF commander X", "SAF said", "RSF’s"; letters and digits
 * ("the M23 rebels") when the context makes it a group, not a model or a road ("the A320 jets").
 */
function acronymOrgAt(tokens: Token[], i: number): OrgChunk | null {
  const t = tokens[i];
  const nx = tokens[i + 1];
  if (/^\p{Lu}{1,4}\d{1,3}$/u.test(t.text)) {
    // "the A320 jets": a lower-case noun after it (not a verb, "seized", nor a function word, "but")
    const nounAfter =
      nx &&
      nx.kind === 'word' &&
      !nx.cap &&
      !AGENT_AFTER.test(nx.key) &&
      !isFunctionWord(nx.text) &&
      !/ed$/.test(nx.key) &&
      !lexTags(nx.key).some((x) => /Verb|Conjunction|Preposition|Adverb|Determiner/.test(x));
    const agent = (nx && AGENT_AFTER.test(nx.key)) || ((tokens[i - 1]?.key === 'the' || t.poss) && !nounAfter);
    return agent ? { type: 'org', start: i, end: i + 1, text: t.text } : null;
  }
  if (!t.upper || !/^\p{Lu}{2,6}$/u.test(t.text) || /^[IVXLC]+$/.test(t.text)) return null;
  const agent =
    tokens[i - 1]?.key === 'the' || t.poss || (nx && (headAt(tokens, i + 1) !== null || AGENT_AFTER.test(nx.key)));
  return agent ? { type: 'org', start: i, end: i + 1, text: t.text } : null;
}

const MILITARY_WORDS = new Set([
  'army',
  'navy',
  'infantry',
  'marine',
  'marines',
  'division',
  'corps',
  'fleet',
  'brigade',
  'battalion',
  'regiment',
  'command',
  'cavalry',
  'airborne',
  'armoured',
  'armored',
  'artillery',
  'squadron',
  'mechanized',
  'mechanised',
  'guards',
]);

/** A numbered military unit: "the 2nd Army Region", "the 47th Mechanized Brigade". */
function unitAt(tokens: Token[], i: number): OrgChunk | null {
  const num = tokens[i];
  const suffix = tokens[i + 1];
  if (num.kind !== 'num' || !suffix || !/^(st|nd|rd|th)$/.test(suffix.key) || suffix.start !== num.end) return null;
  const name = nameAt(tokens, i + 2);
  if (!name || !name.keys.some((k) => MILITARY_WORDS.has(k))) return null;
  return {
    type: 'org',
    start: i,
    end: name.end,
    text: joinTokens(tokens, i, name.end).replace(/^(\d+) (st|nd|rd|th)\b/, '$1$2'),
  };
}

/**
 * A capitalised name span at token i, or the title a capitalised run ends in; null when the capital only starts the
 * sentence.
 */
function nameOrTitleAt(tokens: Token[], i: number): NameChunk | TitleChunk | null {
  const name = nameAt(tokens, i);
  if (!name) return null;
  const initial =
    isOpener(tokens[i - 1]) || (i > 0 && tokens[i - 1].kind === 'punct' && /^[“"‘]$/.test(tokens[i - 1].text));
  // a capital that only marks the start of a sentence
  if (
    (initial || i === 0) &&
    isCommonWord(tokens[i].text) &&
    !isFirstName(tokens[i].text) &&
    !(
      name.headKind &&
      name.keys.length >= 2 &&
      !isCommonWord(tokens[i + 1].text) &&
      !isFunctionWord(tokens[i].text) &&
      !/^(the|a|an|this|that|its|their|our)$/.test(tokens[i].key)
    )
  ) {
    return null;
  }
  // a capitalised run that ends in a title: "Minority Leader Hakeem Jeffries" → title "Minority Leader"
  const tAfter =
    name.end < tokens.length && !tokens[name.end - 1].poss && !isFirstName(tokens[name.start].text)
      ? analyzeTitle(tokens, name.end)
      : null;
  if (
    tAfter &&
    !tAfter.honorific &&
    tokens[tAfter.start].cap &&
    tAfter.start === name.end &&
    isNameWord(tokens[tAfter.end]) &&
    name.keys.length <= 3 &&
    !name.headKind &&
    !companyBeforeOffice(tokens, name, tAfter)
  ) {
    tAfter.start = name.start;
    tAfter.text = joinTokens(tokens, name.start, tAfter.end);
    return tAfter;
  }
  name.initial = initial || name.start === 0;
  return name;
}

/**
 * "Acme CEO Jane Roe", "Vantor Steel President John Doe": a company's name before a company's office is a name
 * of its own (the organisation), not part of the title — a name of no English word, or one that ends in an industry.
 */
function companyBeforeOffice(tokens: Token[], name: NameChunk, t: TitleChunk): boolean {
  if (!CORPORATE_HEADS.has(t.head) || name.poss) return false;
  const words = tokens.slice(name.start, name.end);
  if (INDUSTRY_HEADS.has(name.keys[name.keys.length - 1])) return true;
  return words.every((w) => !isCommonWord(w.text) && !isFirstName(w.text));
}

/** The chunks of one sentence, left to right: gazetteer names, titles, acronyms, organisations, name spans. */
function chunkTokens(tokens: Token[], headline: boolean, skipped: (t: Token) => boolean): Chunk[] {
  const chunks: Chunk[] = [];
  const pushTitle = (title: TitleChunk) => {
    chunks.push(title);
    if (title.complement?.nameChunk) chunks.push(title.complement.nameChunk);
    return title.end;
  };
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    const unit = unitAt(tokens, i);
    if (unit) {
      chunks.push(unit);
      i = unit.end;
      continue;
    }
    if (t.kind !== 'word') {
      i++;
      continue;
    }
    const g = gazetteerAt(tokens, i);
    const given = g && !headline ? placeAsGivenName(tokens, i, g) : null;
    if (given) {
      chunks.push(given);
      i = given.end;
      continue;
    }
    // a place name that is a surname after a first name ("Jim Jordan") is handled by nameAt
    if (g) {
      chunks.push({ type: 'gaz', start: i, end: g.end, entry: g.entry });
      i = g.end;
      continue;
    }
    const title = skipped(t) ? null : analyzeTitle(tokens, i);
    if (title) {
      // "President" at the start of a capitalised name ("President Trump") or a lower-case role ("special envoy")
      i = pushTitle(title);
      continue;
    }
    const org = (skipped(t) ? null : acronymOrgAt(tokens, i)) ?? orgAt(tokens, i);
    if (org) {
      chunks.push(org);
      i = org.end;
      continue;
    }
    const named =
      !skipped(t) && (t.cap || PARTICLES.has(t.key) || PREFIXED.test(t.text)) ? nameOrTitleAt(tokens, i) : null;
    if (named?.type === 'title') i = pushTitle(named);
    else if (named) {
      chunks.push(named);
      i = named.end;
    } else i++;
  }
  return chunks.sort((a, b) => a.start - b.start);
}

/**
 * "Russian Direct Investment Fund", "Senate Foreign Relations Committee": a country, demonym or body before an
 * organisation's name is part of it.
 */
function mergeOrgPrefixes(tokens: Token[], chunks: Chunk[]): void {
  for (let k = chunks.length - 2; k >= 0; k--) {
    const a = chunks[k];
    const b = chunks[k + 1];
    if (a.type !== 'gaz' || tokens[a.end - 1].poss || a.end !== b.start) continue;
    // "Guayaquil Chamber of Commerce": a city's chamber, board or council "of" something
    if (
      b.type === 'org' &&
      a.entry.type === 'place' &&
      a.entry.kind === 'city' &&
      ORG_LEAD_HEADS.has(tokens[b.start].key) &&
      b.end - b.start >= 3
    ) {
      chunks.splice(k, 2, { type: 'org', start: a.start, end: b.end, text: joinTokens(tokens, a.start, b.end) });
      continue;
    }
    // "European Court of Justice": a nation's or a bloc's court, ministry or council "of" something
    if (
      b.type === 'org' &&
      (a.entry.type === 'demonym' || a.entry.type === 'country') &&
      ORG_LEAD_HEADS.has(tokens[b.start].key)
    ) {
      chunks.splice(k, 2, { type: 'org', start: a.start, end: b.end, text: joinTokens(tokens, a.start, b.end) });
      continue;
    }
    // "Minsk Group", "OSCE Minsk Group": a body named after the city where it was formed
    if (b.type === 'name' && b.keys.length === 1 && ORG_HEADS.has(b.keys[0]) && a.entry.type === 'place') {
      const lead = chunks[k - 1];
      const byBody = lead && lead.type === 'gaz' && lead.entry.type === 'org' && lead.end === a.start;
      const start = byBody ? lead.start : a.start;
      chunks.splice(byBody ? k - 1 : k, byBody ? 3 : 2, {
        type: 'org',
        start,
        end: b.end,
        text: joinTokens(tokens, start, b.end),
      });
      if (byBody) k--;
      continue;
    }
    if (b.type !== 'name') continue;
    // "Danish Army", "Peruvian Navy": a nation's own service; "Shanghai Cooperation Organization": a city's body
    const nationalService =
      (a.entry.type === 'demonym' || a.entry.type === 'country') &&
      b.keys.length === 1 &&
      NATIONAL_SERVICES.has(b.keys[0]);
    const orgName =
      (b.headKind === 'org' && (a.entry.type !== 'place' || (b.keys.length >= 2 && a.end - a.start === 1))) ||
      // "EU Commission", "UN Council": a bloc's or a nation's body named by its head alone
      (b.keys.length === 1 &&
        ORG_HEADS.has(b.keys[0]) &&
        !b.poss &&
        (a.entry.type === 'org' || a.entry.type === 'country'));
    if (!nationalService && !orgName) continue;
    let start = a.start;
    // "Royal Thai Army": an adjective before the nation's name belongs to the body's name
    const lead = chunks[k - 1];
    if (
      lead &&
      lead.type === 'name' &&
      lead.end === a.start &&
      !lead.poss &&
      lead.keys.length === 1 &&
      isCommonWord(lead.text) &&
      !isFunctionWord(lead.text)
    ) {
      start = lead.start;
      k--;
    }
    chunks.splice(k, start === a.start ? 2 : 3, {
      type: 'org',
      start,
      end: b.end,
      text: joinTokens(tokens, start, b.end),
    });
  }
}

/** "General Border Committee", "General Assembly": "General" before a body's name is part of the name, not a rank. */
function mergeGeneralBodies(tokens: Token[], chunks: Chunk[]): void {
  for (let k = chunks.length - 2; k >= 0; k--) {
    const a = chunks[k];
    const b = chunks[k + 1];
    if (a.type !== 'title' || a.end - a.start !== 1 || tokens[a.start].key !== 'general' || a.end !== b.start) continue;
    if (!(b.type === 'name' && b.headKind === 'org') && b.type !== 'org') continue;
    chunks.splice(k, 2, { type: 'org', start: a.start, end: b.end, text: joinTokens(tokens, a.start, b.end) });
  }
}

/**
 * "Democratic Forces for the Liberation of Rwanda", "Ad Hoc Committee of Ecuador Bondholders": an organisation's
 * name runs on through "of"/"for" and capitalised words — unless what follows is only a country or place
 * ("Armed Forces of Norway" keeps its head; the country is read as the place it is).
 */
function extendOrgNames(tokens: Token[], chunks: Chunk[]): void {
  for (let k = 0; k < chunks.length; k++) {
    const c = chunks[k];
    if (!((c.type === 'name' && c.headKind === 'org') || c.type === 'org') || tokens[c.end - 1].poss) continue;
    const prep = tokens[c.end];
    if (!prep || !/^(of|for)$/.test(prep.key) || prep.cap) continue;
    let m = c.end + 1;
    if (tokens[m]?.key === 'the') m++;
    const from = m;
    let caps = 0;
    while (m < tokens.length && isWord(tokens[m])) {
      const t = tokens[m];
      if (t.cap && !isMonth(t.text) && !isWeekday(t.text)) {
        caps++;
        m++;
        // "National Federation of Fishermen’s Organisations": a possessive inside the name when a capital follows
        if (t.poss && !(tokens[m]?.cap && isWord(tokens[m]))) break;
      } else if (
        /^(of|for|and|the)$/.test(t.key) &&
        !t.cap &&
        (tokens[m + 1]?.cap || (tokens[m + 1]?.key === 'the' && tokens[m + 2]?.cap))
      )
        m++;
      else break;
    }
    while (m > from && !tokens[m - 1].cap) m--;
    if (caps < 2 || m <= from) continue;
    const g = gazetteerAt(tokens, from);
    if (g && g.end >= m) continue;
    let last = k + 1;
    while (last < chunks.length && chunks[last].start < m) last++;
    if (chunks.slice(k + 1, last).some((x) => x.end > m || x.type === 'title')) continue;
    chunks.splice(k, last - k, { type: 'org', start: c.start, end: m, text: joinTokens(tokens, c.start, m) });
  }
}

const isBranchNumber = (t: Token | undefined) => !!t && t.kind === 'num' && !/^(?:1[89]|20)\d\d$/.test(t.text);

/**
 * "Glaziers District 12", "ACW Local 100", "the ACW 100 leadership": a body's numbered branch is one organisation,
 * the number included; an acronym right before "District 12" is the body's.
 */
function extendBranchNumbers(tokens: Token[], chunks: Chunk[]): void {
  for (let k = 0; k < chunks.length; k++) {
    const c = chunks[k];
    if (c.type !== 'name' && c.type !== 'org') continue;
    const last = tokens[c.end - 1];
    const num = tokens[c.end];
    if (last.poss || !isBranchNumber(num) || num.start > last.end + 1) continue;
    const acronym = c.type === 'org' && c.end - c.start === 1 && last.upper;
    if (!acronym && !(BRANCH_WORDS.has(last.key) && last.cap)) continue;
    let start = c.start;
    const before = tokens[start - 1];
    const free = k === 0 || chunks[k - 1].end < start;
    if (!acronym && free && before?.upper && /^\p{Lu}{2,6}$/u.test(before.text)) start--;
    // "District 9" alone names no body
    if (c.type === 'name' && c.keys.length < 2 && start === c.start) continue;
    let end = c.end + 1;
    if (/^(?:and|&)$/.test(tokens[end]?.key ?? '') && isBranchNumber(tokens[end + 1])) end += 2;
    chunks[k] = { type: 'org', start, end, text: joinTokens(tokens, start, end) };
  }
}

/** Words whose possessive names a group of people: "Workers’", "Longshoremen’s", "People’s", "Women’s". */
const COLLECTIVE_POSSESSIVE = /^(?:\p{Lu}\p{Ll}*s|\p{Lu}\p{Ll}*(?:men|people|women|children|folk)|People)$/u;

/**
 * "the Dockworkers’ Association", "the Farmers’ Union", "the Ruritanian People’s Party": a group's possessive
 * inside an organisation's name — the possessive of a plural or collective word, then a name ending in an
 * organisation's head — is one organisation, not a possessor and its belonging.
 */
function mergeCollectivePossessives(tokens: Token[], chunks: Chunk[]): void {
  for (let k = chunks.length - 2; k >= 0; k--) {
    const a = chunks[k];
    if (a.type !== 'name') continue;
    const last = tokens[a.end - 1];
    const mark = tokens[a.end];
    const apostrophe = !last.poss && mark?.kind === 'punct' && /^[’']$/.test(mark.text) && mark.start === last.end;
    const irregular = last.poss && /(?:men|people|women|children|folk)$/i.test(last.text);
    if (!COLLECTIVE_POSSESSIVE.test(last.text) || !(apostrophe || irregular)) continue;
    const b = chunks[k + 1];
    const from = apostrophe ? a.end + 1 : a.end;
    if (!b || b.start !== from || b.end - b.start > 3 || !(b.type === 'name' || b.type === 'org')) continue;
    if (!ORG_HEADS.has(tokens[b.end - 1].key) || !tokens[b.end - 1].cap) continue;
    // "the Ruritanian People’s Party": a nationality glued before it belongs to the name
    const d = chunks[k - 1];
    const lead = d && d.type === 'gaz' && d.entry.type === 'demonym' && d.end === a.start && !tokens[d.end - 1].poss;
    const start = lead ? d.start : a.start;
    const text = joinTokens(tokens, start, b.end).replace(/ ([’']) /, '$1 ');
    chunks.splice(lead ? k - 1 : k, lead ? 3 : 2, { type: 'org', start, end: b.end, text });
  }
}

/** Analyses one sentence (offsets are document offsets). */
export function analyzeSentence(s: Sentence, opts: AnalyzeOptions = {}): AnalyzedSentence {
  const { text, dateline, agency } = readDateline(s);
  const tokens = tokenize(text, s.start);
  const skip = opts.skip ?? [];
  const skipped = (t: Token) => skip.some(([a, b]) => t.start >= a && t.end <= b);
  const words = tokens.filter((t) => t.kind === 'word');
  const headline = isHeadline(s, words);
  const chunks = chunkTokens(tokens, headline, skipped);
  mergeGeneralBodies(tokens, chunks);
  mergeCollectivePossessives(tokens, chunks);
  mergeOrgPrefixes(tokens, chunks);
  extendOrgNames(tokens, chunks);
  extendBranchNumbers(tokens, chunks);
  const chunkAt = new Int32Array(tokens.length).fill(-1);
  chunks.forEach((c, ci) => {
    for (let k = c.start; k < c.end; k++) if (chunkAt[k] === -1 || c.type !== 'name') chunkAt[k] = ci;
  });
  const bare = words.length <= 20 && !/[.!?"”’:)]$/.test(s.text.trim());
  return {
    index: s.index,
    start: s.start,
    end: s.end,
    text: s.text,
    tokens,
    chunks,
    chunkAt,
    headline,
    bare,
    dateline,
    agency,
  };
}
