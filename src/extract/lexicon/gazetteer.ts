import { tokenize, type Token } from '../../text/tokens.ts';
import {
  capitalKeys,
  countryByCapital,
  countryByDemonym,
  countryByKey,
  countryKeys,
  demonymKeys,
  type CountryInfo,
} from './countries.ts';
import { KNOWN_ORGS, UPPER_ONLY, type OrgInfo } from './organizations.ts';
import { REGION_LIST, VENUE_LIST } from './places.ts';
import { lexEntries } from './words.ts';

/**
 * One phrase trie over every known name: countries (world-countries), demonyms, cities (compromise's lexicon and
 * world capitals), regions and known organisations. Keys are the tokenizer's folded token keys, so "U.S." and
 * "US" meet at "us".
 */
export type GazEntry =
  | { type: 'country'; country: CountryInfo }
  | { type: 'demonym'; country: CountryInfo }
  | { type: 'place'; kind: 'city' | 'region' | 'venue'; name: string; country?: CountryInfo }
  | { type: 'org'; org: OrgInfo };

interface Node {
  next: Map<string, Node>;
  entries?: GazEntry[];
}
const root: Node = { next: new Map() };

const keysOf = (phrase: string) => tokenize(phrase).map((t) => t.key);
function add(phrase: string, e: GazEntry) {
  const keys = keysOf(phrase);
  if (!keys.length) return;
  let n = root;
  for (const k of keys) {
    let m = n.next.get(k);
    if (!m) n.next.set(k, (m = { next: new Map() }));
    n = m;
  }
  (n.entries ??= []).push(e);
}

const titleCase = (s: string) => s.replace(/(^|[\s-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());

for (const k of countryKeys()) add(k, { type: 'country', country: countryByKey(k)! });
for (const k of demonymKeys()) add(k, { type: 'demonym', country: countryByDemonym(k)! });
for (const o of KNOWN_ORGS) for (const n of [o.name, ...o.aliases]) add(n, { type: 'org', org: o });
for (const r of REGION_LIST) add(r, { type: 'place', kind: 'region', name: r });
for (const v of VENUE_LIST) add(v, { type: 'place', kind: 'venue', name: v });
for (const k of capitalKeys())
  add(k, { type: 'place', kind: 'city', name: titleCase(k), country: countryByCapital(k) });
for (const c of lexEntries('City')) add(c, { type: 'place', kind: 'city', name: titleCase(c) });
for (const c of lexEntries('Region')) add(c, { type: 'place', kind: 'region', name: titleCase(c) });
add('washington', { type: 'place', kind: 'city', name: 'Washington', country: countryByKey('us') });

const PRIORITY = { org: 0, country: 1, demonym: 2, place: 3 } as const;

export interface GazMatch {
  end: number;
  entry: GazEntry;
}

/** The longest known name starting at token i (capitalised; short acronyms in upper case only). */
export function gazetteerAt(tokens: Token[], i: number): GazMatch | null {
  const first = tokens[i];
  if (!first || first.kind !== 'word' || !(first.cap || first.upper)) return null;
  let n: Node | undefined = root;
  let best: GazMatch | null = null;
  for (let j = i; j < tokens.length && n; j++) {
    n = n.next.get(tokens[j].key);
    if (!n) break;
    // a multi-word name keeps its words capitalised ("Middle East", not "Middle east"), except small words
    if (n.entries) {
      const e = [...n.entries].sort((a, b) => PRIORITY[a.type] - PRIORITY[b.type])[0];
      best = { end: j + 1, entry: e };
    }
    if (tokens[j].poss) break; // "Ukraine’s" ends the phrase
  }
  if (!best) return null;
  const single = best.end === i + 1;
  if (single && first.key.length <= 3 && !first.upper) return null;
  if (single && best.entry.type === 'org' && UPPER_ONLY.has(first.key) && !first.upper) return null;
  return best;
}
