import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ftsQuery } from '../../../src/briefing/fts.ts';
import { parseDocument } from '../../../src/documents/document.ts';
import { ingestDocument } from '../../../src/ingest/ingest.ts';
import { directMessageReader, guildReader, sharedReader, type Reader } from '../../../src/store/corpus.ts';
import { importSqlite } from '../../../src/store/postgres/import-sqlite.ts';
import { migrate } from '../../../src/store/postgres/migrate.ts';
import { openPool } from '../../../src/store/postgres/pool.ts';
import { PostgresStore } from '../../../src/store/postgres/store.ts';
import type { SqliteStore } from '../../../src/store/sqlite-store.ts';
import type { Store } from '../../../src/store/store.ts';
import { tempStore } from '../../helpers.ts';
import { freshDatabase, needsPostgres, TEST_DATABASE_URL } from '../pg-database.ts';

const doc = (key: string, title: string, body: string) =>
  parseDocument(key, Buffer.from(`---\ntitle: ${title}\npublished: 2026-05-0${key.length % 9}\n---\n${body}\n`));

const SHARED_DOC = doc(
  'shared-talks.md',
  'Harbour talks resume',
  'Foreign Minister Anna Keller said on Monday that the harbour talks in Vienna would resume at the Élysée. ' +
    '"We are close to negotiating a settlement," Keller told reporters.',
);
const GUILD_ONE_DOC = doc(
  'one-quota.md',
  'Quota dispute widens',
  'Fisheries Minister Jonas Berg said the quota negotiations in Bergen had stalled. ' +
    '"Nobody is negotiating," Berg said.',
);
const GUILD_TWO_DOC = doc(
  'two-budget.md',
  'Budget vote delayed',
  'Finance Minister Clara Vos said the budget vote in Utrecht was delayed to June 10. "We need more time," Vos ' +
    'told reporters.',
);

/** The small corpus: one shared document, one in each of two servers. */
async function ingestSmall(store: SqliteStore): Promise<void> {
  await ingestDocument(store.as(sharedReader), SHARED_DOC);
  await ingestDocument(store.as(guildReader('1')), GUILD_ONE_DOC);
  await ingestDocument(store.as(guildReader('2')), GUILD_TWO_DOC);
}

interface Backend {
  store: Store;
  close(): Promise<void>;
}

const FACTORIES: [string, boolean, () => Promise<Backend>][] = [
  [
    'SQLite',
    true,
    async () => {
      const { store } = tempStore();
      await ingestSmall(store);
      return { store, close: () => store.close() };
    },
  ],
  [
    `PostgreSQL — ${needsPostgres}`,
    !!TEST_DATABASE_URL,
    async () => {
      const { store: sqlite } = tempStore();
      await ingestSmall(sqlite);
      const db = await freshDatabase();
      const pool = openPool(db.url);
      await migrate(pool);
      await importSqlite(sqlite.db, pool);
      await sqlite.close();
      const store = new PostgresStore(pool);
      return { store, close: async () => (await store.close(), await db.drop()) };
    },
  ],
];

const titles = async (s: Store) => (await s.documents()).map((d) => d.title).sort();

describe.each(FACTORIES)('store reads on %s', (_, available, open) => {
  let backend: Backend;
  const as = (r: Reader) => backend.store.as(r);
  beforeAll(async () => {
    if (available) backend = await open();
  }, 120_000);
  afterAll(async () => {
    await backend?.close();
  });

  it.skipIf(!available)('a server reads its own corpus and the shared one, never another server’s', async () => {
    expect(await titles(as(guildReader('1')))).toEqual(['Harbour talks resume', 'Quota dispute widens']);
    expect(await titles(as(guildReader('2')))).toEqual(['Budget vote delayed', 'Harbour talks resume']);
    expect(await titles(as(directMessageReader))).toEqual(['Harbour talks resume']);
    const hits = await as(guildReader('2')).search(ftsQuery('minister said') as string, 10, []);
    expect(new Set(hits.map((h) => h.ref.document))).toEqual(new Set(['Budget vote delayed', 'Harbour talks resume']));
    const speakers = async (r: Reader) => (await as(r).listQuotes({ limit: 10 })).rows.map((q) => q.speaker).sort();
    expect(await speakers(guildReader('1'))).toEqual(['Anna Keller']);
    expect(await speakers(guildReader('2'))).toEqual(['Anna Keller', 'Clara Vos']);
    expect(await as(guildReader('2')).findEntities('person', 'Berg', 5)).toEqual([]);
  });

  it.skipIf(!available)('own documents are the reader’s own corpus only; a direct message has none', async () => {
    expect((await as(guildReader('1')).ownDocuments('', 10)).map((d) => d.title)).toEqual(['Quota dispute widens']);
    expect((await as(guildReader('1')).ownDocuments('QUOTA', 10)).map((d) => d.key)).toEqual(['one-quota.md']);
    expect(await as(guildReader('1')).ownDocuments('harbour', 10)).toEqual([]);
    expect(await as(guildReader('1')).ownDocuments('%', 10)).toEqual([]);
    expect(await as(directMessageReader).ownDocuments('', 10)).toEqual([]);
  });

  it.skipIf(!available)('a document’s content is found by hash in the corpora the reader reads', async () => {
    const [shared] = await as(sharedReader).documents();
    const hash = SHARED_DOC.contentHash;
    expect(await as(guildReader('2')).documentWithHash(hash)).toEqual({ id: shared.id, key: shared.key });
    expect(await as(guildReader('2')).documentWithHash(GUILD_ONE_DOC.contentHash)).toBeNull();
  });

  it.skipIf(!available)('a reader seen for the first time reads an empty corpus beside the shared one', async () => {
    const fresh = as(guildReader('77'));
    expect(fresh).toBe(as(guildReader('77')));
    expect((await fresh.stats()).documents).toBe(1);
    expect(await fresh.as({ own: 'guild:77', corpora: ['guild:77'] }).stats()).toMatchObject({ documents: 0 });
    expect(await fresh.as({ own: 'guild:77', corpora: ['guild:77'] }).latestDocumentId()).toBe(0);
  });

  it.skipIf(!available)(
    'searches words as indexed: stemmed, case and accents aside, typed syntax kept literal',
    async () => {
      const s = as(guildReader('1'));
      // Word statistics are the index's, over every corpus (as SQLite's fts5vocab): they only weigh words.
      const { counts } = await s.termFrequencies(['Negotiations', 'NEGOTIATING', 'harbour', 'absent', 'elysee']);
      expect(Object.fromEntries(counts)).toEqual({ Negotiations: 3, NEGOTIATING: 3, harbour: 1, absent: 0, elysee: 1 });
      const accented = await s.search(ftsQuery('ELYSEE') as string, 5, []);
      expect(accented.map((h) => h.ref.sentence)).toEqual([expect.stringContaining('Élysée')]);
      const found = await s.search(ftsQuery('NEGOTIATIONS') as string, 5, []);
      expect(found.map((h) => h.ref.document).sort()).toEqual([
        'Harbour talks resume',
        'Quota dispute widens',
        'Quota dispute widens',
      ]);
      // What someone typed is words to find, whatever FTS5 or tsquery syntax it holds.
      for (const typed of [
        'talks" OR "x',
        'NEAR(talks vienna)',
        "talks:* & !vienna | 'harbour'",
        '"talks" AND "resume"',
      ]) {
        const hits = await s.search(ftsQuery(typed) as string, 5, []);
        expect(hits.length, typed).toBeGreaterThan(0);
        for (const h of hits) expect(h.ref.sentence, typed).toMatch(/talks|vienna|harbour|resume/i);
      }
      const boosted = await s.search(ftsQuery('minister said') as string, 5, [
        (await s.findEntities('person', 'Jonas Berg', 1))[0].id,
      ]);
      expect(boosted[0].ref.document).toBe('Quota dispute widens');
      expect(boosted[0].score).toBeGreaterThan(boosted[1].score);
    },
  );
});
