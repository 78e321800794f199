import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/documents/document.ts';
import { ingestDocument } from '../../src/ingest/ingest.ts';
import { importSqlite } from '../../src/store/postgres/import-sqlite.ts';
import { migrate } from '../../src/store/postgres/migrate.ts';
import { openPool, type Pool } from '../../src/store/postgres/pool.ts';
import { PostgresStore } from '../../src/store/postgres/store.ts';
import {
  compactLexemeCounts,
  compactSentenceCounts,
  ftsPhrases,
  tsquerySql,
} from '../../src/store/postgres/text-search.ts';
import type { SqliteStore } from '../../src/store/sqlite-store.ts';
import { tempStore } from '../helpers.ts';
import { freshDatabase, needsPostgres, TEST_DATABASE_URL } from './pg-database.ts';

describe('reading an FTS5 expression for PostgreSQL', () => {
  it('keeps the phrases the briefing builds, joined by OR or by AND', () => {
    expect(ftsPhrases('"talks" OR "vienna"')).toEqual({ phrases: ['talks', 'vienna'], join: 'OR' });
    expect(ftsPhrases('"talks" AND "vienna" AND "june 10"')).toEqual({
      phrases: ['talks', 'vienna', 'june 10'],
      join: 'AND',
    });
    expect(ftsPhrases('"say ""no"""')).toEqual({ phrases: ['say "no"'], join: 'OR' });
  });

  it('reads anything else as its words and phrases, OR-ed', () => {
    expect(ftsPhrases('"a" OR "b" AND "c"')).toEqual({ phrases: ['a', 'b', 'c'], join: 'OR' });
    expect(ftsPhrases('talks NOT vienna')).toEqual({ phrases: ['talks', 'vienna'], join: 'OR' });
    expect(ftsPhrases('NEAR("harbour talks" resume*, 3)')).toEqual({
      phrases: ['harbour talks', 'resume', '3'],
      join: 'OR',
    });
    expect(ftsPhrases('  ')).toEqual({ phrases: [], join: 'OR' });
  });

  it('puts every phrase in a parameter, never in the SQL', () => {
    const params: unknown[] = [];
    const sql = tsquerySql(ftsPhrases(`"it's" OR "a & b:*" OR "!c"`), (v) => `$${params.push(v)}`);
    expect(params).toEqual(["it's", 'a & b:*', '!c']);
    expect(sql).not.toMatch(/it's|&|!/);
    expect(sql).toContain('$3');
  });
});

const ARTICLE = (n: number) =>
  parseDocument(
    `article-${n}.md`,
    Buffer.from(`---\ntitle: Talks ${n}\n---\nMinister Anna Keller said talks round ${n} would open in Vienna.\n`),
  );

describe.skipIf(!TEST_DATABASE_URL)(`importing a SQLite database into PostgreSQL — ${needsPostgres}`, () => {
  let sqlite: SqliteStore;
  let pool: Pool;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    sqlite = tempStore().store;
    for (const n of [1, 2, 3]) await ingestDocument(sqlite, ARTICLE(n));
    sqlite.db
      .prepare(
        `INSERT INTO subscriptions (guild_id, channel_id, schedule, timezone, created_at)
         VALUES ('1', '2', '0 8 * * *', 'UTC', '2026-01-01T00:00:00Z')`,
      )
      .run();
    const db = await freshDatabase();
    drop = db.drop;
    pool = openPool(db.url);
    await migrate(pool);
  });
  afterAll(async () => {
    await pool?.end();
    await drop?.();
    await sqlite?.close();
  });

  it('copies every row with its id, then refuses to import into a database that holds any', async () => {
    const counts = await importSqlite(sqlite.db, pool);
    expect(counts.rows.documents).toBe(3);
    expect(counts.rows.sentences).toBe(sqlite.db.prepare('SELECT count(*) FROM sentences').pluck().get());
    const hasSubscriptions = (await pool.query("SELECT to_regclass('subscriptions') AS t")).rows[0].t !== null;
    if (hasSubscriptions) expect(counts.rows.subscriptions).toBe(1);
    else expect(counts.skipped).toEqual(['subscriptions']);
    const ids = (await pool.query('SELECT id, key FROM documents ORDER BY id')).rows;
    expect(ids).toEqual(sqlite.db.prepare('SELECT id, key FROM documents ORDER BY id').all());
    await expect(importSqlite(sqlite.db, pool)).rejects.toThrow(/not empty \(table documents has rows\)/);
  });

  it('moves every id sequence past the copied rows', async () => {
    const max = (await pool.query('SELECT max(id) AS m FROM documents')).rows[0].m;
    const { rows } = await pool.query(
      `INSERT INTO documents (key, content_hash, title, body, ingested_at)
       VALUES ('new.md', 'h', 'New', 'Body.', '2026-01-02') RETURNING id`,
    );
    expect(rows[0].id).toBe(max + 1);
    const corpus = await pool.query("INSERT INTO corpora (name) VALUES ('guild:9') RETURNING id");
    expect(corpus.rows[0].id).toBe((sqlite.db.prepare('SELECT max(id) FROM corpora').pluck().get() as number) + 1);
  });

  it('keeps the sentence totals BM25 reads in step with the sentences, whatever removes them', async () => {
    const totals = async () =>
      (
        await pool.query(
          `SELECT (SELECT sum(rows) FROM sentence_counts) AS kept, (SELECT count(*) FROM sentences) AS n,
                  (SELECT sum(tokens) FROM sentence_counts) AS kept_tokens,
                  (SELECT coalesce(sum(token_count), 0) FROM sentences) AS tokens`,
        )
      ).rows[0];
    const before = await totals();
    expect(before.kept).toBe(before.n);
    expect((await pool.query('SELECT count(*)::int AS n FROM sentence_counts')).rows[0].n).toBe(1);
    await pool.query('DELETE FROM documents WHERE id = 1');
    const after = await totals();
    expect(after.n).toBeLessThan(before.n);
    expect(after.kept).toBe(after.n);
    expect(after.kept_tokens).toBe(after.tokens);
    await compactSentenceCounts(pool);
    expect(await totals()).toEqual(after);
    expect((await pool.query('SELECT count(*)::int AS n FROM sentence_counts')).rows[0].n).toBe(1);
  });

  it('keeps the term statistics in step with the sentences, through removal and compaction', async () => {
    // Each lexeme's sentences as the GIN index holds them, beside its folded count plus the rows appended since.
    const drift = async () =>
      (
        await pool.query(
          `WITH truth AS (SELECT l.lexeme, count(*) AS n FROM sentences s CROSS JOIN LATERAL unnest(s.tsv) l
                          GROUP BY l.lexeme),
                kept AS (SELECT lexeme, sum(sentences) AS n
                         FROM (SELECT lexeme, sentences FROM lexeme_counts
                               UNION ALL SELECT lexeme, sentences FROM lexeme_deltas) x
                         GROUP BY lexeme HAVING sum(sentences) <> 0)
           SELECT (SELECT count(*) FROM truth) AS lexemes,
                  (SELECT count(*) FROM truth FULL JOIN kept USING (lexeme)
                   WHERE truth.n IS DISTINCT FROM kept.n) AS off`,
        )
      ).rows[0];
    expect((await drift()).lexemes).toBeGreaterThan(5);
    expect((await drift()).off).toBe(0);
    await pool.query('DELETE FROM documents WHERE id = (SELECT min(id) FROM documents)');
    expect((await pool.query('SELECT count(*)::int AS n FROM lexeme_deltas')).rows[0].n).toBeGreaterThan(0);
    expect((await drift()).off).toBe(0);
    await compactLexemeCounts(pool);
    expect((await pool.query('SELECT count(*)::int AS n FROM lexeme_deltas')).rows[0].n).toBe(0);
    expect((await drift()).off).toBe(0);
  });

  it('refuses a SQLite database at another schema version', async () => {
    const old = new Database(':memory:');
    old.pragma('user_version = 3');
    await expect(importSqlite(old, pool)).rejects.toThrow(/schema version 3/);
    old.close();
  });

  it('a store opened without its writer or subscriptions says so', async () => {
    const store = new PostgresStore(pool);
    await expect(store.write(async () => 1)).rejects.toThrow(/without its writer/);
    await expect(store.subscriptions()).rejects.toThrow(/without its subscriptions part/);
    expect((await store.search('"keller" OR "vienna"', 5, [])).length).toBeGreaterThan(0);
  });
});
