import { fold, nameKey } from '../text/names.ts';
import type { SearchHit, CorpusReads } from '../store/store.ts';
import { CitationList, notice, type Answer } from './answer.ts';
import { clip, oneLine } from '../text/clip.ts';
import { exampleQuestion } from './examples.ts';
import { ftsQuery, questionTerms } from './fts.ts';
import { isMeetingWord, MEETING_WORDS, venueSignal } from './where.ts';

/** Sentences shown: the best few, so an answer reads as an answer and not as a search result page. */
const SHOWN = 3;
/** A "where" question looks at more sentences, to find those that name a place. */
const WHERE_POOL = 24;
/** Names and aliases run to four words at most; longer runs would only cost lookups. */
const GRAM_WORDS = 4;
/** Name keys of one or two letters ("al", "de") match too much by chance. */
const MIN_KEY = 3;
/** Words of a sentence read for names: the head of any news sentence, and a bound on the n-grams per hit. */
const SENTENCE_WORDS = 60;
/** Words of a question read for names: a question longer than this is prose, and its tail adds noise. */
const QUESTION_WORDS = 40;
/** A term in more than this share of all sentences ranks nothing (BM25 gives it almost no weight). */
const COMMON_SHARE = 0.1;
/** A match is shown with the best only when it scores at least this share of the best's BM25 score. */
const NEAR_BEST = 0.6;
/** A cited sentence is clipped to this many characters; most news sentences fit whole. */
const SENTENCE_MAX = 600;
/** How well a sentence answers "where". */
const TIER = { venue: 2, place: 1, none: 0 } as const;
const WHERE = /\bwhere(?:abouts)?\b/i;
const WHO = /^\s*(?:and\s+)?who\b|\bwhich\s+(?:official|minister|leader|person)\b/i;
const WHY = /^\s*(?:and\s+)?why\b/i;
const CAUSE = /\b(?:because|due to|owing to|after|amid|over|following|as a result|in protest|so that|since)\b/i;
/** "Who drafted …", "Who will lead …": the verb the answer's sentence should hold. */
/** "Who is", "who are": a question about someone, not about who did something. */
const QUESTION_VERBS = /^(?:is|are|was|were|be|been)$/i;
const WHO_VERB = /^\s*(?:and\s+)?who\s+(?:will\s+|would\s+|has\s+|have\s+|had\s+|did\s+|is\s+|was\s+)?(\p{L}+)/iu;
const WHEN = /^\s*(?:and\s+)?when\b|\bwhat\s+(?:date|day)\b/i;
const MONTH_NAMES = 'january february march april may june july august september october november december'.split(' ');
const MONTH = new RegExp(`\\b(${MONTH_NAMES.map((m) => `${m.slice(0, 3)}(?:${m.slice(3)})?`).join('|')})\\.?`, 'i');
const DATE_IN_SENTENCE = new RegExp(
  `${MONTH.source}\\s+\\d{1,2}\\b|\\b\\d{1,2}\\s+${MONTH.source}|\\b(?:19|20)\\d\\d\\b`,
  'i',
);
/** A sentence that answers the kind of question asked ranks above one that only shares its words. */
const ANSWERS_KIND = 1;
/** A sentence stating the day the question names ranks above the rest. */
const SAME_DAY = 1;
/** A document's headline shares the most words and answers the least. */
const HEADLINE = -1;

/** The name keys of every run of one to four words in a text (its first `cap` words). */
function nameGrams(text: string, cap = SENTENCE_WORDS): Set<string> {
  const words = fold(text).split(' ').filter(Boolean).slice(0, cap);
  const grams = new Set<string>();
  for (let n = 1; n <= GRAM_WORDS; n++) {
    for (let i = 0; i + n <= words.length; i++) {
      const key = nameKey(words.slice(i, i + n).join(' '));
      if (key.length >= MIN_KEY) grams.add(key);
    }
  }
  return grams;
}

/** Ids of entities whose name or alias appears as whole words in the question. */
async function namedEntities(store: CorpusReads, question: string): Promise<number[]> {
  const grams = nameGrams(question, QUESTION_WORDS);
  if (!grams.size) return [];
  return [...new Set((await store.allNames(null, { keys: [...grams] })).map((n) => n.id))];
}

/**
 * Any-word search over the question's terms that the documents hold, leaving out common ones (COMMON_SHARE) when
 * rarer ones remain: they rank nothing and cost the most to score. Counts are of the words as indexed (stemmed), so a
 * word the documents never use is not mistaken for a rare one.
 */
async function withoutCommonTerms(store: CorpusReads, terms: string[]): Promise<string | null> {
  const { sentences, counts } = await store.termFrequencies(terms);
  const present = terms.filter((t) => (counts.get(t) ?? 0) > 0);
  const rare = present.filter((t) => (counts.get(t) ?? 0) <= sentences * COMMON_SHARE);
  return ftsQuery((rare.length ? rare : present).join(' '));
}

/** How well a sentence answers "where": 2 when it says something happened at a place, 1 when it names one, else 0. */
async function placeTiers(store: CorpusReads, hits: SearchHit[]): Promise<number[]> {
  const grams = hits.map((h) => nameGrams(h.ref.sentence));
  const keys = [...new Set(grams.flatMap((g) => [...g]))];
  const places = keys.length ? await store.allNames('place', { keys }) : [];
  return hits.map((h, i) => {
    const named = places.filter((p) => grams[i].has(nameKey(p.alias)));
    if (named.some((p) => venueSignal(p.alias, h.ref.sentence))) return TIER.venue;
    return named.length ? TIER.place : TIER.none;
  });
}

/** "July 10", "10 July": the day a question names, as an FTS expression matching either order and spelling. */
function dayQuery(question: string): string | null {
  const m = new RegExp(`${MONTH.source}\\s+(\\d{1,2})\\b|\\b(\\d{1,2})\\s+${MONTH.source}`, 'i').exec(question);
  if (!m) return null;
  const month = MONTH_NAMES.find((n) => n.startsWith((m[1] ?? m[4]).toLowerCase().slice(0, 3)))!;
  const day = m[2] ?? m[3];
  const forms = [...new Set([month, month.slice(0, 3)])];
  return forms.flatMap((f) => [`"${f} ${day}"`, `"${day} ${f}"`]).join(' OR ');
}

/** For a "who" question: 1 for a sentence naming a person the question does not, ½ for a body or a country. */
async function personTiers(store: CorpusReads, hits: SearchHit[], question: string): Promise<number[]> {
  const asked = nameGrams(question, QUESTION_WORDS);
  const grams = hits.map((h) => nameGrams(h.ref.sentence));
  const keys = [...new Set(grams.flatMap((g) => [...g]))].filter((k) => !asked.has(k));
  const named = keys.length ? await store.allNames(null, { keys }) : [];
  return grams.map((g) => {
    const here = named.filter((p) => g.has(nameKey(p.alias)));
    if (here.some((p) => p.kind === 'person')) return ANSWERS_KIND;
    return here.length ? ANSWERS_KIND / 2 : 0;
  });
}

/** The stem of the verb a "who" question asks about ("drafted" → "draft"), to find in an answer. */
function whoVerbStem(question: string): RegExp | null {
  const verb = WHO_VERB.exec(question)?.[1]?.toLowerCase();
  if (!verb || verb.length < 4) return null;
  return new RegExp(`\\b${verb.slice(0, Math.max(4, verb.length - 2))}`, 'i');
}

/** "Who mediated the truce?": the same verb's passive with its agent, "mediated by Corvania", names the answer. */
function whoAgent(question: string): RegExp | null {
  const stem = whoVerbStem(question)?.source.slice(2); // without its leading word boundary
  if (!stem) return null;
  // Not case-blind: the agent must be a name (a capital letter), the verb may open the sentence.
  const verb = `[${stem[0].toUpperCase()}${stem[0]}]${stem.slice(1)}`;
  return new RegExp(`\\b${verb}\\p{L}*\\s+by\\s+(?:the\\s+)?\\p{Lu}`, 'u');
}

/** "Why was the summit postponed?": the participles a "why" question asks about, to find in an answer. */
function whyVerbs(question: string): RegExp | null {
  const words = (question.match(/\b\p{L}{3,}ed\b/giu) ?? []).map((w) => w.toLowerCase().slice(0, -2));
  return words.length ? new RegExp(`\\b(?:${words.join('|')})`, 'i') : null;
}

/** Tiers that only read the sentence: a date for "when", a cause or the asked verb for "why", the verb for "who". */
function textTiers(hits: SearchHit[], question: string): number[] {
  const tests = WHEN.test(question)
    ? [DATE_IN_SENTENCE]
    : WHY.test(question)
      ? [CAUSE, whyVerbs(question)]
      : WHO.test(question)
        ? [whoVerbStem(question), whoAgent(question)]
        : [];
  return hits.map((h) => tests.filter((t) => t?.test(h.ref.sentence)).length * ANSWERS_KIND);
}

/** A document's headline: its title, or the first sentence when the title is that sentence cut short. */
function isHeadline(h: SearchHit): boolean {
  const sentence = fold(h.ref.sentence);
  const title = fold(h.ref.document);
  return sentence === title || (title.length >= 20 && sentence.startsWith(title.replace(/\s*…$/, '').slice(0, 40)));
}

/** How well each hit answers the kind of question asked (where, who, when, why), less for a headline. */
async function kindTiers(store: CorpusReads, hits: SearchHit[], question: string): Promise<number[]> {
  const text = textTiers(hits, question);
  const base = WHERE.test(question)
    ? await placeTiers(store, hits)
    : WHO.test(question)
      ? await personTiers(store, hits, question)
      : hits.map(() => 0);
  return base.map((t, i) => t + text[i] + (isHeadline(hits[i]) ? HEADLINE : 0));
}

const hitKey = (h: SearchHit) => `${h.ref.documentId}:${h.ref.sentenceIndex}`;

/** Hits of a further search that the first did not find, each marked with a tier bonus. */
function addNew(hits: SearchHit[], more: SearchHit[], bonus: Map<string, number>, add: number): SearchHit[] {
  const seen = new Set(hits.map(hitKey));
  for (const h of more) bonus.set(hitKey(h), (bonus.get(hitKey(h)) ?? 0) + add);
  return [...hits, ...more.filter((h) => !seen.has(hitKey(h)))];
}

/**
 * Ranks hits for the kind of question: for "where", meetings under other names too; sentences stating the day the
 * question names; then those that answer its kind (a place, a person, a date) before those that only share words.
 */
async function rankForQuestion(
  store: CorpusReads,
  question: string,
  hits: SearchHit[],
  terms: string[],
  boost: number[],
): Promise<{ hit: SearchHit; tier: number }[]> {
  const bonus = new Map<string, number>();
  if (WHERE.test(question) && terms.some(isMeetingWord)) {
    const wider = await store.search(ftsQuery([...terms, ...MEETING_WORDS].join(' ')) as string, WHERE_POOL, boost);
    hits = addNew(hits, wider, bonus, 0);
  }
  const day = dayQuery(question);
  if (day) hits = addNew(hits, await store.search(day, WHERE_POOL, boost), bonus, SAME_DAY);
  // "Who brokered the deal?": the answer may say only "it was brokered by …", none of the question's other words.
  const verb = WHO.test(question) ? WHO_VERB.exec(question)?.[1] : undefined;
  if (verb && verb.length >= 4 && !QUESTION_VERBS.test(verb)) {
    const passive = await store.search(ftsQuery(verb) as string, WHERE_POOL, boost);
    hits = addNew(
      hits,
      passive.filter((h) => whoAgent(question)?.test(h.ref.sentence)),
      bonus,
      0,
    );
  }
  const tiers = await kindTiers(store, hits, question);
  return hits
    .map((hit, i) => ({ hit, tier: tiers[i] + (bonus.get(hitKey(hit)) ?? 0) }))
    .sort((a, b) => b.tier - a.tier || b.hit.score - a.hit.score);
}

export async function ask(store: CorpusReads, question: string): Promise<Answer> {
  const terms = questionTerms(question);
  if (!terms.length)
    return notice('Ask a question', `Ask with a few words about the story, e.g. ${await exampleQuestion(store)}`);
  const boost = await namedEntities(store, question);
  const pool = WHERE_POOL;
  // Sentences with every word first (cheap and precise); any word when none has them all, or when the question asks
  // who, when, why or where: the answer's sentence often lacks the words that frame the question.
  const kind = [WHO, WHEN, WHY, WHERE].some((r) => r.test(question));
  let hits = kind ? [] : await store.search(ftsQuery(question, 'AND') as string, pool, boost);
  if (!hits.length) {
    const any = await withoutCommonTerms(store, terms);
    if (any) hits = await store.search(any, pool, boost);
  }
  const ranked = await rankForQuestion(store, question, hits, terms, boost);
  if (!ranked.length)
    return notice(
      'Nothing found',
      'No sentence in the documents matches that. Try other words, or /brief for the story so far.',
      false,
    );
  const [first] = ranked;
  const kept = ranked
    // sentences that answer the kind of question asked are all shown (up to SHOWN); others only near the best
    .filter((r, i) => i === 0 || (r.tier === first.tier && (r.tier > 0 || r.hit.score >= first.hit.score * NEAR_BEST)))
    .slice(0, SHOWN);
  const cites = new CitationList();
  return {
    title: 'From the documents',
    sections: [
      {
        heading: kept.length === 1 ? 'Best match' : 'Best matches',
        items: kept.map(({ hit }) => ({
          text: clip(oneLine(hit.ref.sentence), SENTENCE_MAX),
          cite: [cites.add(hit.ref)],
        })),
      },
    ],
    citations: cites.list,
  };
}
