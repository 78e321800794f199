import { fold, nameKey } from '../text/names.ts';
import type { SearchHit, Store } from '../store/store.ts';
import { CitationList, notice, type Answer } from './answer.ts';
import { clip } from './format.ts';
import { ftsQuery, questionTerms } from './fts.ts';
import { isMeetingWord, MEETING_WORDS, venueSignal } from './where.ts';

const SHOWN = 3;
/** A "where" question looks at more sentences, to find those that name a place. */
const WHERE_POOL = 24;
const WHERE = /\bwhere(?:abouts)?\b/i;

/** The name keys of every run of one to four words in a text (its first `cap` words). */
function nameGrams(text: string, cap = 60): Set<string> {
  const words = fold(text).split(' ').filter(Boolean).slice(0, cap);
  const grams = new Set<string>();
  for (let n = 1; n <= 4; n++) {
    for (let i = 0; i + n <= words.length; i++) {
      const key = nameKey(words.slice(i, i + n).join(' '));
      if (key.length > 2) grams.add(key);
    }
  }
  return grams;
}

/** Ids of entities whose name or alias appears as whole words in the question. */
async function namedEntities(store: Store, question: string): Promise<number[]> {
  const grams = nameGrams(question, 40);
  if (!grams.size) return [];
  return [...new Set((await store.allNames(null, { keys: [...grams] })).map((n) => n.id))];
}

/**
 * Any-word search over the question's terms that the documents hold, leaving out those found in more than a tenth of
 * all sentences when rarer ones remain: they rank nothing (BM25 gives them almost no weight) and cost the most to
 * score. Counts are of the words as indexed (stemmed), so a word the documents never use is not mistaken for a rare one.
 */
async function withoutCommonTerms(store: Store, terms: string[]): Promise<string | null> {
  const { sentences, counts } = await store.termFrequencies(terms);
  const present = terms.filter((t) => (counts.get(t) ?? 0) > 0);
  const rare = present.filter((t) => (counts.get(t) ?? 0) <= sentences / 10);
  return ftsQuery((rare.length ? rare : present).join(' '));
}

/** How well a sentence answers "where": 2 when it says something happened at a place, 1 when it names one, else 0. */
async function placeTiers(store: Store, hits: SearchHit[]): Promise<number[]> {
  const grams = hits.map((h) => nameGrams(h.ref.sentence));
  const keys = [...new Set(grams.flatMap((g) => [...g]))];
  const places = keys.length ? await store.allNames('place', { keys }) : [];
  return hits.map((h, i) => {
    const named = places.filter((p) => grams[i].has(nameKey(p.alias)));
    return named.some((p) => venueSignal(p.alias, h.ref.sentence)) ? 2 : named.length ? 1 : 0;
  });
}

/** For a "where" question: meetings under other names too, then sentences that place them first, then those naming a place. */
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
    return notice(
      'Ask a question',
      'Ask with a few words about the story, e.g. /ask question:Where were the talks held?',
    );
  const boost = await namedEntities(store, question);
  const where = WHERE.test(question);
  const pool = where ? WHERE_POOL : SHOWN;
  // Sentences with every word first (cheap and precise); any word only when none has them all.
  let hits = await store.search(ftsQuery(question, 'AND') as string, pool, boost);
  if (!hits.length) {
    const any = await withoutCommonTerms(store, terms);
    if (any) hits = await store.search(any, pool, boost);
  }
  const ranked = where ? await forWhere(store, hits, terms, boost) : hits.map((hit) => ({ hit, tier: 0 }));
  if (!ranked.length)
    return notice(
      'Nothing found',
      'No sentence in the documents matches that. Try other words, or /brief for the story so far.',
      false,
    );
  const [first] = ranked;
  const kept = ranked
    .filter((r, i) => i === 0 || (r.tier === first.tier && r.hit.score >= first.hit.score * 0.6))
    .slice(0, SHOWN);
  const cites = new CitationList();
  return {
    title: 'From the documents',
    sections: [
      {
        heading: kept.length === 1 ? 'Best match' : 'Best matches',
        items: kept.map(({ hit }) => ({ text: clip(hit.ref.sentence, 600), cite: [cites.add(hit.ref)] })),
      },
    ],
    citations: cites.list,
  };
}
