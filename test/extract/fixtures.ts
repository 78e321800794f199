import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { documentId, parseDocument } from '../../src/documents/document.ts';
import { extract } from '../../src/extract/index.ts';
import type { Extraction } from '../../src/extract/contract.ts';
import { scoreDocument, type DocReport, type Gold, type Totals } from './scorer.ts';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');
export const ARTICLES = path.join(FIXTURES, 'articles');

/** Extracts one fixture article the way `cli extract` does. */
export function extractArticle(file: string): Extraction {
  const doc = parseDocument(file, fs.readFileSync(file));
  return extract({
    id: documentId(file),
    title: doc.title,
    source: doc.source,
    publishedAt: doc.publishedAt,
    body: doc.body,
  });
}

/**
 * Extracts a few sentences of a test as a document's second paragraph: a neutral first line stands where a document's
 * lead or headline would, so the sentences are read as body text.
 */
export function extractAfterLead(body: string): Extraction {
  return extract({ id: 't', title: 't', source: null, publishedAt: null, body: `It was a busy week.\n\n${body}` });
}

/** Scores every fixture article that has an expectation file. */
export function scoreFixtures(): { totals: Totals; reports: Array<{ name: string; report: DocReport }> } {
  const totals: Totals = {};
  const reports: Array<{ name: string; report: DocReport }> = [];
  for (const f of fs.readdirSync(ARTICLES).sort()) {
    const base = f.replace(/\.[^.]+$/, '');
    const goldFile = path.join(FIXTURES, 'expected', `${base}.json`);
    if (!fs.existsSync(goldFile)) continue;
    const gold = JSON.parse(fs.readFileSync(goldFile, 'utf8')) as Gold;
    reports.push({ name: base, report: scoreDocument(extractArticle(path.join(ARTICLES, f)), gold, totals) });
  }
  return { totals, reports };
}
