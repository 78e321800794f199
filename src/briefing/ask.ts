import { fold, nameKey } from '../ingest/names.ts';
import type { Store } from '../store/store.ts';
import { CitationList, notice, type Answer } from './answer.ts';
import { clip } from './format.ts';
import { ftsQuery, questionTerms } from './fts.ts';

/** Ids of entities whose name or alias appears as whole words in the question. */
async function namedEntities(store: Store, question: string): Promise<number[]> {
  const words = fold(question).split(' ').filter(Boolean).slice(0, 40);
  const grams = new Set<string>();
  for (let n = 1; n <= 4; n++) {
    for (let i = 0; i + n <= words.length; i++) {
      const key = nameKey(words.slice(i, i + n).join(' '));
      if (key.length > 2) grams.add(key);
    }
  }
  if (!grams.size) return [];
  return [...new Set((await store.allNames(null, { keys: [...grams] })).map((n) => n.id))];
}

/**
 * Any-word search over the question's terms, leaving out those found in more than a tenth of all sentences when
 * rarer ones remain: they rank nothing (BM25 gives them almost no weight) and cost the most to score.
 */
async function withoutCommonTerms(store: Store, question: string): Promise<string> {
  const terms = questionTerms(question);
  const { sentences, counts } = await store.termFrequencies(terms);
  const rare = terms.filter((t) => (counts.get(t) ?? 0) <= sentences / 10);
  return ftsQuery((rare.length ? rare : terms).join(' ')) as string;
}

export async function ask(store: Store, question: string): Promise<Answer> {
  const match = ftsQuery(question);
  if (!match) return notice('Ask a question', 'Ask with a few words about the story, e.g. /ask question:Where were the talks held?');
  const boost = await namedEntities(store, question);
  // Sentences with every word first (cheap and precise); any word only when none has them all.
  let hits = await store.search(ftsQuery(question, 'AND') as string, 3, boost);
  if (!hits.length) hits = await store.search(await withoutCommonTerms(store, question), 3, boost);
  if (!hits.length) return notice('Nothing found', 'No sentence in the documents matches that. Try other words, or /brief for the story so far.', false);
  const best = hits[0].score;
  const kept = hits.filter((h, i) => i === 0 || h.score >= best * 0.6);
  const cites = new CitationList();
  return {
    title: 'From the documents',
    sections: [{ heading: kept.length === 1 ? 'Best match' : 'Best matches', items: kept.map((h) => ({ text: clip(h.ref.sentence, 600), cite: [cites.add(h.ref)] })) }],
    citations: cites.list,
  };
}
