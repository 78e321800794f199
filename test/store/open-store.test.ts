import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { guildReader } from '../../src/store/corpus.ts';
import { openStore } from '../../src/store/index.ts';
import { PostgresStore } from '../../src/store/postgres/store.ts';
import { SqliteStore } from '../../src/store/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';
import { SEED, tempDir, testApp } from '../helpers.ts';
import { freshDatabase, needsPostgres, TEST_DATABASE_URL } from './pg-database.ts';

/** What the app does with whichever store openStore gives: ingest, answer, keep a feed and a subscription. */
async function usedAsTheAppUsesIt(store: Store) {
  const [outcome] = await ingestPaths(store, [SEED]);
  expect(outcome.ok).toBe(true);
  const { briefing } = await testApp(store);
  expect((await briefing.who('Rubio')).title).toBe('Marco Rubio');
  expect(await store.as(guildReader('7')).count('documents')).toBe(1);
  const feed = await store
    .feedStore()
    .addFeed({ guildId: '7', url: 'http://127.0.0.1/f.xml', title: null, addedBy: null }, new Date());
  expect(feed?.url).toBe('http://127.0.0.1/f.xml');
  const sub = await store.subscribe(
    { guildId: '7', channelId: '70', schedule: '0 8 * * *', timezone: 'UTC', postWhenEmpty: false, createdBy: null },
    new Date(),
  );
  expect(await store.claimSlot(sub.id, '2026-12-04T08:00', new Date())).toBe(true);
  expect(await store.claimSlot(sub.id, '2026-12-04T08:00', new Date())).toBe(false);
}

describe('openStore', () => {
  it('opens the SQLite file when no database URL is set', async () => {
    const store = await openStore({ PARLEY_DB: path.join(tempDir(), 'p.db') });
    expect(store).toBeInstanceOf(SqliteStore);
    await usedAsTheAppUsesIt(store);
    await store.close();
  });
});

describe.skipIf(!TEST_DATABASE_URL)(`openStore with PARLEY_DATABASE_URL — ${needsPostgres}`, () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    db = await freshDatabase();
  });
  afterAll(async () => db?.drop());

  it('opens PostgreSQL, migrated, with its writer, subscriptions and feeds', async () => {
    const store = await openStore({ PARLEY_DATABASE_URL: db.url, PARLEY_DB: '/nonexistent/never-opened.db' });
    expect(store).toBeInstanceOf(PostgresStore);
    await usedAsTheAppUsesIt(store);
    await store.close();
    // Opened again, the schema is there and so is what was written.
    const again = await openStore({ PARLEY_DATABASE_URL: db.url, PARLEY_DB: '' });
    expect(await again.count('documents')).toBe(1);
    await again.close();
  });
});
