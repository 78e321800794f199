import fs from 'node:fs';
import path from 'node:path';
import { parseDocument, type SourceDocument } from '../../../src/documents/document.ts';
import { ingestDocument } from '../../../src/ingest/ingest.ts';
import {
  consoleReader,
  directMessageReader,
  guildReader,
  sharedReader,
  type Reader,
} from '../../../src/store/corpus.ts';
import { importSqlite, type ImportCounts } from '../../../src/store/postgres/import-sqlite.ts';
import { migrate } from '../../../src/store/postgres/migrate.ts';
import { openPool, type Pool } from '../../../src/store/postgres/pool.ts';
import { PostgresStore } from '../../../src/store/postgres/store.ts';
import type { SqliteStore } from '../../../src/store/sqlite-store.ts';
import type { Store } from '../../../src/store/store.ts';
import { ROOT, tempStore } from '../../helpers.ts';
import { storyDocuments } from '../../stories/corpus.ts';
import { freshDatabase } from '../pg-database.ts';

const ARTICLES = path.join(ROOT, 'test/fixtures/articles');

export function articles(): SourceDocument[] {
  return fs
    .readdirSync(ARTICLES)
    .sort()
    .map((f) => parseDocument(`articles/${f}`, fs.readFileSync(path.join(ARTICLES, f))));
}

/** The readers the contract is checked for: the shared corpus, two servers, the console (empty), a DM. */
export const READERS: [string, Reader][] = [
  ['shared', sharedReader],
  ['guild 1', guildReader('1')],
  ['guild 2', guildReader('2')],
  ['console', consoleReader],
  ['direct message', directMessageReader],
];

/**
 * The fixture corpus with the real ingest: the articles and one story shared, a second story in server 1 (with two
 * of the shared articles again, its own copies), a third in server 2.
 */
export async function ingestFixtures(store: SqliteStore): Promise<void> {
  const [first, second, third] = ['andean-imf', 'arctic-fisheries', 'coalition-talks'];
  const shared = [...articles(), ...storyDocuments(first)];
  const plan: [Reader, SourceDocument[]][] = [
    [sharedReader, shared],
    [guildReader('1'), [...storyDocuments(second), ...shared.slice(0, 2)]],
    [guildReader('2'), storyDocuments(third)],
  ];
  for (const [reader, docs] of plan) for (const d of docs) await ingestDocument(store.as(reader), d);
}

/**
 * Quotes whose speaker was left as typed ("the Commission"), one per corpus: found by speakerIds through the entity's
 * aliases. Ingest rarely leaves one, so they are written here.
 */
function unresolvedQuotes(store: SqliteStore): void {
  store.db
    .prepare(
      `INSERT INTO quotes (sentence_id, speaker_id, speaker_name, text)
       SELECT (SELECT min(sentence_id) FROM mentions m WHERE m.entity_id = e.id), NULL, 'the ' || e.name,
              'We have nothing to add.'
       FROM entities e WHERE e.id IN (SELECT max(id) FROM entities WHERE kind = 'organization' GROUP BY corpus_id)`,
    )
    .run();
}

export interface Backends {
  sqlite: SqliteStore;
  postgres: PostgresStore;
  pool: Pool;
  imported: ImportCounts;
  close(): Promise<void>;
}

/** The fixture corpus in SQLite, and the same imported into a fresh PostgreSQL database. */
export async function bothBackends(): Promise<Backends> {
  const { store: sqlite } = tempStore();
  await ingestFixtures(sqlite);
  for (const [, r] of READERS) sqlite.as(r);
  unresolvedQuotes(sqlite);
  const db = await freshDatabase();
  const pool = openPool(db.url);
  await migrate(pool);
  const imported = await importSqlite(sqlite.db, pool);
  const postgres = new PostgresStore(pool);
  return {
    sqlite,
    postgres,
    pool,
    imported,
    close: async () => {
      await postgres.close();
      await sqlite.close();
      await db.drop();
    },
  };
}

export type { Store };
