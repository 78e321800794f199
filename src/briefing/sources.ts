import type { CorpusReads } from '../store/store.ts';
import { notice, type Answer } from './answer.ts';
import { plural } from './format.ts';

export async function sources(store: CorpusReads): Promise<Answer> {
  const docs = await store.documents(20);
  if (!docs.length)
    return notice('No documents', 'Nothing has been ingested yet. An admin can add articles with /ingest.', false);
  const total = await store.count('documents');
  return {
    title: 'Sources',
    description: `${plural(total, 'document')} in the store.`,
    sections: [
      {
        heading: 'Documents',
        items: docs.map((d) => ({
          label: d.title,
          text: [
            d.source ?? 'source not given',
            d.publishedAt ? `published ${d.publishedAt}` : 'no publication date',
            plural(d.sentences, 'sentence'),
            d.url,
          ]
            .filter(Boolean)
            .join(' · '),
          cite: [],
        })),
        more: total > docs.length ? { count: total - docs.length, hint: 'the oldest are listed first' } : undefined,
      },
    ],
    citations: [],
  };
}
