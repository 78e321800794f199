import type { SourceDocument } from '../documents/document.ts';
import type { Extraction } from '../extract/contract.ts';
import type { Sentence } from '../text/sentences.ts';

export type EntityKind = 'person' | 'place' | 'organization';

export interface IngestResult {
  status: 'new' | 'replaced' | 'unchanged';
  documentId: number;
  /** When unchanged: the key of the document that already holds this content. */
  sameAs?: string;
  /** Entities and proposals that this document brought into the store for the first time. */
  added: { people: string[]; places: string[]; organizations: string[]; proposals: string[] };
  conflicts: number;
}

export interface StoreStats {
  documents: number;
  sentences: number;
  people: number;
  places: number;
  organizations: number;
  proposals: number;
  quotes: number;
  dates: number;
  conflicts: number;
}

export interface DocumentRow {
  id: number;
  key: string;
  title: string;
  source: string | null;
  url: string | null;
  publishedAt: string | null;
  ingestedAt: string;
  sentences: number;
}

export interface DateConflict {
  what: string;
  a: { text: string; iso: string; document: string; sentence: string };
  b: { text: string; iso: string; document: string; sentence: string };
}

/** A test hook: called between the stages of one document's ingest, so a test can fail it midway. */
export type IngestProbe = (stage: 'document' | 'sentences' | 'entities' | 'proposals' | 'quotes' | 'dates') => void;

/**
 * The structured store. Every method returns a Promise so that a networked database can stand behind
 * the same interface; the SQLite implementation is synchronous underneath.
 */
export interface Store {
  ingest(doc: SourceDocument, sentences: Sentence[], extraction: Extraction, probe?: IngestProbe): Promise<IngestResult>;
  stats(): Promise<StoreStats>;
  documents(): Promise<DocumentRow[]>;
  conflicts(): Promise<DateConflict[]>;
  close(): Promise<void>;
}
