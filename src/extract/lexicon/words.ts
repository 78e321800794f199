import nlp from 'compromise';
import { foldKey } from '../../text/tokens.ts';

/**
 * Word classes from compromise's lexicon (no tagger run): whether a word is a first name (and which gender),
 * a common English word, a month or weekday. Plus first names that compromise's lexicon lacks, common in
 * European, Slavic, Arabic, Turkish, Persian and Asian news coverage.
 */
type Lex = Record<string, string | string[]>;
const LEX = (nlp.model() as unknown as { one: { lexicon: Lex } }).one.lexicon;

const tagsOf = (w: string): string[] => {
  const t = LEX[w];
  return t === undefined ? [] : Array.isArray(t) ? t : [t];
};

const EXTRA_MALE = (
  'andriy andrii andrei andrey oleksiy oleksii olexiy dmytro mykola mykhailo mykhaylo yuriy yurii yuri vitali ' +
  'vitaliy vitalii volodymyr vladyslav ' +
  'serhiy serhii sergiy taras bohdan denys denis ihor igor vasyl vasily ruslan rustem arseniy arseny oleh oleg ' +
  'pavlo petro roman maksym maxim ' +
  'kyrylo kirill valeriy valery valerii yevhen yevgeny evgeny anatoliy anatoly dmitri dmitriy dmitry sergei sergey ' +
  'nikolai nikolay mikhail ' +
  'alexei aleksei alexey aleksey alexander aleksandr oleksandr vyacheslav vladislav vladimir gennady gennadiy ' +
  'ramzan yevgeniy konstantin ' +
  'leonid stanislav borys boris yaroslav svyatoslav danylo fedir fyodor grigory hryhoriy ilya illia matviy artem ' +
  'artyom anton ' +
  'hakan recep tayyip mevlut ahmet mehmet mustafa kemal abdullah abdul abdel abdulaziz mohammed mohammad muhammad ' +
  'mohamed ahmed ahmad ' +
  'ali hassan hussein husayn hamad khalid khaled faisal fahd salman tamim sultan saud nayef bashar hafez hamid ' +
  'majid masoud massoud mahmoud ' +
  'ismail ismael ibrahim yousef youssef yusuf omar umar osama anwar jamal karim nabil walid tarek tariq sami samir ' +
  'fuad badr ayman ' +
  'abbas amir ebrahim javad hossein mojtaba ayatollah esmaeil naftali yair benny benjamin bezalel itamar gideon ' +
  'isaac yitzhak avigdor ' +
  'emmanuel olaf friedrich boris rishi keir jean jacques francois françois pierre sebastien sébastien dominique ' +
  'gerhard wolfgang ' +
  'frank-walter annalena giorgia matteo mario sergio antonio pedro jose josé luis luiz inacio inácio javier santiago ' +
  'viktor andrzej mateusz radoslaw radosław lech jaroslaw jarosław wladyslaw zbigniew tomasz piotr pawel paweł ' +
  'petr andrej milos miloš aleksandar gitanas edgars alar kristjan kaja mark mette lars ulf magnus ' +
  'xi li wang zhang qin yi jiang hu deng narendra rahul shinzo fumio shigeru yoshihide yoon moon kim jae lee anwar ' +
  'cyril jacob thabo paul nicolas nicolás gustavo javier alberto cristina ' +
  'jens josep antony anthony lloyd jake pete mike kash tulsi jd rand lindsey chuck mitch hakeem tim ron gavin joe ' +
  'kamala'
).split(/\s+/);
const EXTRA_FEMALE = (
  'olga olha yulia yuliia iryna irina tetiana tatiana tatyana oksana olena elena yelena kateryna ekaterina ' +
  'yekaterina nataliya natalia ' +
  'svetlana maria mariia marija valentina lyudmila ludmila anastasia viktoriia viktoria victoria alla larysa ' +
  'larisa halyna galina ' +
  'hanna ganna inna liudmyla ruslana solomiia daria darya zoya veronika ' +
  'ursula kaja annalena giorgia mette sanna marine ségolène segolene christine christiane angela theresa liz ' +
  'rachel yvette kemi ' +
  'kamala hillary nancy tulsi kristi pam karoline marjorie elise lindsey susie kirsten ilhan alexandria ' +
  'roberta maia zuzana beata ewa agnieszka katarina ingrid sanae yoko ' +
  'fatima aisha ayesha layla leila mariam maryam noor rania sheikha'
).split(/\s+/);

const EXTRA_GENDER = new Map<string, 'm' | 'f'>();
for (const w of EXTRA_MALE) if (w) EXTRA_GENDER.set(w, 'm');
for (const w of EXTRA_FEMALE) if (w && !EXTRA_GENDER.has(w)) EXTRA_GENDER.set(w, 'f');
// names used for both
for (const w of ['kaja', 'annalena', 'giorgia', 'mette', 'tulsi', 'lindsey', 'kamala']) EXTRA_GENDER.set(w, 'f');

/** A known first name: 'm', 'f', or 'u' (unknown gender); null when not a first name. */
export function firstNameGender(word: string): 'm' | 'f' | 'u' | null {
  const w = foldKey(word);
  const extra = EXTRA_GENDER.get(w);
  if (extra) return extra;
  const tags = tagsOf(w);
  if (tags.includes('MaleName')) return 'm';
  if (tags.includes('FemaleName')) return 'f';
  if (tags.includes('FirstName')) return 'u';
  return null;
}

export const isFirstName = (word: string): boolean => firstNameGender(word) !== null;

/** A word compromise knows as a personal name of either kind ("Jordan", "Victoria": a person or a place). */
export const isPersonWord = (word: string): boolean => isFirstName(word) || tagsOf(foldKey(word)).includes('Person');
/** A capitalised word that may be a surname: one compromise lists as a surname or person, or one it does not know. */
export function mayBeSurname(word: string): boolean {
  return !tagsOf(foldKey(word)).length || isKnownSurname(word);
}
/** A word compromise lists as a surname or a person ("Jackson", "Clinton"). */
export const isKnownSurname = (word: string): boolean =>
  tagsOf(foldKey(word)).some((t) => t === 'LastName' || t === 'Person');

const NAMEISH = new Set([
  'MaleName',
  'FemaleName',
  'FirstName',
  'LastName',
  'Person',
  'ProperNoun',
  'Place',
  'City',
  'Country',
  'Region',
  'Organization',
]);
/** Common words that look capitalised only because they start a sentence. */
const EXTRA_COMMON = new Set(
  (
    'diplomatic diplomats officials official although though despite amid meanwhile moreover furthermore ' +
    'additionally ' +
    'nevertheless nonetheless instead overall earlier later separately speaking asked according ' +
    'several many most some few both each every either neither such much more less other another ' +
    'first second third last next new former senior top key critics analysts observers experts sources ' +
    'western eastern northern southern central local regional national international global ' +
    'breaking update updated exclusive analysis opinion editorial photo video watch read listen ' +
    'article section chapter paragraph clause annex appendix page item point part ' +
    'thanksgiving christmas easter ramadan eid hanukkah passover diwali ' +
    'talks negotiations peace war ceasefire truce plan proposal deal agreement treaty sanctions summit ' +
    'congressional parliamentary presidential ministerial governmental federal ' +
    'framework frameworks partnership partnerships platform platforms municipality municipalities community ' +
    'communities corridor corridors route routes dialogue protocol protocols accord accords roadmap initiative ' +
    'mechanism declaration memorandum charter compact pact settlement arrangement brexit'
  ).split(/\s+/),
);

/** A common English word (so a capital at a sentence start does not make it a name). */
export function isCommonWord(word: string): boolean {
  const w = foldKey(word);
  if (EXTRA_COMMON.has(w)) return true;
  if (EXTRA_GENDER.has(w)) return false;
  const tags = tagsOf(w);
  // an unknown word with a suffix of English derivation; "-qvist"/"-quist" are Nordic surnames ("Lindqvist")
  if (!tags.length)
    return (
      /^(?:\p{L}+(?:ly|tion|tions|ment|ments|ness|ity|ous|ive|ical|ally|ists?|ism))$/u.test(w) &&
      !/q[vu]ists?$/.test(w) &&
      w.length > 5
    );
  return !tags.some((t) => NAMEISH.has(t));
}

/** Words that are never part of a name even when capitalised mid-sentence. */
const FUNCTION_TAGS = new Set([
  'Determiner',
  'Preposition',
  'Conjunction',
  'Pronoun',
  'Copula',
  'Modal',
  'QuestionWord',
  'Negative',
  'Adverb',
]);
export function isFunctionWord(word: string): boolean {
  const w = foldKey(word);
  if (EXTRA_GENDER.has(w)) return false;
  return tagsOf(w).some((t) => FUNCTION_TAGS.has(t));
}

const MONTHS = new Set(
  (
    'january february march april may june july august september october november december ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec'
  ).split(' '),
);
const WEEKDAYS = new Set('monday tuesday wednesday thursday friday saturday sunday'.split(' '));
export const isMonth = (w: string) => MONTHS.has(foldKey(w));
export const isWeekday = (w: string) => WEEKDAYS.has(foldKey(w));

/** Lexicon tags from compromise for a lowercased word or phrase. */
export function lexTags(w: string): string[] {
  return tagsOf(foldKey(w));
}

/** All compromise lexicon entries with one of the tags. */
export function lexEntries(tag: string): string[] {
  const out: string[] = [];
  for (const [w, t] of Object.entries(LEX)) if (t === tag || (Array.isArray(t) && t.includes(tag))) out.push(w);
  return out;
}
