import countries from 'world-countries';
import { foldKey } from '../../text/tokens.ts';

/**
 * Country gazetteer from the `world-countries` package: names, alternative spellings, demonyms and capitals,
 * keyed by folded phrase ("u s" style keys are built by the caller's tokenizer: dots removed, lowercased).
 */
export interface CountryInfo {
  /** Canonical English name, as news writes it. */
  name: string;
  capitals: string[];
}

/** Where the package's common name differs from what English-language news writes. */
const NEWS_NAME: Record<string, string> = {
  Türkiye: 'Turkey',
  'DR Congo': 'Democratic Republic of the Congo',
  Czechia: 'Czech Republic',
};

const byKey = new Map<string, CountryInfo>();
const demonyms = new Map<string, CountryInfo>();
const capitals = new Map<string, CountryInfo>();

const phraseKey = (s: string) =>
  foldKey(s)
    .replace(/[^a-z0-9' -]+/g, ' ')
    .replace(/-/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

for (const c of countries as unknown as Array<{
  name: { common: string; official: string };
  altSpellings: string[];
  demonyms?: { eng?: { m: string; f: string } };
  capital: string[];
  cca2: string;
}>) {
  const info: CountryInfo = { name: NEWS_NAME[c.name.common] ?? c.name.common, capitals: c.capital ?? [] };
  const names = [
    c.name.common,
    c.name.official,
    info.name,
    ...c.altSpellings.filter((a) => a.length > 3 && /^[\p{Script=Latin}\s.'’()-]+$/u.test(a)),
  ];
  for (const n of names) {
    const k = phraseKey(n.replace(/^the /i, ''));
    if (k && !byKey.has(k)) byKey.set(k, info);
  }
  const d = c.demonyms?.eng;
  if (d) for (const x of [d.m, d.f]) if (x) demonyms.set(phraseKey(x), info);
  for (const cap of c.capital ?? []) capitals.set(phraseKey(cap.replace(/ D\.?C\.?$/, '')), info);
}

// native spellings that are English words (Iceland's "Ísland" folds to "island"), or that English news uses alone
// for companies named after the country (Japan's "Nippon", "Nihon")
for (const k of ['island', 'nippon', 'nihon', 'nippon koku']) byKey.delete(k);
const get = (name: string) => byKey.get(phraseKey(name))!;
// Acronyms and short forms news uses (2–4 letters are only taken in upper case by the matcher).
const EXTRA_NAMES: Record<string, string> = {
  us: 'United States',
  usa: 'United States',
  america: 'United States',
  'united states of america': 'United States',
  uk: 'United Kingdom',
  britain: 'United Kingdom',
  'great britain': 'United Kingdom',
  uae: 'United Arab Emirates',
  drc: 'Democratic Republic of the Congo',
  prc: 'China',
  "people's republic of china": 'China',
  dprk: 'North Korea',
  holland: 'Netherlands',
  'russian federation': 'Russia',
  burma: 'Myanmar',
  turkiye: 'Turkey',
  'czech republic': 'Czech Republic',
  'south korea': 'South Korea',
  'north korea': 'North Korea',
  'ivory coast': 'Ivory Coast',
  vatican: 'Vatican City',
};
for (const [k, v] of Object.entries(EXTRA_NAMES)) {
  const info = get(v) ?? byKey.get(phraseKey(v));
  if (info) byKey.set(phraseKey(k), info);
}
const EXTRA_DEMONYMS: Record<string, string> = {
  // both Congos share the demonym; news uses it far more for the larger one
  congolese: 'Democratic Republic of the Congo',
  american: 'United States',
  'u s': 'United States',
  british: 'United Kingdom',
  english: 'United Kingdom',
  scottish: 'United Kingdom',
  welsh: 'United Kingdom',
  emirati: 'United Arab Emirates',
  saudi: 'Saudi Arabia',
  israeli: 'Israel',
  palestinian: 'Palestine',
  iranian: 'Iran',
  syrian: 'Syria',
  turkish: 'Turkey',
  dutch: 'Netherlands',
  czech: 'Czech Republic',
  slovak: 'Slovakia',
  belarusian: 'Belarus',
  belarussian: 'Belarus',
  moldovan: 'Moldova',
  georgian: 'Georgia',
  chinese: 'China',
  qatari: 'Qatar',
  'north korean': 'North Korea',
  'south korean': 'South Korea',
  filipino: 'Philippines',
  kuwaiti: 'Kuwait',
  omani: 'Oman',
  yemeni: 'Yemen',
  lebanese: 'Lebanon',
  iraqi: 'Iraq',
  egyptian: 'Egypt',
  jordanian: 'Jordan',
  afghan: 'Afghanistan',
  pakistani: 'Pakistan',
  indian: 'India',
  kazakh: 'Kazakhstan',
  hungarian: 'Hungary',
  polish: 'Poland',
  finnish: 'Finland',
  swedish: 'Sweden',
  danish: 'Denmark',
  norwegian: 'Norway',
  estonian: 'Estonia',
  latvian: 'Latvia',
  lithuanian: 'Lithuania',
  romanian: 'Romania',
  bulgarian: 'Bulgaria',
  serbian: 'Serbia',
  croatian: 'Croatia',
  greek: 'Greece',
  cypriot: 'Cyprus',
  swiss: 'Switzerland',
  austrian: 'Austria',
  german: 'Germany',
  french: 'France',
  italian: 'Italy',
  spanish: 'Spain',
  portuguese: 'Portugal',
  irish: 'Ireland',
  belgian: 'Belgium',
  canadian: 'Canada',
  mexican: 'Mexico',
  brazilian: 'Brazil',
  japanese: 'Japan',
  taiwanese: 'Taiwan',
  vietnamese: 'Vietnam',
  thai: 'Thailand',
  australian: 'Australia',
  ukrainian: 'Ukraine',
  russian: 'Russia',
  armenian: 'Armenia',
  azerbaijani: 'Azerbaijan',
  azeri: 'Azerbaijan',
};
for (const [k, v] of Object.entries(EXTRA_DEMONYMS)) {
  const info = get(v) ?? byKey.get(phraseKey(v));
  if (info) demonyms.set(phraseKey(k), info);
}
demonyms.set('european', { name: 'European Union', capitals: [] });
// Words that are demonyms in the package but everyday English words or ambiguous.
for (const k of ['guinean', 'american samoan', 'bruneian', 'channel islander', 'maltese'.slice(0, 0)])
  demonyms.delete(k);
export const countryByKey = (k: string): CountryInfo | undefined => byKey.get(k);
export const countryByDemonym = (k: string): CountryInfo | undefined => demonyms.get(k);
export const countryByCapital = (k: string): CountryInfo | undefined => capitals.get(k);
export const countryKeys = (): IterableIterator<string> => byKey.keys();
export const demonymKeys = (): IterableIterator<string> => demonyms.keys();
export const capitalKeys = (): IterableIterator<string> => capitals.keys();
export { phraseKey };
