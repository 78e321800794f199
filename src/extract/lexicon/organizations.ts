/**
 * Organisations news writes about: international bodies, governments' seats and institutions, agencies,
 * parties and companies. Keys are folded phrases; values give the canonical name and, where the text uses it,
 * the acronym. `ORG_POLITY` says which country or union an institution acts for (its people's affiliation).
 */
export interface OrgInfo {
  name: string;
  aliases: string[];
  /** The country or union the institution belongs to. */
  polity?: string;
}

const RAW: Array<[string, string[], string?]> = [
  ['NATO', ['North Atlantic Treaty Organization', 'North Atlantic Treaty Organisation', 'North Atlantic Alliance']],
  ['European Union', ['EU']],
  ['United Nations', ['UN', 'U.N.']],
  ['UN Security Council', ['Security Council', 'United Nations Security Council', 'U.N. Security Council']],
  ['UN General Assembly', ['General Assembly', 'United Nations General Assembly']],
  ['European Commission', [], 'European Union'],
  ['European Council', [], 'European Union'],
  ['European Parliament', [], 'European Union'],
  ['Council of Europe', []],
  ['European Central Bank', ['ECB']],
  [
    'OSCE',
    ['Organization for Security and Co-operation in Europe', 'Organization for Security and Cooperation in Europe'],
  ],
  ['IAEA', ['International Atomic Energy Agency']],
  ['International Monetary Fund', ['IMF']],
  ['World Bank', []],
  ['World Health Organization', ['WHO']],
  ['World Trade Organization', ['WTO']],
  ['International Criminal Court', ['ICC']],
  ['International Court of Justice', ['ICJ']],
  ['International Committee of the Red Cross', ['ICRC', 'Red Cross']],
  ['Amnesty International', []],
  ['Human Rights Watch', []],
  ['OPEC', ['Organization of the Petroleum Exporting Countries']],
  ['G7', ['Group of Seven']],
  ['G20', ['Group of 20', 'Group of Twenty']],
  ['BRICS', []],
  ['African Union', ['AU']],
  ['Arab League', []],
  ['ASEAN', ['Association of Southeast Asian Nations']],
  ['Gulf Cooperation Council', ['GCC']],
  ['White House', [], 'United States'],
  ['Pentagon', [], 'United States'],
  ['State Department', ['U.S. State Department', 'Department of State'], 'United States'],
  ['Congress', ['U.S. Congress'], 'United States'],
  ['Senate', ['U.S. Senate'], 'United States'],
  ['House of Representatives', [], 'United States'],
  ['CIA', ['Central Intelligence Agency'], 'United States'],
  ['FBI', ['Federal Bureau of Investigation'], 'United States'],
  ['Treasury Department', ['Department of the Treasury', 'U.S. Treasury'], 'United States'],
  ['Department of Defense', ['Defense Department'], 'United States'],
  ['Kremlin', [], 'Russia'],
  ['State Duma', ['Duma'], 'Russia'],
  ['Federation Council', [], 'Russia'],
  ['FSB', ['Federal Security Service'], 'Russia'],
  ['Gazprom', [], 'Russia'],
  ['Rosneft', [], 'Russia'],
  ['Lukoil', [], 'Russia'],
  ['Wagner Group', ['Wagner'], 'Russia'],
  ['Verkhovna Rada', ['Rada'], 'Ukraine'],
  ['Office of the President of Ukraine', ['Presidential Office'], 'Ukraine'],
  ['SBU', ['Security Service of Ukraine'], 'Ukraine'],
  ['Naftogaz', [], 'Ukraine'],
  ['Downing Street', [], 'United Kingdom'],
  ['Foreign Office', ['Foreign, Commonwealth and Development Office'], 'United Kingdom'],
  ['Bundestag', [], 'Germany'],
  ['Bundeswehr', [], 'Germany'],
  ['Elysee Palace', ['Élysée', 'Elysee', 'Élysée Palace'], 'France'],
  ['Knesset', [], 'Israel'],
  ['Hamas', []],
  ['Hezbollah', ['Hizbollah']],
  ['Houthis', []],
  ['Taliban', []],
  ['Islamic State', ['ISIS', 'ISIL']],
  ['Al Jazeera', []],
  ['Al Arabiya', []],
  ['Deutsche Welle', ['DW']],
  ['Euronews', []],
  ['Le Monde', []],
  ['Der Spiegel', []],
  ['The Guardian', ['Guardian']],
  ['NPR', []],
  ['Telegram', []],
  ['European People’s Party', ['EPP']],
  ['Reuters', []],
  ['Associated Press', ['AP']],
  ['Agence France-Presse', ['AFP']],
  ['Bloomberg', []],
  ['CNN', []],
  ['BBC', []],
  ['CBS News', ['CBS']],
  ['NBC News', ['NBC']],
  ['ABC News', ['ABC']],
  ['Fox News', []],
  ['Politico', []],
  ['Axios', []],
  ['The New York Times', ['New York Times']],
  ['The Washington Post', ['Washington Post']],
  ['The Wall Street Journal', ['Wall Street Journal']],
  ['Financial Times', []],
  ['TASS', []],
  ['RIA Novosti', []],
  ['Interfax', []],
  ['Ukrinform', []],
  ['Kyiv Independent', ['The Kyiv Independent']],
];

export const KNOWN_ORGS: OrgInfo[] = RAW.map(([name, aliases, polity]) => ({ name, aliases, polity }));

/** Organisations that are only recognised in a capitalised multi-letter form (to avoid "who", "au"). */
export const UPPER_ONLY = new Set([
  'who',
  'au',
  'un',
  'ap',
  'abc',
  'eu',
  'cia',
  'fbi',
  'fsb',
  'sbu',
  'icc',
  'icj',
  'imf',
  'wto',
  'ecb',
  'gcc',
]);

/** Last words of an organisation's name ("Ministry", "Party", "Council"). */
export const ORG_HEADS = new Set(
  (
    'ministry department agency council commission committee parliament assembly party union organization ' +
    'organisation alliance platform ' +
    'bank fund court tribunal service services office bureau authority administration institute institution ' +
    'university college ' +
    'academy foundation association federation confederation corporation company group holdings inc ltd llc plc ' +
    'corp co ' +
    'industries enterprises airlines airways army navy forces guard guards brigade battalion regiment division ' +
    'corps command ' +
    'police militia movement front coalition network agency news times post journal press tribune herald gazette ' +
    'television tv radio ' +
    'broadcasting media cabinet government secretariat directorate inspectorate senate congress duma rada knesset ' +
    'bundestag ' +
    'sejm legislature caucus faction club society church federation league trust exchange board programme program ' +
    'democrats republicans ' +
    'socialists greens liberals conservatives nationalists communists partners management capital forum'
  ).split(/\s+/),
);
/**
 * Industries a company is named after ("Vantor Steel", "Orland Motors"): after a country's or an unknown name, the
 * name of a company. Also organisation heads.
 */
export const INDUSTRY_HEADS = new Set(
  (
    'steel motors energy oil petroleum electric chemicals pharmaceuticals pharma telecom telecoms mining shipping ' +
    'railways railroad aerospace semiconductor semiconductors automotive communications technologies airlines ' +
    'airways logistics insurance petrochemicals metals aluminum aluminium steelworkers workers'
  ).split(/\s+/),
);
for (const h of INDUSTRY_HEADS) ORG_HEADS.add(h);
/** A union's or a body's numbered branch: "District 12", "Local 100", "Lodge 7". */
export const BRANCH_WORDS = new Set(['district', 'local', 'lodge', 'chapter', 'branch']);
/** First words of an organisation's name ("Ministry of Defence", "Bank of England"). */
export const ORG_LEAD_HEADS = new Set([
  'ministry',
  'department',
  'office',
  'bank',
  'university',
  'council',
  'court',
  'house',
  'federation',
  'confederation',
  'union',
  'organization',
  'organisation',
  'institute',
  'committee',
  'commission',
  'agency',
  'chamber',
  'party',
  'league',
  'academy',
  'association',
  'directorate',
  'alliance',
  'coalition',
  'foundation',
  'authority',
  'secretariat',
]);
/** One-word bodies a nation's name makes an organisation's name ("Thai Army", "French Navy"). */
export const NATIONAL_SERVICES = new Set([
  'army',
  'navy',
  'police',
  'military',
  'government',
  'parliament',
  'cabinet',
  'gendarmerie',
  'coastguard',
  'marines',
  'legislature',
]);
