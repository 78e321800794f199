import type Database from 'better-sqlite3';
import { migrations as sqliteMigrations } from '../migrations.ts';
import { inTransaction, type Client, type Pool } from './pool.ts';
import { compactLexemeCounts, compactSentenceCounts } from './text-search.ts';

/** The documents' tables, parents before children, so every reference is in place when its row arrives. */
const DOCUMENT_TABLES = [
  'corpora',
  'documents',
  'sentences',
  'entities',
  'aliases',
  'roles',
  'mentions',
  'proposals',
  'proposal_aliases',
  'proposal_reports',
  'proposal_evidence',
  'quotes',
  'dates',
  'events',
  'event_participants',
  'event_sources',
  'event_disputes',
];
/** Tables copied only where the PostgreSQL schema has them (they come with the subscriptions and feeds parts). */
const OPTIONAL_TABLES = ['subscriptions', 'digest_slots', 'feeds', 'feed_items'];
/** Rows sent per INSERT: big enough to be quick, small enough for a document body or two per row. */
const BATCH = 1000;

export interface ImportCounts {
  /** Rows copied, by table. */
  rows: Record<string, number>;
  /** Tables the SQLite database has rows in that this PostgreSQL schema has no table for: not copied. */
  skipped: string[];
}

interface PgColumn {
  name: string;
  type: string;
}

/** The columns a row may be given (generated ones are computed), with their types. */
async function pgColumns(client: Client, table: string): Promise<PgColumn[]> {
  const { rows } = await client.query<PgColumn>(
    `SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute
     WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`,
    [table],
  );
  return rows;
}

async function refuseNonEmpty(client: Client, tables: string[]): Promise<void> {
  for (const t of tables.filter((name) => name !== 'corpora')) {
    const { rows } = await client.query(`SELECT 1 FROM ${t} LIMIT 1`);
    if (rows.length)
      throw new Error(`the PostgreSQL database is not empty (table ${t} has rows): import into a new database`);
  }
}

const asText = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** Copies one table in batches: each column sent as a text array, cast to the column's type in SQL. */
async function copyTable(db: Database.Database, client: Client, table: string): Promise<number> {
  const sqliteCols = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).filter(
    (c) => c !== 'rowid',
  );
  const pg = new Map((await pgColumns(client, table)).map((c) => [c.name, c.type]));
  const missing = sqliteCols.filter((c) => !pg.has(c));
  if (missing.length) throw new Error(`${table}.${missing.join(', ')} of the SQLite database has no PostgreSQL column`);
  const cast = sqliteCols.map((c, i) => `u.c${i}::${pg.get(c)}`).join(', ');
  const sql = `INSERT INTO ${table} (${sqliteCols.map((c) => `"${c}"`).join(', ')})
    SELECT ${cast} FROM unnest(${sqliteCols.map((_, i) => `$${i + 1}::text[]`).join(', ')})
    AS u(${sqliteCols.map((_, i) => `c${i}`).join(', ')})`;
  const cols = sqliteCols.map((c) => `"${c}"`).join(', ');
  // A page at a time by rowid, each read whole before its insert is awaited (better-sqlite3 is synchronous).
  const page = db.prepare(`SELECT rowid, ${cols} FROM ${table} WHERE rowid > ? ORDER BY rowid LIMIT ${BATCH}`).raw();
  let count = 0;
  for (let after = -Infinity; ;) {
    const batch = page.all(after) as unknown[][];
    if (!batch.length) return count;
    after = batch[batch.length - 1][0] as number;
    await client.query(
      sql,
      sqliteCols.map((_, i) => batch.map((r) => asText(r[i + 1]))),
    );
    count += batch.length;
  }
}

/** Moves every identity (and serial) sequence past the largest id its column holds. */
async function resetSequences(client: Client): Promise<void> {
  const { rows } = await client.query<{ t: string; c: string }>(
    `SELECT table_name AS t, column_name AS c FROM information_schema.columns
     WHERE table_schema = current_schema() AND (is_identity = 'YES' OR column_default LIKE 'nextval(%')`,
  );
  for (const { t, c } of rows) {
    await client.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max("${c}") FROM "${t}"), 0) + 1, false)`,
      [t, c],
    );
  }
}

const tableExists = async (client: Client, table: string) =>
  (await client.query('SELECT to_regclass($1) AS t', [table])).rows[0].t !== null;

/**
 * Copies a SQLite parley database (at this parley's schema) into an empty, migrated PostgreSQL database in one
 * transaction, every row with its id, then moves the id sequences past them. Refuses a target that holds anything.
 */
export async function importSqlite(db: Database.Database, pool: Pool): Promise<ImportCounts> {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version !== sqliteMigrations.length)
    throw new Error(
      `the SQLite database is at schema version ${version}, this parley's is ${sqliteMigrations.length}: ` +
        'open it with this parley first (it migrates on opening)',
    );
  const inSqlite = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all());
  return inTransaction(pool, async (client) => {
    const optional: string[] = [];
    const skipped: string[] = [];
    for (const t of OPTIONAL_TABLES.filter((name) => inSqlite.has(name))) {
      if (await tableExists(client, t)) optional.push(t);
      else if (db.prepare(`SELECT 1 FROM ${t} LIMIT 1`).get()) skipped.push(t);
    }
    const tables = [...DOCUMENT_TABLES, ...optional];
    await refuseNonEmpty(client, tables);
    // Corpora a read created in passing (a name, no rows) give way to the SQLite database's, ids and all.
    await client.query('DELETE FROM corpora');
    const counts: Record<string, number> = {};
    for (const t of tables) counts[t] = await copyTable(db, client, t);
    await resetSequences(client);
    await compactSentenceCounts(client);
    await compactLexemeCounts(client);
    return { rows: counts, skipped };
  });
}
