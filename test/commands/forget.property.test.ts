import fs from 'node:fs';
import path from 'node:path';
import { ApplicationCommandOptionType } from 'discord.js';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CommandModule } from '../../src/command.ts';
import { createRouter } from '../../src/discord/router.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { guildReader } from '../../src/store/corpus.ts';
import { openSqliteStore } from '../../src/store/index.ts';
import type { SqliteStore } from '../../src/store/sqlite-store.ts';
import type { Db } from '../../src/store/sqlite.ts';
import { asInteraction, fakeInteraction } from '../discord/fake-interaction.ts';
import { ROOT, sqliteConnection, tempDir, tempStore, testApp } from '../helpers.ts';

const A = '100000000000000001';
const B = '200000000000000002';
const STORY = `${ROOT}/test/fixtures/stories/coalition-talks/docs`;

/** A database with the shared documents and one server's story of many overlapping documents, copied per run. */
let template: string;
let commands: Map<string, CommandModule>;

beforeAll(async () => {
  const { store, file } = tempStore();
  await ingestPaths(store, [`${ROOT}/data/documents`]);
  await ingestPaths(store.as(guildReader(A)), [STORY]);
  commands = (await testApp(store)).commands;
  await store.close();
  template = file;
}, 120_000);

const count = (db: Db, sql: string, ...params: unknown[]) =>
  db
    .prepare(sql)
    .pluck()
    .get(...params) as number;
const ids = (db: Db, sql: string, ...params: unknown[]) =>
  db
    .prepare(sql)
    .pluck()
    .all(...params) as number[];

/** Rows that no document supports any more: none may be left. */
function orphans(db: Db): Record<string, number> {
  return {
    entities: count(
      db,
      `SELECT count(*) FROM entities e WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = e.id)
       AND NOT EXISTS (SELECT 1 FROM roles r WHERE r.entity_id = e.id)`,
    ),
    proposals: count(
      db,
      'SELECT count(*) FROM proposals p WHERE NOT EXISTS (SELECT 1 FROM proposal_reports r WHERE r.proposal_id = p.id)',
    ),
    events: count(
      db,
      'SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_sources s WHERE s.event_id = e.id)',
    ),
    quotes: count(
      db,
      'SELECT count(*) FROM quotes q WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.id = q.sentence_id)',
    ),
    dates: count(
      db,
      'SELECT count(*) FROM dates t WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.id = t.sentence_id)',
    ),
    miscounted: count(
      db,
      `SELECT count(*) FROM entities e
       WHERE mention_count != (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id)`,
    ),
  };
}

/** The facts some document other than `documentId` supports: they must all stay. */
function supportedElsewhere(db: Db, documentId: number) {
  return {
    entities: ids(
      db,
      `SELECT DISTINCT m.entity_id FROM mentions m JOIN sentences s ON s.id = m.sentence_id WHERE s.document_id != ?
       ORDER BY 1`,
      documentId,
    ),
    proposals: ids(
      db,
      'SELECT DISTINCT proposal_id FROM proposal_reports WHERE document_id != ? ORDER BY 1',
      documentId,
    ),
    events: ids(db, 'SELECT DISTINCT event_id FROM event_sources WHERE document_id != ? ORDER BY 1', documentId),
  };
}

function present(db: Db, table: string, wanted: number[]): number[] {
  const have = new Set(ids(db, `SELECT id FROM ${table}`));
  return wanted.filter((id) => have.has(id));
}

async function forgetIn(store: SqliteStore, guild: string | null, value: string, admin = true) {
  const { briefing, log, digests } = await testApp(store, { commands });
  const router = createRouter({ commands, briefing, log, digests });
  const data = [{ name: 'document', type: ApplicationCommandOptionType.String, value }];
  const fake = fakeInteraction({ commandName: 'forget', data, admin, guildId: guild });
  await router.onInteraction(asInteraction(fake));
  const sent = [...fake.reply.mock.calls, ...fake.editReply.mock.calls].map(
    (c) => c[0] as { embeds: { title: string }[] },
  );
  return sent[0].embeds[0].title;
}

function copyOfTemplate(): SqliteStore {
  return openSqliteStore(copiedTemplate());
}

function copiedTemplate(): string {
  const file = path.join(tempDir(), 'copy.db');
  fs.copyFileSync(template, file);
  return file;
}

describe('/forget', () => {
  it('removes a document and exactly the facts only it supported, in any order of forgetting', async () => {
    const probeFile = copiedTemplate();
    const probeStore = openSqliteStore(probeFile);
    const own = (await probeStore.as(guildReader(A)).ownDocuments('', 100)).map((d) => d.id);
    await probeStore.close();
    const probe = { db: sqliteConnection(probeFile) };
    // The story's documents share people, proposals and events: forgetting one must keep what the others support.
    const shared = (table: string, column: string) =>
      count(
        probe.db,
        `SELECT count(*) FROM (SELECT ${column} FROM ${table} GROUP BY ${column}
         HAVING count(DISTINCT document_id) > 1)`,
      );
    expect(shared('proposal_reports', 'proposal_id')).toBeGreaterThan(0);
    expect(shared('event_sources', 'event_id')).toBeGreaterThan(0);
    expect(
      count(
        probe.db,
        `SELECT count(*) FROM (SELECT m.entity_id FROM mentions m JOIN sentences s ON s.id = m.sentence_id
         GROUP BY m.entity_id HAVING count(DISTINCT s.document_id) > 1)`,
      ),
    ).toBeGreaterThan(5);
    probe.db.close();
    expect(own.length).toBeGreaterThan(5);
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(own, { minLength: 1, maxLength: 4 }), async (order) => {
        const file = copiedTemplate();
        const store = openSqliteStore(file);
        const db = sqliteConnection(file);
        const shared = await store.stats();
        for (const id of order) {
          // Another server, a member without the permission and a DM cannot forget it.
          expect(await forgetIn(store, B, String(id))).toBe('No such document');
          expect(await forgetIn(store, A, String(id), false)).toBe('Not allowed');
          expect(await forgetIn(store, null, String(id))).toBe('Not here');
          const keep = supportedElsewhere(db, id);
          const title = count(db, 'SELECT count(*) FROM documents WHERE id = ?', id);
          expect(title).toBe(1);
          expect(await forgetIn(store, A, String(id))).toMatch(/^Forgot /);
          expect(count(db, 'SELECT count(*) FROM documents WHERE id = ?', id)).toBe(0);
          expect(count(db, 'SELECT count(*) FROM sentences WHERE document_id = ?', id)).toBe(0);
          expect(orphans(db)).toEqual({ entities: 0, proposals: 0, events: 0, quotes: 0, dates: 0, miscounted: 0 });
          expect(present(db, 'entities', keep.entities)).toEqual(keep.entities);
          expect(present(db, 'proposals', keep.proposals)).toEqual(keep.proposals);
          expect(present(db, 'events', keep.events)).toEqual(keep.events);
        }
        // The shared corpus is never touched by a server's forgetting.
        expect(await store.stats()).toEqual(shared);
        db.close();
        await store.close();
      }),
      { numRuns: 12 },
    );
  }, 120_000);

  it('cannot forget a shared document from a server', async () => {
    const store = copyOfTemplate();
    const shared = (await store.documents())[0];
    expect(await forgetIn(store, A, String(shared.id))).toBe('No such document');
    expect(await forgetIn(store, A, shared.title)).toBe('No such document');
    expect((await store.documents())[0].id).toBe(shared.id);
    await store.close();
  });

  it('takes a title typed instead of a choice when exactly one own document has it', async () => {
    const store = copyOfTemplate();
    const [doc] = await store.as(guildReader(A)).ownDocuments('', 1);
    expect(await forgetIn(store, A, doc.title)).toBe(`Forgot ${doc.title}`.slice(0, 256));
    expect(await store.as(guildReader(A)).ownDocuments(doc.title, 5)).toEqual([]);
    await store.close();
  });
});
