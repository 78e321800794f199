/** Place lexicon beyond countries and the compromise gazetteer: regions, seas, venue and place-type nouns. */

export const REGIONS = new Set<string>();
// (built below from a readable list)
const REGION_LIST = [
  'Europe', 'Asia', 'Africa', 'Antarctica', 'Oceania', 'North America', 'South America', 'Latin America', 'Central America',
  'Middle East', 'Near East', 'Far East', 'East Asia', 'Southeast Asia', 'South Asia', 'Central Asia', 'Eastern Europe',
  'Western Europe', 'Central Europe', 'Balkans', 'Baltics', 'Baltic states', 'Caucasus', 'South Caucasus', 'Scandinavia',
  'Sahel', 'Horn of Africa', 'Maghreb', 'Levant', 'Persian Gulf', 'Arctic', 'Mediterranean', 'Black Sea', 'Baltic Sea',
  'Red Sea', 'North Sea', 'Caspian Sea', 'South China Sea', 'Sea of Azov', 'Indo-Pacific', 'Pacific', 'Atlantic',
  'Indian Ocean', 'Crimea', 'Donbas', 'Donbass', 'Gaza Strip', 'Gaza', 'West Bank', 'Golan Heights', 'Kashmir', 'Tibet',
  'Xinjiang', 'Siberia', 'Transnistria', 'Abkhazia', 'South Ossetia', 'Nagorno-Karabakh', 'Kurdistan', 'Sinai',
  'Caribbean', 'Balkan Peninsula', 'Iberian Peninsula', 'Korean Peninsula', 'Arabian Peninsula', 'Persian Gulf', 'Gulf of Mexico',
  'Strait of Hormuz', 'Bosphorus', 'Sahara', 'Amazon', 'Himalayas', 'Alps', 'Kuril Islands', 'Falkland Islands',
  'England', 'Scotland', 'Wales', 'Northern Ireland', 'Bavaria', 'Catalonia', 'Flanders', 'Silicon Valley',
];
for (const r of REGION_LIST) REGIONS.add(r);
export { REGION_LIST };

/** Named rooms and sites of state that news names as where something happened; their heads ("Office") would make them bodies. */
export const VENUE_LIST = ['Oval Office', 'Rose Garden', 'Situation Room', 'East Room', 'Cabinet Room', 'Roosevelt Room', 'State Dining Room', 'Camp David', 'Blair House', 'Red Square', 'Tiananmen Square'];

/** Nouns after a name that make it a place of that kind ("Donetsk region", "Zaporizhzhia oblast"). */
export const PLACE_TYPE_AFTER: Record<string, 'region' | 'city'> = {
  region: 'region', oblast: 'region', province: 'region', district: 'region', county: 'region', territory: 'region',
  governorate: 'region', prefecture: 'region', krai: 'region', republic: 'region', raion: 'region', state: 'region',
  exclave: 'region', enclave: 'region',
  city: 'city', town: 'city', village: 'city', port: 'city', suburb: 'city', municipality: 'city', settlement: 'city',
};
/** Nouns in an appositive after a place ("Pokrovsk, a key logistics hub"). */
export const PLACE_APPOSITIVE = new Set(['city', 'town', 'village', 'port', 'hub', 'stronghold', 'capital', 'region', 'province', 'settlement', 'suburb', 'frontline', 'outpost', 'enclave', 'exclave', 'island', 'peninsula', 'resort', 'district', 'oblast', 'municipality', 'crossroads']);
/** Last words of a named venue ("Intercontinental Hotel", "Mariinsky Palace"). */
export const VENUE_HEADS = new Set(['hotel', 'palace', 'hall', 'center', 'centre', 'stadium', 'arena', 'square', 'airport', 'base', 'embassy', 'cathedral', 'mosque', 'church', 'temple', 'museum', 'tower', 'castle', 'residence', 'estate', 'resort', 'club', 'building', 'bridge', 'plant', 'station', 'port', 'harbor', 'harbour', 'dam', 'compound', 'complex', 'villa', 'lodge', 'manor', 'house', 'garden', 'gardens', 'park', 'street', 'avenue', 'boulevard', 'road', 'field', 'highway', 'motorway', 'expressway']);
/** Geographic feature heads ("Dnipro River"). */
export const FEATURE_HEADS = new Set(['river', 'sea', 'ocean', 'lake', 'mountain', 'mountains', 'island', 'islands', 'peninsula', 'strait', 'gulf', 'bay', 'canal', 'valley', 'desert', 'forest', 'coast', 'delta', 'basin', 'plateau', 'corridor']);
/** Prepositions after which an unknown capitalised word is taken to be a place. */
export const PLACE_PREPOSITIONS = new Set(['in', 'near', 'outside', 'around', 'across', 'into', 'toward', 'towards', 'via', 'from', 'at', 'to', 'inside', 'throughout', 'within']);
/** Verbs of travel: "to X" after them is a destination. */
export const TRAVEL_WORDS = new Set(['travel', 'travels', 'traveled', 'travelled', 'traveling', 'travelling', 'trip', 'visit', 'visits', 'visited', 'visiting', 'fly', 'flew', 'flown', 'flying', 'flies', 'went', 'go', 'goes', 'going', 'head', 'headed', 'heading', 'return', 'returned', 'returning', 'arrive', 'arrived', 'arriving', 'moved', 'sent', 'deployed', 'journey', 'journeyed', 'come', 'came', 'coming', 'back']);
