import { migrate } from './postgres/migrate.ts';
import { pgFeeds } from './postgres/feeds.ts';
import { isPostgresUrl, openPool } from './postgres/pool.ts';
import { PostgresStore } from './postgres/store.ts';
import { pgSubscriptions } from './postgres/subscriptions.ts';
import { compactLexemeCounts, compactSentenceCounts } from './postgres/text-search.ts';
import { postgresWrite } from './postgres/write.ts';
import { SqliteStore } from './sqlite-store.ts';
import type { Store } from './store.ts';

export type { Store } from './store.ts';

/** Where the store lives: a PostgreSQL URL when one is set, else the embedded SQLite file. */
export interface StoreLocation {
  PARLEY_DATABASE_URL?: string;
  PARLEY_DB: string;
}

/** Opens the configured database (migrated to this parley's schema) as its interfaces, whichever backend. */
export async function openStore(location: StoreLocation): Promise<Store> {
  const url = location.PARLEY_DATABASE_URL;
  return isPostgresUrl(url) ? openPostgresStore(url) : openSqliteStore(location.PARLEY_DB);
}

/** The embedded SQLite file (created if needed); tests and benches open it directly. */
export function openSqliteStore(file: string): SqliteStore {
  return new SqliteStore(file);
}

/** PostgreSQL at `url`: the reads, one transaction per document's write, the subscriptions and the feeds. */
export async function openPostgresStore(url: string): Promise<PostgresStore> {
  const pool = openPool(url);
  try {
    await migrate(pool);
    await compactSentenceCounts(pool);
    await compactLexemeCounts(pool);
  } catch (e) {
    await pool.end();
    throw e;
  }
  return new PostgresStore(pool, {
    subscriptions: pgSubscriptions(pool),
    feeds: pgFeeds(pool),
    writes: (view) => ({
      write: async (work) => postgresWrite(pool, await view.ownCorpusId(), await view.readableCorpusIds(), work),
    }),
  });
}
