import { inTransaction, type Pool } from './pool.ts';
import { migrations } from './migrations.ts';

export interface Migration {
  /** 1, 2, 3, …: the order they run in, recorded in schema_migrations. */
  version: number;
  name: string;
  sql: string;
}

/** The one lock every migrating process takes, so two processes starting together migrate once. */
const MIGRATION_LOCK = 0x7061726c; // "parl"

/** Runs the migrations not yet recorded, all in one transaction under one lock; the schema version reached. */
export async function migrate(pool: Pool, list: Migration[] = migrations): Promise<number> {
  checkNumbering(list);
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, ' +
        'applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
    const current = rows[0].v ?? 0;
    if (current > list.length) {
      const newer = `the database is at schema version ${current}, newer than this parley (${list.length})`;
      throw new Error(`${newer}; upgrade parley`);
    }
    for (const m of list.slice(current)) {
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
    }
    return list.length;
  });
}

function checkNumbering(list: Migration[]): void {
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} is numbered ${m.version}, expected ${i + 1}`);
  });
}
