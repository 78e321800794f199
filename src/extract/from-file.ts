import fs from 'node:fs';
import { documentId, parseDocument } from '../documents/document.ts';
import { splitSentences } from '../text/sentences.ts';
import { extract } from './index.ts';
import type { Extraction } from './contract.ts';

/** Reads, validates and extracts one document file: what `cli extract FILE` prints. */
export function extractFile(file: string): Extraction {
  const doc = parseDocument(file, fs.readFileSync(file));
  return extract(
    { id: documentId(doc.key), title: doc.title, source: doc.source, publishedAt: doc.publishedAt, body: doc.body },
    splitSentences(doc.body),
  );
}
