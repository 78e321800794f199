import type { ExtractedOrganization, ExtractedPlace, PlaceKind } from './contract.ts';
import { gazetteerAt } from './lexicon/gazetteer.ts';
import { tokenize } from '../text/tokens.ts';
import type { AnalyzedSentence, NameChunk } from './chunks.ts';
import type { GazEntry } from './lexicon/gazetteer.ts';
import type { PeopleResult } from './people.ts';
import { PLACE_APPOSITIVE, PLACE_PREPOSITIONS, PLACE_TYPE_AFTER, TRAVEL_WORDS, VENUE_HEADS } from './lexicon/places.ts';
import { isCommonWord, isFirstName, lexTags } from './lexicon/words.ts';

/**
 * Places: countries (canonical name, the text's forms as aliases), cities and regions from the gazetteer,
 * datelines, and unknown names that the context makes places ("in Pokhara", "Tigray region",
 * "X, a key logistics hub", "the city of X"), and named venues ("Intercontinental Hotel").
 * Demonyms are affiliations, not places.
 */
interface Acc {
  name: string;
  kind: PlaceKind;
  aliases: Set<string>;
  sentences: number[];
  mentions: number;
}

/** Lower-case heads after a name that make it a named site ("the X building", "the X crossing"). */
const LOWER_VENUES = new Set([
  'building',
  'resort',
  'centre',
  'center',
  'hall',
  'residence',
  'estate',
  'embassy',
  'cathedral',
  'stadium',
  'arena',
  'headquarters',
  'palace',
  'terminal',
  'crossing',
  'plant',
  'airport',
  'airbase',
  'base',
  'port',
  'refinery',
  'complex',
  'compound',
  'facility',
  'site',
  'hotel',
  'stadium',
  'square',
  'checkpoint',
  'bridge',
  'dam',
  'mine',
  'shipyard',
  'camp',
  'prison',
  'district',
  'neighbourhood',
  'neighborhood',
]);
/** Nouns whose "at X" names a place ("facilities at X", "the terminal at Y"). */
const SITE_NOUNS = new Set([
  'facility',
  'facilities',
  'site',
  'sites',
  'plant',
  'plants',
  'terminal',
  'base',
  'bases',
  'port',
  'talks',
  'summit',
  'meeting',
  'conference',
  'refinery',
  'camp',
  'camps',
  'crossing',
  'checkpoint',
  'airport',
  'arrived',
  'landed',
  'stationed',
  'held',
  'gathered',
]);

type Hit = { kind: PlaceKind; alias?: string };
type Contextual = Map<string, Hit>;

/** "the X building", "the X crossing", "the X steel plant", "the company’s X headquarters". */
function siteBefore(s: AnalyzedSentence, c: NameChunk): Hit | null {
  const { tokens } = s;
  const next = tokens[c.end];
  if (c.poss || !next || next.cap || next.kind !== 'word') return null;
  const n2 = tokens[c.end + 1];
  const head = LOWER_VENUES.has(next.key)
    ? next
    : n2 &&
        !n2.cap &&
        n2.kind === 'word' &&
        LOWER_VENUES.has(n2.key) &&
        !lexTags(next.key).some((x) => /Verb|Tense|Preposition|Determiner|Conjunction/.test(x))
      ? n2
      : null;
  const lead = tokens[c.start - 1];
  if (!head || head.poss || !lead || !(lead.key === 'the' || lead.poss || PLACE_PREPOSITIONS.has(lead.key)))
    return null;
  const endTok = head === next ? c.end + 1 : c.end + 2;
  return { kind: 'venue', alias: s.text.slice(tokens[c.start].start - s.start, tokens[endTok - 1].end - s.start) };
}

/**
 * "Tigray region", "the city of X", "the outskirts of Kassala", "a drone attack on Hama", "facilities at X and Y".
 */
function placeByNeighbours(s: AnalyzedSentence, c: NameChunk, ci: number, contextual: Contextual): Hit | null | 'none' {
  const { tokens } = s;
  const next = tokens[c.end];
  const prev = tokens[c.start - 1];
  const prev2 = tokens[c.start - 2];
  // "facilities at X and Y", "the terminal at Z"
  if (prev && (prev.key === 'at' || prev.key === 'on') && prev2 && SITE_NOUNS.has(prev2.key) && !c.poss)
    return { kind: 'city' };
  if (prev && prev.key === 'and' && !c.poss && c.keys.length === 1) {
    const pc = s.chunks[ci - 1];
    if (
      pc &&
      pc.type === 'name' &&
      pc.end === c.start - 1 &&
      contextual.has(pc.text) &&
      tokens[pc.start - 1]?.key === 'at'
    )
      return { kind: 'city' };
  }
  if (next && !c.poss && PLACE_TYPE_AFTER[next.key]) {
    if (next.key === 'state' || next.key === 'republic') return 'none'; // "Islamic State", too ambiguous
    return { kind: PLACE_TYPE_AFTER[next.key] === 'city' ? 'city' : 'region', alias: `${c.text} ${next.text}` };
  }
  if (prev && prev.key === 'of' && prev2 && PLACE_TYPE_AFTER[prev2.key]) return { kind: PLACE_TYPE_AFTER[prev2.key] };
  // "the administrative capital Pokhara", "the border town X", "the province Y"
  if (prev && !c.poss && /^(capital|city|town|village|port|province|region|district)$/.test(prev.key))
    return { kind: /^(province|region|district)$/.test(prev.key) ? 'region' : 'city' };
  // "a route through X", "villages adjacent to Y"
  if (prev?.key === 'through' && prev2 && /^(route|road|corridor|passage|path|railway|highway)$/.test(prev2.key))
    return { kind: 'region' };
  if (prev?.key === 'to' && prev2?.key === 'adjacent') return { kind: 'region' };
  // "the Kassala regional military administration"
  if (next && !c.poss && /^(regional|oblast)$/.test(next.key) && c.keys.length === 1) return { kind: 'region' };
  // "the part of Tigray still held by Norway", "the outskirts of Kassala"
  if (
    prev &&
    prev.key === 'of' &&
    prev2 &&
    /^(part|parts|rest|outskirts|centre|center|edge|suburbs|heart|north|south|east|west|residents)$/.test(prev2.key)
  )
    return { kind: 'city' };
  // "a drone attack on Hama"
  if (
    prev &&
    prev.key === 'on' &&
    prev2 &&
    /^(attack|attacks|strike|strikes|assault|offensive|advance|raid|raids|bombardment|shelling|march|push)$/.test(
      prev2.key,
    )
  )
    return { kind: 'city' };
  return null;
}

/** "Pokhara, a key logistics hub", "Mar-a-Lago, the US president’s private club", "North Darfur", "in X". */
function placeByApposition(s: AnalyzedSentence, c: NameChunk): Hit | null {
  const { tokens } = s;
  const next = tokens[c.end];
  const prev = tokens[c.start - 1];
  const prev2 = tokens[c.start - 2];
  if (next && next.text === ',') {
    for (let k = c.end + 1; k < tokens.length && k < c.end + 7; k++) {
      if (tokens[k].kind === 'punct') break;
      if (PLACE_APPOSITIVE.has(tokens[k].key))
        return { kind: tokens[k].key === 'region' || tokens[k].key === 'province' ? 'region' : 'city' };
      if (
        VENUE_HEADS.has(tokens[k].key) &&
        k > c.end + 1 &&
        !tokens[k].poss &&
        !/^(house|field|road|street|plant|station|park)$/.test(tokens[k].key)
      )
        return { kind: 'venue' };
    }
  }
  // "its exclave, Nakhchivan,": the place noun comes first
  const prev3 = tokens[c.start - 3];
  if (
    prev?.text === ',' &&
    prev2 &&
    PLACE_APPOSITIVE.has(prev2.key) &&
    !prev2.cap &&
    prev3 &&
    (prev3.key === 'the' || prev3.key === 'its' || prev3.poss || /^(their|his|her)$/.test(prev3.key)) &&
    !c.poss &&
    (!next || next.kind === 'punct')
  ) {
    return {
      kind:
        prev2.key === 'region' || prev2.key === 'province' || prev2.key === 'exclave' || prev2.key === 'enclave'
          ? 'region'
          : 'city',
    };
  }
  // "North Darfur", "Southern Lebanon"
  if (
    c.keys.length >= 2 &&
    /^(north|south|east|west|northern|southern|eastern|western|central|upper|lower|northeast|northwest|southeast|southwest|greater)$/.test(
      c.keys[0],
    ) &&
    !(next && next.kind === 'num')
  ) {
    return { kind: 'region' };
  }
  if (prev && PLACE_PREPOSITIONS.has(prev.key) && !(next && next.kind === 'num')) {
    if (prev.key === 'at') return null; // "at X" is too often an organisation
    if (prev.key === 'from' && !(prev2 && TRAVEL_WORDS.has(prev2.key))) return null;
    // "to X": a destination after a verb of travel, or a route ("aid routes to Darfur")
    if (
      prev.key === 'to' &&
      !(
        prev2 &&
        (TRAVEL_WORDS.has(prev2.key) ||
          /^(routes?|roads?|access|corridor|way|path|trains?|flights?|ships?|convoys?|supplies|aid)$/.test(prev2.key))
      )
    )
      return null;
    if (c.keys.length >= 2 && isFirstName(tokens[c.start].text)) return null;
    return { kind: 'city' };
  }
  return null;
}

/** What the context makes an unknown name span: a place of some kind, or nothing. */
function contextualPlace(s: AnalyzedSentence, c: NameChunk, ci: number, contextual: Contextual): Hit | null {
  const { tokens } = s;
  // "Bergen-based": a place a company is based in
  if (/^\p{Lu}[\p{L}’'-]*-based$/u.test(c.text) && c.keys.length === 1) return { kind: 'city' };
  if (c.headKind === 'venue') return { kind: 'venue' };
  if (c.headKind === 'feature') return { kind: 'other' };
  if (c.headKind) return null;
  if (c.keys.every((_, n) => isCommonWord(tokens[c.start + n].text))) return null;
  const site = siteBefore(s, c);
  if (site) return site;
  const near = placeByNeighbours(s, c, ci, contextual);
  if (near === 'none') return null;
  return near ?? placeByApposition(s, c);
}

export function resolvePlaces(sentences: AnalyzedSentence[], people: PeopleResult): ExtractedPlace[] {
  const acc = new Map<string, Acc>();
  const add = (name: string, kind: PlaceKind, s: number, surface?: string) => {
    const key = name.toLowerCase();
    let a = acc.get(key);
    if (!a) acc.set(key, (a = { name, kind, aliases: new Set(), sentences: [], mentions: 0 }));
    a.mentions++;
    if (!a.sentences.includes(s)) a.sentences.push(s);
    if (surface && surface !== name) a.aliases.add(surface);
  };
  const addEntry = (e: GazEntry, s: number, surface?: string) => {
    if (e.type === 'country') add(e.country.name, 'country', s, surface);
    else if (e.type === 'place') add(e.name, e.kind, s, surface);
  };
  const contextual: Contextual = new Map();
  const unclaimed: Array<{ s: AnalyzedSentence; c: NameChunk }> = [];
  for (const s of sentences) {
    if (s.dateline) add(s.dateline.name, 'city', s.index);
    s.chunks.forEach((c, ci) => {
      if (c.type === 'title' && c.complement?.entry) return void addEntry(c.complement.entry, s.index);
      if (c.type === 'gaz')
        return void addEntry(
          c.entry,
          s.index,
          s.text.slice(s.tokens[c.start].start - s.start, s.tokens[c.end - 1].end - s.start),
        );
      if (c.type !== 'name' || people.byChunk.has(`${s.index}:${ci}`) || s.headline) return;
      // "Paris Okafor" that names no one: the place its first word is
      if (c.givenPlace) return void addEntry(c.givenPlace, s.index, s.tokens[c.start].text);
      unclaimed.push({ s, c });
      const hit = contextualPlace(s, c, ci, contextual);
      if (hit) contextual.set(c.text, hit);
    });
  }
  for (const { s, c } of unclaimed) {
    const hit = contextual.get(c.text);
    if (hit) add(c.text.replace(/-based$/, ''), hit.kind, s.index, hit.alias);
  }
  for (const [name, hit] of contextual) if (hit.alias) acc.get(name.toLowerCase())?.aliases.add(hit.alias);
  return [...acc.values()].map((a) => ({
    name: a.name,
    aliases: [...a.aliases].filter((x) => x.toLowerCase() !== a.name.toLowerCase()),
    kind: a.kind,
    mentions: a.mentions,
    sentences: a.sentences,
  }));
}

/**
 * An unknown name the context made a place ("at Quarvex", "Quarvex's plants") that the document also shows to be
 * an organisation ("Quarvex CEO …", "Quarvex said") names the organisation; known places stay.
 */
export function withoutOrganizations(places: ExtractedPlace[], orgs: ExtractedOrganization[]): ExtractedPlace[] {
  const orgNames = new Set(orgs.flatMap((o) => [o.name, ...o.aliases]).map((n) => n.toLowerCase()));
  return places.filter((p) => {
    if (!orgNames.has(p.name.toLowerCase())) return true;
    const tokens = tokenize(p.name);
    const g = gazetteerAt(tokens, 0);
    return !!g && g.end === tokens.length;
  });
}
