import type { Store } from '../store/store.ts';
import { notice, type Answer } from './answer.ts';

export async function sources(store: Store): Promise<Answer> {
  const docs = await store.documents();
  if (!docs.length) return notice('No documents', 'Nothing has been ingested yet. An admin can add articles with /ingest.', false);
  return {
    title: 'Sources',
    description: `${docs.length} document${docs.length === 1 ? '' : 's'} in the store.`,
    sections: [
      {
        heading: 'Documents',
        items: docs.slice(0, 20).map((d) => ({
          label: d.title,
          text: [d.source ?? 'source not given', d.publishedAt ? `published ${d.publishedAt}` : 'no publication date', `${d.sentences} sentences`, d.url].filter(Boolean).join(' · '),
          cite: [],
        })),
        more: docs.length > 20 ? { count: docs.length - 20, hint: 'the oldest are listed first' } : undefined,
      },
    ],
    citations: [],
  };
}
