import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetDocument } from '../../src/ingest/forget.ts';
import { ingestBytes, ingestPaths } from '../../src/ingest/ingest.ts';
import { guildReader } from '../../src/store/corpus.ts';
import { migrate } from '../../src/store/postgres/migrate.ts';
import { openPool, type Pool } from '../../src/store/postgres/pool.ts';
import { corpusId } from '../../src/store/postgres/write.ts';
import type { Store } from '../../src/store/store.ts';
import { tempStore } from '../helpers.ts';
import { freshDatabase, needsPostgres, TEST_DATABASE_URL } from './pg-database.ts';
import { dumpCorpus, pgIngestStore, pgQuery, sqliteQuery } from './pg-ingest.ts';

const FIXTURES = ['test/fixtures/stories', 'test/fixtures/articles'];
const SLOW = 180_000;

/** The document of the store's own corpus with this key, through the store's writer. */
const ownId = (store: Store, key: string) => store.write((w) => w.ownDocumentByKey(key));

describe.skipIf(!TEST_DATABASE_URL)(`the PostgreSQL writer — ${needsPostgres}`, () => {
  let pool: Pool;
  let url: string;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const db = await freshDatabase();
    ({ url, drop } = db);
    pool = openPool(url);
    await migrate(pool);
  });
  afterAll(async () => {
    await pool?.end();
    await drop?.();
  });

  it(
    'stores the same facts as SQLite from the same documents, replaced and forgotten alike',
    async () => {
      const sqlite = tempStore().store;
      const lite = sqlite.as(guildReader('parity'));
      const id = await corpusId(pool, 'guild:parity');
      const pg = pgIngestStore(pool, id, [id, 1]);
      const liteId = sqlite.db.prepare("SELECT id FROM corpora WHERE name = 'guild:parity'").pluck().get() as number;
      const same = async (what: string) => {
        const want = await dumpCorpus(sqliteQuery(sqlite.db), liteId, 'rowid');
        const got = await dumpCorpus(pgQuery(pool), id, 'seq');
        const differ = Object.keys(want).filter((t) => JSON.stringify(got[t]) !== JSON.stringify(want[t]));
        if (process.env.DEBUG_PARITY)
          for (const t of differ) {
            const w = new Set(want[t].map((r) => JSON.stringify(r)));
            const g = new Set(got[t].map((r) => JSON.stringify(r)));
            console.log(
              what,
              t,
              'only sqlite',
              [...w].filter((r) => !g.has(r)),
              'only pg',
              [...g].filter((r) => !w.has(r)),
            );
          }
        for (const table of Object.keys(want)) expect(got[table], `${what}: ${table}`).toEqual(want[table]);
        return want;
      };

      const outcomes = await Promise.all([ingestPaths(lite, FIXTURES), ingestPaths(pg, FIXTURES)]);
      // What was stored, and which facts were left out (the reasons are each database's own words).
      const summary = (o: (typeof outcomes)[0]) =>
        o.map((x) => [x.key, x.ok && x.result.status, x.ok && x.result.dropped.map((d) => d.split(':')[0])]);
      expect(summary(outcomes[1])).toEqual(summary(outcomes[0]));
      const facts = await same('ingested');
      expect(facts.documents.length).toBeGreaterThan(50);
      expect(facts.event_disputes.length).toBeGreaterThan(0);

      const key = outcomes[0][3].key;
      const edited = Buffer.concat([fs.readFileSync(key), Buffer.from('\nOfficials met again in Geneva on Friday.\n')]);
      const replaced = [await ingestBytes(lite, key, edited), await ingestBytes(pg, key, edited)];
      expect(replaced.map((r) => r.ok && r.result.status)).toEqual(['replaced', 'replaced']);
      await same('replaced');

      for (const k of [outcomes[0][0].key, outcomes[0][12].key]) {
        const [a, b] = [
          await forgetDocument(lite, (await ownId(lite, k))!),
          await forgetDocument(pg, (await ownId(pg, k))!),
        ];
        expect(b && { ...b, id: 0 }).toEqual(a && { ...a, id: 0 });
        expect(Object.values(a!.removed).some((n) => n > 0)).toBe(true);
        await same(`forgot ${k}`);
      }
      await sqlite.close();
    },
    SLOW,
  );
});
