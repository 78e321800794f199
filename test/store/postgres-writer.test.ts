import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/documents/document.ts';
import { listDocumentFiles } from '../../src/documents/files.ts';
import type { Extraction } from '../../src/extract/contract.ts';
import { forgetDocument } from '../../src/ingest/forget.ts';
import { ingestBytes, ingestPaths } from '../../src/ingest/ingest.ts';
import { writeDocument } from '../../src/ingest/write-document.ts';
import { guildReader } from '../../src/store/corpus.ts';
import { migrate } from '../../src/store/postgres/migrate.ts';
import { openPool, type Pool } from '../../src/store/postgres/pool.ts';
import { corpusId, postgresWrite } from '../../src/store/postgres/write.ts';
import type { EntityKind, Store } from '../../src/store/store.ts';
import type { DocumentWriter } from '../../src/store/writer.ts';
import { nameKey, skeletonKey } from '../../src/text/names.ts';
import { splitSentences } from '../../src/text/sentences.ts';
import { ROOT, tempStore } from '../helpers.ts';
import { freshDatabase, needsPostgres, TEST_DATABASE_URL } from './pg-database.ts';
import { dumpCorpus, pgIngestStore, pgQuery, sqliteQuery } from './pg-ingest.ts';

const FIXTURES = ['test/fixtures/stories', 'test/fixtures/articles'];
const SLOW = 180_000;

/** The document of the store's own corpus with this key, through the store's writer. */
const ownId = (store: Store, key: string) => store.write((w) => w.ownDocumentByKey(key));

const doc = (key: string, text: string) => parseDocument(key, Buffer.from(text));

function bareExtraction(id: string, overrides: Partial<Extraction>): Extraction {
  return {
    document: { id, title: id, source: null, publishedAt: null },
    ...{ people: [], places: [], organizations: [], proposals: [], quotes: [], events: [], dates: [] },
    ...overrides,
  };
}

const newEntity = (kind: EntityKind, name: string, documentId: number) => ({
  kind,
  name,
  nameKey: nameKey(name),
  affiliation: null,
  placeKind: null,
  documentId,
});

const statuses = (outcomes: Awaited<ReturnType<typeof ingestPaths>>) =>
  outcomes.map((o) => (o.ok ? o.result.status : `failed: ${o.reason}`));

const run = promisify(execFile);

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

  it('a fact that fails is undone alone, in SQL or in code, nested or not; the transaction goes on', async () => {
    const id = await corpusId(pool, 'guild:savepoints');
    const d = doc('sp/a.txt', 'Anna Keller met Omar Haddad in Vienna. They spoke again on Monday.');
    const made = await postgresWrite(pool, id, [id, 1], async (w) => {
      const documentId = await w.insertDocument(d);
      const [s0, s1] = await w.insertSentences(documentId, splitSentences(d.body));
      const keller = await w.insertEntity(newEntity('person', 'Anna Keller', documentId));
      await w.addMention(keller, s0);
      const twice = w.savepoint(async () => {
        await w.insertEntity(newEntity('person', 'Omar Haddad', documentId));
        await w.insertEntity(newEntity('person', 'Omar Haddad', documentId));
      });
      await expect(twice).rejects.toThrow(/duplicate key/);
      const thrown = w.savepoint(async () => {
        await w.addAliases(keller, [{ alias: 'Keller', key: nameKey('Keller'), skeleton: skeletonKey('Keller') }]);
        throw new Error('not this alias');
      });
      await expect(thrown).rejects.toThrow('not this alias');
      const outer = w.savepoint(async () => {
        await w.savepoint(() => w.addAliases(keller, [{ alias: 'A. Keller', key: 'a keler', skeleton: 'klr' }]));
        throw new Error('not this fact, nor what it held');
      });
      await expect(outer).rejects.toThrow('not this fact');
      const vienna = await w.savepoint(async () => {
        const v = await w.insertEntity(newEntity('place', 'Vienna', documentId));
        await w.addMention(v, s0);
        const inner = w.savepoint(async () => {
          await w.addMention(v, s1);
          throw new Error('not the second sentence');
        });
        await expect(inner).rejects.toThrow('not the second sentence');
        return v;
      });
      await w.recountMentions(documentId);
      return { keller, vienna };
    });
    const { rows } = await pool.query(
      `SELECT e.id, e.name, e.mention_count AS n, (SELECT count(*) FROM aliases a WHERE a.entity_id = e.id) AS aliases
       FROM entities e WHERE corpus_id = $1 ORDER BY id`,
      [id],
    );
    expect(rows).toEqual([
      { id: made.keller, name: 'Anna Keller', n: 1, aliases: 0 },
      { id: made.vienna, name: 'Vienna', n: 1, aliases: 0 },
    ]);
  });

  it('an error in the work undoes the whole document, and the connection is left fit for the next write', async () => {
    const id = await corpusId(pool, 'guild:rollback');
    const d = doc('rb/a.txt', 'Minister Ana Silva spoke in Lisbon. "We are ready," she said.');
    const partial = postgresWrite(pool, id, [id, 1], async (w) => {
      const documentId = await w.insertDocument(d);
      await w.insertSentences(documentId, splitSentences(d.body));
      await w.insertEntity(newEntity('person', 'Ana Silva', documentId));
      throw new Error('the disk is full');
    });
    await expect(partial).rejects.toThrow('the disk is full');
    const inSql = postgresWrite(pool, id, [id, 1], async (w) => {
      await w.insertDocument(d);
      await w.insertDocument(d);
    });
    await expect(inSql).rejects.toThrow(/duplicate key/);
    const count = async (table: string) =>
      (await pool.query(`SELECT count(*) AS n FROM ${table} WHERE corpus_id = $1`, [id])).rows[0].n;
    expect([await count('documents'), await count('entities')]).toEqual([0, 0]);

    // The ingest code's own facts: one points at a sentence the document lacks and is named and left out.
    const x = bareExtraction('rb', {
      places: [{ name: 'Lisbon', aliases: [], kind: 'city', mentions: 1, sentences: [0] }],
      quotes: [{ speaker: 'Ana Silva', text: 'We are ready', sentence: 99 }],
    });
    const r = await writeDocument(pgIngestStore(pool, id, [id, 1]), d, splitSentences(d.body), x);
    expect([r.status, r.dropped.length]).toEqual(['new', 1]);
    expect(r.dropped[0]).toMatch(/^quote in sentence 99: .*sentence 99/);
    expect([await count('documents'), await count('entities')]).toEqual([1, 1]);
  });

  it("a corpus finds its own and the shared corpus's documents by content, never another server's", async () => {
    const [one, two] = [await corpusId(pool, 'guild:one'), await corpusId(pool, 'guild:two')];
    expect(await corpusId(pool, 'guild:one')).toBe(one);
    const store = (c: number) => pgIngestStore(pool, c, c === 1 ? [1] : [c, 1]);
    const status = async (c: number, key: string, text: string) => {
      const o = await ingestBytes(store(c), key, Buffer.from(text));
      return o.ok ? [o.result.status, o.result.sameAs ?? null] : o.reason;
    };
    const talks = 'Anna Keller met Omar Haddad in Vienna on Monday.';
    const speech = 'Minister Jan Novak spoke in Prague on Monday.';
    expect(await status(1, 'shared/talks.txt', talks)).toEqual(['new', null]);
    expect(await status(one, 'attachment/talks.txt', talks)).toEqual(['unchanged', 'shared/talks.txt']);
    expect(await status(one, 'one/speech.txt', speech)).toEqual(['new', null]);
    expect(await status(two, 'two/speech.txt', speech)).toEqual(['new', null]);
    expect(await status(1, 'shared/speech.txt', speech)).toEqual(['new', null]);

    const read = <T>(c: number, work: (w: DocumentWriter) => Promise<T>) =>
      postgresWrite(pool, c, c === 1 ? [1] : [c, 1], work);
    const sharedTalks = (await read(1, (w) => w.ownDocumentByKey('shared/talks.txt')))!;
    const hash = (text: string) => doc('x.txt', text).contentHash;
    const byHash = async (c: number, text: string) => (await read(c, (w) => w.documentWithHash(hash(text))))?.key;
    expect([await byHash(one, talks), await byHash(two, talks), await byHash(1, talks)]).toEqual([
      'shared/talks.txt',
      'shared/talks.txt',
      'shared/talks.txt',
    ]);
    expect([await byHash(one, speech), await byHash(two, speech), await byHash(1, speech)]).toEqual([
      'one/speech.txt',
      'two/speech.txt',
      'shared/speech.txt',
    ]);
    expect(await read(one, (w) => w.ownDocument(sharedTalks))).toBeNull();
    expect(await read(one, (w) => w.ownDocumentByKey('two/speech.txt'))).toBeNull();
    expect(await forgetDocument(store(one), sharedTalks)).toBeNull();

    // Entities are matched within the writer's own corpus only (as SQLite does): each server has its own Prague.
    const prague = async (c: number) =>
      (await read(c, (w) => w.entitiesByKeys('place', [nameKey('Prague')]))).map((e) => e.id);
    const [mine, theirs, sharedOnes] = [await prague(one), await prague(two), await prague(1)];
    expect([mine.length, theirs.length, sharedOnes.length]).toEqual([1, 1, 1]);
    expect(new Set([...mine, ...theirs, ...sharedOnes]).size).toBe(3);
    expect(await read(1, (w) => w.entitiesByKeys('person', [nameKey('Anna Keller')]))).toHaveLength(1);
    expect(await read(one, (w) => w.entitiesByKeys('person', [nameKey('Anna Keller')]))).toEqual([]);
    const { rows } = await pool.query('SELECT corpus_id FROM entities WHERE id = ANY($1)', [mine]);
    expect(rows).toEqual([{ corpus_id: one }]);
  });

  it('a write into a corpus waits for the one holding its lock; a write into another corpus does not', async () => {
    const [a, b] = [await corpusId(pool, 'guild:lock-a'), await corpusId(pool, 'guild:lock-b')];
    const other = openPool(url);
    const order: string[] = [];
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const first = postgresWrite(pool, a, [a], async () => {
      order.push('first starts');
      await gate;
      order.push('first ends');
    });
    while (!order.length) await new Promise((r) => setTimeout(r, 10));
    const second = postgresWrite(other, a, [a], async () => void order.push('second, same corpus'));
    try {
      await postgresWrite(other, b, [b], async () => void order.push('another corpus'));
      await new Promise((r) => setTimeout(r, 200));
      expect(order).toEqual(['first starts', 'another corpus']);
    } finally {
      open();
      await Promise.all([first, second]);
    }
    expect(order).toEqual(['first starts', 'another corpus', 'first ends', 'second, same corpus']);
    await other.end();
  });

  /** What the corpus holds equals what ingesting its documents one by one, in the order they were stored, gives. */
  async function sameAsOneRun(corpus: number, name: string) {
    const { rows } = await pool.query('SELECT key FROM documents WHERE corpus_id = $1 ORDER BY id', [corpus]);
    const replay = await corpusId(pool, name);
    for (const { key } of rows) await ingestBytes(pgIngestStore(pool, replay, [replay, 1]), key, fs.readFileSync(key));
    const [got, want] = [
      await dumpCorpus(pgQuery(pool), corpus, 'seq'),
      await dumpCorpus(pgQuery(pool), replay, 'seq'),
    ];
    for (const table of Object.keys(want)) expect(got[table], table).toEqual(want[table]);
    const dupes = await pool.query(
      `SELECT 'document' AS what, content_hash AS key FROM documents WHERE corpus_id = $1 GROUP BY 2 HAVING count(*) > 1
       UNION ALL SELECT 'document', key FROM documents WHERE corpus_id = $1 GROUP BY 2 HAVING count(*) > 1
       UNION ALL SELECT 'entity', kind || ' ' || name_key FROM entities WHERE corpus_id = $1 GROUP BY 2
         HAVING count(*) > 1
       UNION ALL SELECT 'proposal', name_key FROM proposals WHERE corpus_id = $1 GROUP BY 2 HAVING count(*) > 1`,
      [corpus],
    );
    expect(dupes.rows).toEqual([]);
    return got;
  }

  it(
    'two pools ingesting overlapping folders into one corpus store each document once, as one run would',
    async () => {
      const files = listDocumentFiles(FIXTURES).files;
      const id = await corpusId(pool, 'guild:race');
      const other = openPool(url);
      const [mine, theirs] = [files.slice(0, 40), files.slice(14).reverse()];
      const outcomes = await Promise.all([
        ingestPaths(pgIngestStore(pool, id, [id, 1]), mine),
        ingestPaths(pgIngestStore(other, id, [id, 1]), theirs),
      ]);
      await other.end();
      const all = outcomes.flatMap(statuses);
      expect(all.filter((s) => s === 'new')).toHaveLength(files.length);
      expect(all.filter((s) => s === 'unchanged')).toHaveLength(mine.length + theirs.length - files.length);
      const facts = await sameAsOneRun(id, 'guild:race-replay');
      expect(facts.documents).toHaveLength(files.length);
      expect(facts.entities.length).toBeGreaterThan(100);
    },
    SLOW,
  );

  it(
    'two processes ingesting the same folders (in opposite orders) into one corpus do the same',
    async () => {
      const ingest = (paths: string[]) =>
        run(process.execPath, ['--import', 'tsx', 'test/store/pg-ingest-folder.ts', url, 'guild:procs', ...paths], {
          cwd: ROOT,
          maxBuffer: 1 << 24,
        }).then((r) => JSON.parse(r.stdout) as [string, string][]);
      const [a, b] = await Promise.all([ingest(FIXTURES), ingest([...FIXTURES].reverse())]);
      const files = listDocumentFiles(FIXTURES).files;
      const all = [...a, ...b].map(([, status]) => status);
      expect(all.filter((s) => s === 'new')).toHaveLength(files.length);
      expect(all.filter((s) => s === 'unchanged')).toHaveLength(files.length);
      const id = await corpusId(pool, 'guild:procs');
      expect((await sameAsOneRun(id, 'guild:procs-replay')).documents).toHaveLength(files.length);
    },
    SLOW,
  );

  it('proposalsNear leaves out no proposal of the corpus that shares a word with a key, and has no other', async () => {
    const vocabulary = ['ten', 'point', 'plan', 'grain', 'corridor', 'deal', 'eu', 'a', 'x_y', '50%', 'b\\c', '#2'];
    const key = fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
    let runs = 0;
    const held = fc.array(key, { maxLength: 12 });
    const asked = fc.array(key, { minLength: 1, maxLength: 3 });
    await fc.assert(
      fc.asyncProperty(held, asked, async (keys, question) => {
        const [id, other] = [await corpusId(pool, `guild:near-${++runs}`), await corpusId(pool, `guild:far-${runs}`)];
        const store = async (c: number) =>
          postgresWrite(pool, c, [c], async (w) => {
            const documentId = await w.insertDocument(doc('near/a.txt', `proposals ${runs}`));
            const ids: number[] = [];
            for (const k of keys) ids.push(await w.insertProposal(k, k, documentId));
            return ids;
          });
        const ids = await store(id);
        await store(other);
        const got = await postgresWrite(pool, id, [id], (w) => w.proposalsNear(question));
        const words = new Set(question.flatMap((k) => k.split(' ')));
        const shares = (k: string) => k.split(' ').some((x) => words.has(x));
        const { rows } = await pool.query(
          'SELECT id, name_key AS key FROM proposals WHERE corpus_id = $1 ORDER BY id',
          [id],
        );
        expect(got).toEqual(rows.filter((r) => shares(r.key)));
        const gotIds = new Set(got.map((p) => p.id));
        keys.forEach((k, i) => expect(!shares(k) || gotIds.has(ids[i]), k).toBe(true));
      }),
      { numRuns: 40 },
    );
  });
});
