import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { forgetDocument } from '../../src/ingest/forget.ts';
import { guildReader, sharedReader } from '../../src/store/corpus.ts';
import { migrations } from '../../src/store/migrations.ts';
import { migrate } from '../../src/store/sqlite.ts';
import { openSqliteStore } from '../../src/store/index.ts';
import { sqliteConnection, tempDir } from '../helpers.ts';

/** The schema version before corpora: everything one global store. */
const BEFORE_CORPORA = 8;

/** A database as the last parley without corpora left it: one document with a person, a proposal and an event. */
function oldDatabase(file: string): void {
  const db = new Database(file);
  migrate(db, migrations.slice(0, BEFORE_CORPORA));
  db.exec(`
    INSERT INTO documents (id, key, content_hash, title, body, ingested_at)
      VALUES (1, 'data/documents/a.txt', 'h1', 'Talks in Vienna', 'Anna Keller met Omar Haddad in Vienna.', 'now');
    INSERT INTO sentences (id, document_id, idx, start_offset, end_offset, text)
      VALUES (1, 1, 0, 0, 38, 'Anna Keller met Omar Haddad in Vienna.');
    INSERT INTO entities (id, kind, name, name_key, first_document_id, mention_count)
      VALUES (1, 'person', 'Anna Keller', 'ana keler', 1, 1), (2, 'place', 'Vienna', 'vienna', 1, 1);
    INSERT INTO aliases (entity_id, alias, alias_key) VALUES (1, 'Anna Keller', 'ana keler'), (1, 'Keller', 'keler'),
      (2, 'Vienna', 'vienna');
    INSERT INTO mentions (entity_id, sentence_id) VALUES (1, 1), (2, 1);
    INSERT INTO proposals (id, name, name_key, first_document_id) VALUES (1, 'ten-point plan', 'ten point plan', 1);
    INSERT INTO proposal_reports (proposal_id, document_id, status) VALUES (1, 1, 'proposed');
    INSERT INTO proposal_evidence (proposal_id, sentence_id) VALUES (1, 1);
    INSERT INTO events (id, kind, place_id, place_key, day, label, first_document_id)
      VALUES (1, 'meeting', 2, 2, '2025-03-01', 'Keller — meeting, Vienna', 1),
             (2, 'resignation', NULL, 0, '2025-03-02', 'Keller — resignation', 1);
    INSERT INTO event_sources (event_id, sentence_id, document_id, iso) VALUES (1, 1, 1, '2025-03-01'),
      (2, 1, 1, '2025-03-02');
  `);
  expect(db.pragma('user_version', { simple: true })).toBe(BEFORE_CORPORA);
  db.close();
}

describe('migration 9: corpora', () => {
  it("moves an old database's documents and facts into the shared corpus, which every server reads", async () => {
    const file = path.join(tempDir(), 'old.db');
    oldDatabase(file);
    const store = openSqliteStore(file);
    const db = sqliteConnection(file);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.prepare('SELECT name FROM corpora').pluck().all()).toEqual(['shared']);
    for (const table of ['documents', 'entities', 'proposals', 'events'])
      expect(db.prepare(`SELECT DISTINCT corpus_id FROM ${table}`).pluck().all(), table).toEqual([1]);
    // A placeless event is keyed by its corpus, so it can never merge with another corpus's.
    expect(db.prepare('SELECT place_key FROM events WHERE id = 2').pluck().get()).toBe(-1);
    expect(db.pragma('foreign_key_check')).toEqual([]);

    const shared = store.as(sharedReader);
    expect((await shared.stats()).documents).toBe(1);
    expect((await shared.listPeople(5)).map((p) => p.name)).toEqual(['Anna Keller']);
    const server = store.as(guildReader('111'));
    expect((await server.findEntities('person', 'Keller', 5)).map((e) => e.name)).toEqual(['Anna Keller']);
    expect((await server.listProposals({ limit: 5, evidence: 1 })).map((p) => p.name)).toEqual(['ten-point plan']);
    expect((await server.listEvents({ dated: true, limit: 5 })).total).toBe(2);
    // The shared documents are not a server's own: it cannot list them to forget, nor forget them.
    expect(await server.ownDocuments('', 25)).toEqual([]);
    expect(await forgetDocument(server, 1)).toBeNull();
    expect((await shared.stats()).documents).toBe(1);
    db.close();
    await store.close();
  });

  it('lets two servers hold the same article: keys and content are unique within a corpus', async () => {
    const file = path.join(tempDir(), 'old.db');
    oldDatabase(file);
    const store = openSqliteStore(file);
    const db = sqliteConnection(file);
    const insert = db.prepare(
      `INSERT INTO documents (corpus_id, key, content_hash, title, body, ingested_at)
       VALUES ((SELECT id FROM corpora WHERE name = ?), 'attachment/x.txt', 'hx', 't', 'b', 'now')`,
    );
    store.as(guildReader('111'));
    store.as(guildReader('222'));
    insert.run('guild:111');
    insert.run('guild:222');
    expect(() => insert.run('guild:111')).toThrow(/UNIQUE/);
    db.close();
    await store.close();
  });
});
