import type { DocumentWriter, DocumentWrites } from '../writer.ts';
import { inTransaction, type Pool } from './pool.ts';
import { compactLexemeCounts, compactSentenceCounts } from './text-search.ts';
import { postgresWriter } from './writer.ts';

/** The first half of every corpus write lock's key; the second half is the corpus id. */
const WRITE_LOCK = 0x70617277; // "parw"

/**
 * One document's write in one transaction on one pooled connection. It first takes the corpus's write lock, held
 * until the transaction ends, so writes into one corpus run one at a time across every process; each statement
 * after it sees what the writes before committed (READ COMMITTED), a document already stored among them too.
 */
export async function postgresWrite<T>(
  pool: Pool,
  corpusId: number,
  readable: number[],
  work: (w: DocumentWriter) => Promise<T>,
): Promise<T> {
  const result = await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [WRITE_LOCK, corpusId]);
    const done = await work(postgresWriter(client, corpusId, readable));
    // Whatever the write changed, the corpus's remembered figures are read again (see PostgresStore.remembered).
    await client.query(
      `INSERT INTO corpus_changes (corpus_id, token) VALUES ($1, gen_random_uuid())
       ON CONFLICT (corpus_id) DO UPDATE SET token = excluded.token`,
      [corpusId],
    );
    return done;
  });
  const made = (writesSinceCompaction.get(pool) ?? 0) + 1;
  writesSinceCompaction.set(pool, made % COMPACT_EVERY);
  if (made >= COMPACT_EVERY) {
    await compactLexemeCounts(pool);
    await compactSentenceCounts(pool);
  }
  return result;
}

/** Document writes of one pool between two foldings of the rows appended to the term statistics and totals. */
const COMPACT_EVERY = 64;
const writesSinceCompaction = new WeakMap<Pool, number>();

/** The writes into one corpus, reading `readable` (its own and the shared one) for documents already stored. */
export function postgresWrites(pool: Pool, corpusId: number, readable: number[]): DocumentWrites {
  return { write: (work) => postgresWrite(pool, corpusId, readable, work) };
}

const corpusIds = new WeakMap<Pool, Map<string, number>>();

/** A corpus's id, the corpus created on first use (ids never change and corpora are never removed). */
export async function corpusId(pool: Pool, name: string): Promise<number> {
  let known = corpusIds.get(pool);
  if (!known) corpusIds.set(pool, (known = new Map()));
  const cached = known.get(name);
  if (cached !== undefined) return cached;
  await pool.query('INSERT INTO corpora (name) VALUES ($1) ON CONFLICT (name) DO NOTHING', [name]);
  const { rows } = await pool.query<{ id: number }>('SELECT id FROM corpora WHERE name = $1', [name]);
  known.set(name, rows[0].id);
  return rows[0].id;
}
