/**
 * Titles and offices: the words that come before a name ("Secretary of State Ana Ruiz") or in an appositive
 * ("Ivan Petrenko, Ukraine’s ambassador to the U.S."). Matched on folded, lowercased tokens.
 */

/**
 * Trades and occupations that stand before a name ("steelworker Ana Ruiz") — in the singular only: the plural is a
 * union's name ("Machinists District 9").
 */
export const OCCUPATION_HEADS = new Set([
  'machinist',
  'steelworker',
  'autoworker',
  'reporter',
  'nurse',
  'teacher',
  'doctor',
  'candidate',
  'nominee',
  'challenger',
  'lawmaker',
  'activist',
  'economist',
  'analyst',
]);

/** Heads of a title phrase, single or multi-word (words separated by spaces, hyphens kept). */
export const TITLE_HEADS = new Set(
  [
    ...OCCUPATION_HEADS,
    'president',
    'president-elect',
    'vice president',
    'vice-president',
    'prime minister',
    'premier',
    'chancellor',
    'minister',
    'secretary',
    'secretary of state',
    'secretary-general',
    'secretary general',
    'undersecretary',
    'under secretary',
    'ambassador',
    'envoy',
    'emissary',
    'representative',
    'high representative',
    'adviser',
    'advisor',
    'aide',
    'counselor',
    'counsellor',
    'senator',
    'sen',
    'rep',
    'congressman',
    'congresswoman',
    'lawmaker',
    'legislator',
    'mp',
    'mep',
    'deputy',
    'governor',
    'gov',
    'mayor',
    'king',
    'queen',
    'prince',
    'princess',
    'crown prince',
    'emir',
    'sheikh',
    'sultan',
    'pope',
    'patriarch',
    'cardinal',
    'archbishop',
    'metropolitan',
    'ayatollah',
    'supreme leader',
    'speaker',
    'spokesperson',
    'spokesman',
    'spokeswoman',
    'press secretary',
    'negotiator',
    'mediator',
    'diplomat',
    'official',
    'commander',
    'commander-in-chief',
    'general',
    'gen',
    'lieutenant general',
    'lt gen',
    'major general',
    'maj gen',
    'brigadier general',
    'admiral',
    'adm',
    'colonel',
    'col',
    'major',
    'captain',
    'lieutenant',
    'sergeant',
    'marshal',
    'field marshal',
    'chief of staff',
    'chief of the general staff',
    'head',
    'leader',
    'chief',
    'chairman',
    'chairwoman',
    'chair',
    'chairperson',
    'ceo',
    'chief executive',
    'founder',
    'co-founder',
    'director',
    'director general',
    'director-general',
    'justice',
    'judge',
    'prosecutor',
    'attorney general',
    'attorney',
    'lawyer',
    'commissioner',
    'high commissioner',
    'ombudsman',
    'ruler',
    'monarch',
    'dictator',
    'strongman',
    'coordinator',
    'administrator',
    'inspector general',
    'whip',
    'consul',
    'consul general',
    'attache',
    'attaché',
    'analyst',
    'economist',
    'researcher',
    'professor',
    'prof',
    'governor general',
    'regent',
    'foreign minister',
    'defense minister',
    'defence minister',
    'finance minister',
    'interior minister',
    'foreign secretary',
    'home secretary',
    'defense secretary',
    'defence secretary',
    'army secretary',
    'navy secretary',
    'treasury secretary',
    'national security adviser',
    'national security advisor',
    'spy chief',
    'army chief',
    'foreign policy chief',
    'son-in-law',
    'daughter-in-law',
    'father-in-law',
    'brother-in-law',
    'son',
    'daughter',
    'wife',
    'husband',
    'brother',
    'sister',
    'father',
    'mother',
    'nephew',
    'niece',
    'cousin',
    'widow',
    'grandson',
    'granddaughter',
    'ally',
    'confidant',
    'friend',
    'mr',
    'mrs',
    'ms',
    'dr',
    'sir',
    'dame',
    'lord',
    'lady',
    'datuk seri',
    'dato seri',
    'tan sri',
    'datuk',
    'dato',
    'tun',
    'counterpart',
    'counterparts',
    'expert',
    'historian',
    'scholar',
    'editor',
    'correspondent',
    'journalist',
    'commentator',
    'envoys',
    'advisers',
    'advisors',
    'aides',
    'negotiators',
    'national security advisers',
    'national security advisors',
    'senators',
    'foreign ministers',
    'ministers',
    // local government and executive offices
    'councillor',
    'councilor',
    'councilman',
    'councilwoman',
    'council member',
    'alderman',
    'alderwoman',
    'deputy mayor',
    'mayor-elect',
    'governor-elect',
    'lieutenant governor',
    'assemblyman',
    'assemblywoman',
    'assembly member',
    'selectman',
    'county executive',
    'city manager',
    'state senator',
    'state representative',
    'delegate',
    'minister-president',
    'chief executive officer',
    'chief operating officer',
    'chief financial officer',
    'chief technology officer',
    'chief economist',
    'managing director',
    'executive director',
    'general manager',
    'cfo',
    'coo',
    'cto',
    'vp',
    'vice chair',
    'vice chairman',
    'deputy chairman',
    'human rights commissioner',
    "children's rights commissioner",
    'parliamentary commissioner',
  ].map((s) => s.replace(/-/g, ' ')),
);

/** Honorifics: mark a name and its gender but are not roles. */
export const HONORIFICS: Record<string, 'm' | 'f' | 'u'> = {
  mr: 'm',
  mrs: 'f',
  ms: 'f',
  miss: 'f',
  dr: 'u',
  sir: 'm',
  dame: 'f',
  lord: 'm',
  lady: 'f',
  // Malaysian honours, written before the name in Malaysian and Bruneian news
  'datuk seri': 'u',
  'dato seri': 'u',
  'tan sri': 'u',
  datuk: 'u',
  dato: 'u',
  tun: 'u',
};

/** Kin and personal relations: only a role when the text says whose ("Trump’s son-in-law"). */
export const RELATION_HEADS = new Set([
  'son in law',
  'daughter in law',
  'father in law',
  'brother in law',
  'son',
  'daughter',
  'wife',
  'husband',
  'brother',
  'sister',
  'father',
  'mother',
  'nephew',
  'niece',
  'cousin',
  'widow',
  'grandson',
  'granddaughter',
  'ally',
  'confidant',
  'friend',
]);

/** Heads that take "to X" naming who they serve ("chief of staff to President Marek", "adviser to the president"). */
export const SERVES_HEADS = new Set([
  'chief of staff',
  'adviser',
  'advisor',
  'aide',
  'advisers',
  'advisors',
  'aides',
  'counselor',
  'counsellor',
  'spokesperson',
  'spokesman',
  'spokeswoman',
  'secretary',
  'press secretary',
  'assistant',
  'deputy',
]);
/** Heads that take "to X" naming where they are sent ("ambassador to the U.S.", "envoy to the Middle East"). */
export const POSTED_HEADS = new Set([
  'ambassador',
  'envoy',
  'emissary',
  'representative',
  'high representative',
  'special envoy',
  'consul',
  'consul general',
]);

/** Words that modify a title: "deputy", "special", "foreign", "Army", "top". */
export const TITLE_MODIFIERS = new Set(
  (
    'deputy vice acting former ex interim top senior junior special first lead chief principal presidential ' +
    'foreign defense defence ' +
    'interior home finance economy economic trade justice health energy state army navy air force military ' +
    'national security ' +
    'intelligence assistant associate executive supreme high permanent longtime long-time veteran incoming ' +
    'outgoing then current ' +
    'sitting retired prominent opposition ruling key close personal climate digital policy foreign-policy peace ' +
    'chief-of-staff ' +
    'treasury commerce homeland agriculture labor labour transport education culture environment development ' +
    'international ' +
    'european regional district federal general staff joint armed forces marine corps coast guard space cyber ' +
    'press communications ' +
    'information strategic diplomatic political legal media public private own newly appointed elected designated ' +
    'powerful influential ' +
    'humanitarian founding maritime military-political independent parliamentary municipal city county local ' +
    'provincial ' +
    'hardline hard-line moderate conservative liberal centrist nationalist populist far-right far-left right-wing ' +
    'left-wing'
  ).split(/\s+/),
);

/** Domain words that follow "Minister of / Secretary for" in an office name. */
export const OFFICE_DOMAINS = new Set(
  (
    'state foreign affairs defense defence war interior home internal justice finance treasury economy economic ' +
    'trade commerce ' +
    'energy health education agriculture labor labour transport transportation culture digital security homeland ' +
    'veterans housing ' +
    'environment climate industry development international european army navy air force staff general joint ' +
    'chiefs public policy ' +
    'strategic communications information reintegration temporarily occupied territories emergency emergencies ' +
    'situations sport ' +
    'youth science technology infrastructure regional social welfare the and of for intelligence national unity ' +
    'integration ' +
    'human rights children minorities ombudsman citizens migration refugees prisoners war missing persons ' +
    'regulatory legal government corporate external relations resources operations marketing sales research ' +
    'engineering product products finance investor media press global strategy compliance'
  ).split(/\s+/),
);

export const MAX_TITLE_HEAD_WORDS = 5;

/**
 * Offices of a company or a union: the capitalised name right before one is the body the holder works for
 * ("Acme CEO Jane Roe", "Vantor Steel chairman John Doe").
 */
export const CORPORATE_HEADS = new Set([
  'ceo',
  'chief executive',
  'chief executive officer',
  'chairman',
  'chairwoman',
  'chairperson',
  'chair',
  'founder',
  'co-founder',
  'cfo',
  'coo',
  'cto',
  'president',
  'vice president',
  'executive',
  'managing director',
  'general manager',
]);
