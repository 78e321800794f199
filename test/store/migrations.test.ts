import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../src/store/migrations.ts';
import { migrate, openDatabase } from '../../src/store/sqlite.ts';
import { tempDir } from '../helpers.ts';

const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name").pluck().all() as string[]).filter(
    (n) => !n.startsWith('sentences_fts_'),
  );

describe('migrations', () => {
  it('creates the whole schema on an empty file, with WAL and foreign keys on', () => {
    const db = openDatabase(path.join(tempDir(), 'new.db'));
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(tables(db)).toEqual(
      expect.arrayContaining([
        'documents',
        'sentences',
        'sentences_fts',
        'entities',
        'aliases',
        'roles',
        'mentions',
        'proposals',
        'quotes',
        'dates',
      ]),
    );
    db.close();
  });

  it('reopening an existing file keeps its data and runs nothing twice', () => {
    const file = path.join(tempDir(), 'existing.db');
    const db = openDatabase(file);
    db.prepare(
      "INSERT INTO documents (key, content_hash, title, body, ingested_at) VALUES ('k', 'h', 't', 'b', 'now')",
    ).run();
    db.close();
    const again = openDatabase(file);
    expect(again.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(1);
    expect(again.pragma('user_version', { simple: true })).toBe(migrations.length);
    again.close();
  });

  it('applies only the migrations a file has not had yet', () => {
    const db = new Database(path.join(tempDir(), 'old.db'));
    migrate(db, migrations.slice(0, 1));
    db.prepare(
      "INSERT INTO documents (key, content_hash, title, body, ingested_at) VALUES ('k', 'h', 't', 'b', 'now')",
    ).run();
    const next = [...migrations.slice(0, 1), 'CREATE TABLE later_feature (id INTEGER PRIMARY KEY);'];
    expect(migrate(db, next)).toBe(2);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(tables(db)).toContain('later_feature');
    expect(db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(1);
    db.close();
  });

  it('a slot pending before claims had a time counts as claimed when it was recorded', () => {
    const db = new Database(path.join(tempDir(), 'claims.db'));
    migrate(db, migrations.slice(0, -1));
    db.prepare(
      `INSERT INTO subscriptions (id, channel_id, schedule, timezone, created_at)
       VALUES (1, 'c', '0 8 * * *', 'UTC', 'x')`,
    ).run();
    const slot = db.prepare('INSERT INTO digest_slots (subscription_id, slot, state, recorded_at) VALUES (1, ?, ?, ?)');
    slot.run('a', 'pending', '2026-11-20T08:00:00.000Z');
    slot.run('b', 'sent', '2026-11-20T09:00:00.000Z');
    migrate(db);
    expect(db.prepare('SELECT slot, claimed_at AS c FROM digest_slots ORDER BY slot').all()).toEqual([
      { slot: 'a', c: '2026-11-20T08:00:00.000Z' },
      { slot: 'b', c: null },
    ]);
    db.close();
  });

  it('refuses a file written by a newer parley', () => {
    const db = new Database(path.join(tempDir(), 'future.db'));
    db.pragma(`user_version = ${migrations.length + 5}`);
    expect(() => migrate(db)).toThrow(/newer than this parley/);
  });

  it('a failing migration leaves the file at its previous version', () => {
    const db = new Database(path.join(tempDir(), 'broken.db'));
    expect(() =>
      migrate(db, ['CREATE TABLE a (id INTEGER);', 'CREATE TABLE b (id INTEGER); THIS IS NOT SQL;']),
    ).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(tables(db)).not.toContain('b');
  });
});
