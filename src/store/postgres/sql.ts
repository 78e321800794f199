import type { Pool } from './pool.ts';

/** What the reads run on: the pool, or one client of it inside a transaction. */
export type Queryable = Pick<Pool, 'query'>;

export async function rows<T>(db: Queryable, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await db.query(sql, params)).rows as T[];
}

export async function row<T>(db: Queryable, sql: string, params: unknown[] = []): Promise<T | undefined> {
  return (await rows<T>(db, sql, params))[0];
}

/** The first column of the first row (a count, a max). */
export async function value<T>(db: Queryable, sql: string, params: unknown[] = []): Promise<T> {
  const r = await row<Record<string, T>>(db, sql, params);
  return (r ? Object.values(r)[0] : undefined) as T;
}

/**
 * The corpora a read may see, as SQL: "IN (1,4)". Built from integer corpus ids only, so it is safe to put in a
 * statement (the same form as the SQLite store's).
 */
export type CorpusIn = string & { readonly pgCorpusIn: unique symbol };

export function corpusIn(ids: readonly number[]): CorpusIn {
  if (!ids.length || !ids.every(Number.isInteger)) throw new Error(`bad corpus ids: ${ids.join(',')}`);
  return `IN (${ids.join(',')})` as CorpusIn;
}

/** A sentence as a citation; `s` is the sentence, `d` its document. */
export const REF = `s.document_id AS "documentId", d.title AS document, d.url AS url,
  s.idx AS "sentenceIndex", s.text AS sentence`;
export const REF_JOIN = 'JOIN documents d ON d.id = s.document_id';

export { likeEscape, toRef, type RefRow } from '../read-bounds.ts';

/** Texts are ordered as SQLite orders them, by code point, whatever the database's collation. */
export const C = 'COLLATE "C"';

/** SQLite's NOCASE and lower(): ASCII letters only. */
export const asciiLower = (sql: string) =>
  `translate(${sql}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')`;
export const asciiLowerJs = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

export const DOCUMENT_ROW = `d.id, d.key, d.title, d.source, d.url, d.published_at AS "publishedAt",
  d.ingested_at AS "ingestedAt", (SELECT count(*) FROM sentences s WHERE s.document_id = d.id) AS sentences`;
