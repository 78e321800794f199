/** The stores a contract suite runs against: SQLite (a real temp file) and PostgreSQL (a fresh database). */
import path from 'node:path';
import type { FeedStore } from '../../../src/store/feeds.ts';
import { pgFeeds } from '../../../src/store/postgres/feeds.ts';
import { migrate } from '../../../src/store/postgres/migrate.ts';
import { openPool, type Pool } from '../../../src/store/postgres/pool.ts';
import { pgSubscriptions } from '../../../src/store/postgres/subscriptions.ts';
import { sqliteSubscriptions } from '../../../src/store/sqlite-digest.ts';
import { sqliteFeeds } from '../../../src/store/sqlite-feeds.ts';
import { openDatabase, type Db } from '../../../src/store/sqlite.ts';
import type { SubscriptionStore } from '../../../src/store/store.ts';
import { tempDir } from '../../helpers.ts';
import { freshDatabase, needsPostgres, TEST_DATABASE_URL } from '../pg-database.ts';

/** One empty database: `open` gives another connection to it (as another process would have). */
export interface Database<T> {
  open(): T;
  close(): Promise<void>;
}

export interface Backend<T> {
  label: string;
  skip: boolean;
  /** A new, empty database with the schema. */
  create(): Promise<Database<T>>;
}

function sqlite<T>(make: (db: Db) => T): Backend<T> {
  return {
    label: 'sqlite',
    skip: false,
    async create() {
      const file = path.join(tempDir('parley-contract-'), 'contract.db');
      const handles: Db[] = [];
      return {
        open() {
          const db = openDatabase(file);
          handles.push(db);
          return make(db);
        },
        async close() {
          for (const db of handles) db.close();
        },
      };
    },
  };
}

function postgres<T>(make: (pool: Pool) => T): Backend<T> {
  return {
    label: needsPostgres,
    skip: !TEST_DATABASE_URL,
    async create() {
      const { url, drop } = await freshDatabase();
      const pools: Pool[] = [openPool(url, 4)];
      await migrate(pools[0]);
      let first = true;
      return {
        open() {
          if (!first) pools.push(openPool(url, 4));
          first = false;
          return make(pools[pools.length - 1]);
        },
        async close() {
          await Promise.all(pools.map((p) => p.end()));
          await drop();
        },
      };
    },
  };
}

export const subscriptionBackends: Backend<SubscriptionStore>[] = [
  sqlite(sqliteSubscriptions),
  postgres(pgSubscriptions),
];

export const feedBackends: Backend<FeedStore>[] = [sqlite(sqliteFeeds), postgres(pgFeeds)];
