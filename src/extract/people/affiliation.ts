import type { AnalyzedSentence } from '../chunks.ts';
import { countryByCapital, phraseKey } from '../lexicon/countries.ts';
import { TRAVEL_WORDS } from '../lexicon/places.ts';
import type { Pending } from './build.ts';
import type { Candidate, Person } from './types.ts';

/**
 * Stage 5 of the people stage: affiliations the titles did not give — from the person a role hangs on
 * ("the president’s son-in-law"), the capital a sentence is set in, the institution leading the sentence, and the
 * document's main country (whose officials it reports on), unless the person travels to that country.
 */
const FALLBACK_HEADS =
  /\b(?:president|prime minister|premier|chancellor|minister|secretary|senator|representative|congressman|congresswoman|governor|ambassador|envoy|spokesman|spokeswoman|spokesperson)\b/i;
const hasGovRole = (p: Person) => p.roles.some((r) => FALLBACK_HEADS.test(r));

export function assignAffiliations(
  sentences: AnalyzedSentence[],
  people: Person[],
  pending: Pending[],
  personOfCand: (c: Candidate) => Person | undefined,
): string | null {
  const foreignTo = new Map<Person, Set<string>>();
  for (const p of people) foreignTo.set(p, destinations(p, sentences));
  const resolvePending = () => {
    for (const { person, owner } of pending) {
      if (person.affiliation) continue;
      const o = personOfCand(owner);
      if (o && o !== person && o.affiliation) person.affiliation = o.affiliation;
    }
  };
  resolvePending();
  fromSetting(sentences, people);
  const mainCountry = findMainCountry(sentences) ?? datelineCountry(sentences);
  if (mainCountry) {
    const counts = countryCounts(sentences);
    const waiting = new Set(pending.map((x) => x.person));
    for (const p of people) {
      if (p.affiliation || waiting.has(p)) continue;
      const gov = hasGovRole(p) && p.roles.every((r) => !/\b(?:general|commander|colonel|admiral)\b/i.test(r));
      if (!gov) continue;
      const away = foreignTo.get(p) ?? new Set();
      if (!away.has(mainCountry)) p.affiliation = mainCountry;
      else {
        const others = [...counts].filter(([c]) => c !== mainCountry && !away.has(c)).sort((a, b) => b[1] - a[1]);
        if (others.length && (others.length === 1 || others[0][1] >= 1.5 * others[1][1])) p.affiliation = others[0][0];
      }
    }
    resolvePending();
  }
  return mainCountry;
}

/** Where a person travels: "X visiting the United States", "X traveling to Russia". */
function destinations(p: Person, sentences: AnalyzedSentence[]): Set<string> {
  const set = new Set<string>();
  for (const m of p.mentions) {
    const s = sentences[m.s];
    for (let k = m.end; k < s.tokens.length && k < m.end + 5; k++) {
      if (!TRAVEL_WORDS.has(s.tokens[k].key)) continue;
      for (let q = k + 1; q < s.tokens.length && q < k + 5; q++) {
        const ci = s.chunkAt[q];
        const ch = ci >= 0 ? s.chunks[ci] : null;
        if (ch && ch.type === 'gaz' && ch.entry.type === 'country') set.add(ch.entry.country.name);
      }
      break;
    }
  }
  return set;
}

/**
 * "In London, Prime Minister X’s spokesman said": a sentence set in a capital speaks of that country's officials;
 * "The Kremlin said …, according to spokesman X": the institution leading the same sentence, or the one before.
 */
function fromSetting(sentences: AnalyzedSentence[], people: Person[]): void {
  for (const p of people) {
    if (p.affiliation || !hasGovRole(p)) continue;
    for (const m of p.mentions) {
      const s = sentences[m.s];
      const first = s.chunks[0];
      if (
        first &&
        first.type === 'gaz' &&
        first.entry.type === 'place' &&
        first.entry.country &&
        s.tokens[first.start - 1]?.key === 'in' &&
        s.tokens[first.end]?.text === ','
      ) {
        p.affiliation = first.entry.country.name;
        break;
      }
    }
  }
  for (const p of people) {
    if (p.affiliation || !hasGovRole(p) || !p.mentions.length) continue;
    for (const si of [p.mentions[0].s, p.mentions[0].s - 1]) {
      const prev = sentences[si];
      const first = prev?.chunks[0];
      if (
        first &&
        first.type === 'gaz' &&
        first.entry.type === 'org' &&
        first.entry.org.polity &&
        (first.start === 0 || (first.start === 1 && prev.tokens[0].key === 'the'))
      ) {
        p.affiliation = first.entry.org.polity;
        break;
      }
    }
  }
}

/**
 * "OSLO, Norway (AP) —": the dateline's country (a country right after its city, or the city's country) — only
 * when the text itself names that country ("BRUSSELS —" over a story about France says nothing about Belgium).
 */
function datelineCountry(sentences: AnalyzedSentence[]): string | null {
  const dateline = sentences.find((s) => s.dateline);
  if (!dateline) return null;
  const key = dateline.dateline!.name.toLowerCase();
  const e = dateline.chunks.find(
    (c) =>
      c.type === 'gaz' && c.entry.type === 'country' && dateline.tokens[c.start].start <= dateline.dateline!.end + 3,
  );
  const country =
    e && e.type === 'gaz' && e.entry.type === 'country'
      ? e.entry.country.name
      : (countryByCapital(phraseKey(key))?.name ?? null);
  return country && countryCounts(sentences).get(country) ? country : null;
}

/** How often each country is named (names and demonyms). */
function countryCounts(sentences: AnalyzedSentence[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const s of sentences)
    for (const c of s.chunks)
      if (c.type === 'gaz' && (c.entry.type === 'country' || c.entry.type === 'demonym'))
        m.set(c.entry.country.name, (m.get(c.entry.country.name) ?? 0) + 1);
  return m;
}

const MAIN_GROUPS = new Set([
  'official',
  'officials',
  'lawmakers',
  'lawmaker',
  'senators',
  'legislators',
  'administration',
  'government',
  'authorities',
]);
/** The country named most often right before "officials", "lawmakers", "administration" — if it stands out. */
function findMainCountry(sentences: AnalyzedSentence[]): string | null {
  const m = new Map<string, number>();
  for (const s of sentences) {
    for (const c of s.chunks) {
      if (c.type !== 'gaz' || (c.entry.type !== 'country' && c.entry.type !== 'demonym')) continue;
      let k = c.end;
      for (let steps = 0; steps < 4 && k < s.tokens.length; steps++) {
        if (/^(senior|top|other|two|three|several|some|many|and|both)$/.test(s.tokens[k].key)) k++;
        else {
          // "U.S. and Norwegian officials": the next country shares the noun
          const ci = s.chunkAt[k];
          const n = ci >= 0 ? s.chunks[ci] : null;
          if (
            n &&
            n.type === 'gaz' &&
            (n.entry.type === 'country' || n.entry.type === 'demonym') &&
            s.tokens[k - 1]?.key === 'and'
          )
            k = n.end;
          else break;
        }
      }
      const t = s.tokens[k];
      if (t && MAIN_GROUPS.has(t.key)) m.set(c.entry.country.name, (m.get(c.entry.country.name) ?? 0) + 1);
    }
  }
  const ranked = [...m].sort((a, b) => b[1] - a[1]);
  if (!ranked.length || ranked[0][1] < 2) return null;
  if (ranked.length > 1 && ranked[0][1] < 1.5 * ranked[1][1]) return null;
  return ranked[0][0];
}
