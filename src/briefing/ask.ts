import { fold, nameKey } from '../text/names.ts';
import type { SearchHit, Store } from '../store/store.ts';
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
async function namedEntities(store: Store, question: string): Promise<number[]> {
  const grams = nameGrams(question, QUESTION_WORDS);
  if (!grams.size) return [];
  return [...new Set((await store.allNames(null, { keys: [...grams] })).map((n) => n.id))];
}

/**
 * Any-word search over the question's terms that the documents hold, leaving out common ones (COMMON_SHARE) when
 * rarer ones remain: they rank nothing and cost the most to score. Counts are of the words as indexed (stemmed), so a
 * word the documents never use is not mistaken for a rare one.
 */
async function withoutCommonTerms(store: Store, terms: string[]): Promise<string | null> {
  const { sentences, counts } = await store.termFrequencies(terms);
  const present = terms.filter((t) => (counts.get(t) ?? 0) > 0);
  const rare = present.filter((t) => (counts.get(t) ?? 0) <= sentences * COMMON_SHARE);
  return ftsQuery((rare.length ? rare : present).join(' '));
}

/** How well a sentence answers "where": 2 when it says something happened at a place, 1 when it names one, else 0. */
async function placeTiers(store: Store, hits: SearchHit[]): Promise<number[]> {
  const grams = hits.map((h) => nameGrams(h.ref.sentence));
  const keys = [...new Set(grams.flatMap((g) => [...g]))];
  const places = keys.length ? await store.allNames('place', { keys }) : [];
  return hits.map((h, i) => {
    const named = places.filter((p) => grams[i].has(nameKey(p.alias)));
    if (named.some((p) => venueSignal(p.alias, h.ref.sentence))) return TIER.venue;
    return named.length ? TIER.place : TIER.none;
  });
}

/**
 * For a "where" question: meetings under other names too, then sentences that place them first, then those naming a
 * place.
 */
async function forWhere(
  store: Store,
  hits: SearchHit[],
  terms: string[],
  boost: number[],
): Promise<{ hit: SearchHit; tier: number }[]> {
  if (terms.some(isMeetingWord)) {
    const seen = new Set(hits.map((h) => `${h.ref.documentId}:${h.ref.sentenceIndex}`));
    const wider = await store.search(ftsQuery([...terms, ...MEETING_WORDS].join(' ')) as string, WHERE_POOL, boost);
    hits = [...hits, ...wider.filter((h) => !seen.has(`${h.ref.documentId}:${h.ref.sentenceIndex}`))];
  }
  const tiers = await placeTiers(store, hits);
  return hits.map((hit, i) => ({ hit, tier: tiers[i] })).sort((a, b) => b.tier - a.tier || b.hit.score - a.hit.score);
}

export async function ask(store: Store, question: string): Promise<Answer> {
  const terms = questionTerms(question);
  if (!terms.length)
    return notice('Ask a question', `Ask with a few words about the story, e.g. ${await exampleQuestion(store)}`);
  const boost = await namedEntities(store, question);
  const where = WHERE.test(question);
  const pool = where ? WHERE_POOL : SHOWN;
  // Sentences with every word first (cheap and precise); any word only when none has them all.
  let hits = await store.search(ftsQuery(question, 'AND') as string, pool, boost);
  if (!hits.length) {
    const any = await withoutCommonTerms(store, terms);
    if (any) hits = await store.search(any, pool, boost);
  }
  const ranked = where
    ? await forWhere(store, hits, terms, boost)
    : hits.map((hit) => ({ hit, tier: TIER.none as number }));
  if (!ranked.length)
    return notice(
      'Nothing found',
      'No sentence in the documents matches that. Try other words, or /brief for the story so far.',
      false,
    );
  const [first] = ranked;
  const kept = ranked
    .filter((r, i) => i === 0 || (r.tier === first.tier && r.hit.score >= first.hit.score * NEAR_BEST))
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
