import nlp from 'compromise';
import type { Sentence } from '../text/sentences.ts';
import { splitSentences } from '../text/sentences.ts';
import { extractionSchema, type Extraction } from './contract.ts';

export interface ExtractInput {
  id: string;
  title: string;
  source: string | null;
  publishedAt: string | null;
  body: string;
}

/** Extracts people, places, organisations, proposals, quotes and dates from one document. */
export function extract(doc: ExtractInput, sentences: Sentence[] = splitSentences(doc.body)): Extraction {
  const people = new Map<string, number[]>();
  const places = new Map<string, number[]>();
  const orgs = new Map<string, number[]>();
  for (const s of sentences) {
    const d = nlp(s.text);
    const add = (m: Map<string, number[]>, list: string[]) => {
      for (const raw of list) {
        const name = raw.replace(/[’']s$/, '').replace(/[^\p{L}\p{N} .-]/gu, '').trim();
        if (!name) continue;
        const at = m.get(name) ?? [];
        if (!at.includes(s.index)) at.push(s.index);
        m.set(name, at);
      }
    };
    add(people, d.people().out('array'));
    add(places, d.places().out('array'));
    add(orgs, d.organizations().out('array'));
  }
  const result: Extraction = {
    document: { id: doc.id, title: doc.title, source: doc.source, publishedAt: doc.publishedAt },
    people: [...people].map(([name, at]) => ({ name, aliases: [], roles: [], affiliation: null, mentions: at.length, sentences: at, roleSentences: {} })),
    places: [...places].map(([name, at]) => ({ name, aliases: [], kind: 'other' as const, mentions: at.length, sentences: at })),
    organizations: [...orgs].map(([name, at]) => ({ name, aliases: [], mentions: at.length, sentences: at })),
    proposals: [],
    quotes: [],
    dates: [],
  };
  return extractionSchema.parse(result);
}
