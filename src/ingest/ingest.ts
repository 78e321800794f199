import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DocumentError, documentId, parseDocument, sizeProblem, type SourceDocument } from '../documents/document.ts';
import { listDocumentFiles } from '../documents/files.ts';
import type { IngestProbe, IngestResult, IngestStore } from '../store/store.ts';
import { splitSentences } from '../text/sentences.ts';
import { writeDocument } from './write-document.ts';

export type IngestOutcome =
  { key: string; ok: true; result: IngestResult } | { key: string; ok: false; reason: string; skipped?: true };

/** Extracts and stores one parsed document as a single transaction. */
export async function ingestDocument(
  store: IngestStore,
  doc: SourceDocument,
  probe?: IngestProbe,
): Promise<IngestResult> {
  // Known content is not extracted again: a restart over a large documents folder stays fast.
  const same = await store.documentWithHash(doc.contentHash);
  if (same)
    return {
      status: 'unchanged',
      documentId: same.id,
      sameAs: same.key,
      added: { people: [], places: [], organizations: [], proposals: [] },
      conflicts: 0,
      dropped: [],
    };
  // The extractor (and its language model) loads only when a new document arrives: restarts stay fast.
  const { extract } = await import('../extract/index.ts');
  const sentences = splitSentences(doc.body);
  const extraction = extract(
    { id: documentId(doc.key), title: doc.title, source: doc.source, publishedAt: doc.publishedAt, body: doc.body },
    sentences,
  );
  return writeDocument(store, doc, sentences, extraction, probe);
}

/** Validates and ingests raw bytes (a file or an attachment); a bad document is reported, never thrown. */
export async function ingestBytes(
  store: IngestStore,
  key: string,
  bytes: Buffer,
  opts: { title?: string } = {},
): Promise<IngestOutcome> {
  try {
    return { key, ok: true, result: await ingestDocument(store, parseDocument(key, bytes, opts)) };
  } catch (e) {
    return { key, ok: false, reason: e instanceof DocumentError ? e.reason : (e as Error).message };
  }
}

/** Discord's name for a long message pasted as a file: it says nothing about the article. */
const GENERIC_NAMES = new Set(['message', 'untitled', 'paste']);

/**
 * An attachment is known by its content, never by its file name: two different "article.txt" are two documents,
 * and the same text attached twice is one. Its file name becomes its title when the text gives none.
 */
export async function ingestAttachment(store: IngestStore, fileName: string, bytes: Buffer): Promise<IngestOutcome> {
  const ext = path.extname(fileName).toLowerCase();
  const stem = path.basename(fileName, path.extname(fileName)).replace(/[_-]+/g, ' ').trim();
  const key = `attachment/${crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 24)}${ext}`;
  const outcome = await ingestBytes(store, key, bytes, {
    title: stem && !GENERIC_NAMES.has(stem.toLowerCase()) ? stem : undefined,
  });
  return { ...outcome, key: fileName };
}

function documentKey(file: string): string {
  const rel = path.relative(process.cwd(), path.resolve(file));
  return rel.startsWith('..') ? path.resolve(file) : rel.split(path.sep).join('/');
}

/** Ingests files and folders; each file is all-or-nothing and one bad file does not stop the rest. */
export async function ingestPaths(
  store: IngestStore,
  paths: string[],
  onProgress?: (done: number, total: number, outcome: IngestOutcome) => void,
): Promise<IngestOutcome[]> {
  const { files, missing, skipped } = listDocumentFiles(paths);
  const outcomes: IngestOutcome[] = [
    ...missing.map((m): IngestOutcome => ({ key: m, ok: false, reason: 'no such file or folder' })),
    ...skipped.map((s): IngestOutcome => ({ key: documentKey(s.path), ok: false, reason: s.reason, skipped: true })),
  ];
  for (const [i, file] of files.entries()) {
    const key = documentKey(file);
    let outcome: IngestOutcome;
    try {
      const tooLarge = sizeProblem(fs.statSync(file).size);
      outcome = tooLarge ? { key, ok: false, reason: tooLarge } : await ingestBytes(store, key, fs.readFileSync(file));
    } catch (e) {
      outcome = { key, ok: false, reason: (e as Error).message };
    }
    outcomes.push(outcome);
    onProgress?.(i + 1, files.length, outcome);
  }
  return outcomes;
}
