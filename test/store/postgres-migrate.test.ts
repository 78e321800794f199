import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, type Migration } from '../../src/store/postgres/migrate.ts';
import { migrations } from '../../src/store/postgres/migrations.ts';
import { openPool, type Pool } from '../../src/store/postgres/pool.ts';
import { freshDatabase, needsPostgres, TEST_DATABASE_URL } from './pg-database.ts';

describe.skipIf(!TEST_DATABASE_URL)(`PostgreSQL migrations — ${needsPostgres}`, () => {
  let pool: Pool;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const db = await freshDatabase();
    drop = db.drop;
    pool = openPool(db.url);
  });
  afterAll(async () => {
    await pool?.end();
    await drop?.();
  });

  it('runs every migration once, even when two processes start together', async () => {
    const other = openPool(new URL(pool.options.connectionString as string).toString());
    const [a, b] = await Promise.all([migrate(pool), migrate(other)]);
    await other.end();
    expect([a, b]).toEqual([migrations.length, migrations.length]);
    const { rows } = await pool.query('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(migrations.map((m) => m.version));
    expect((await pool.query("SELECT id FROM corpora WHERE name = 'shared'")).rows).toEqual([{ id: 1 }]);
  });

  it('refuses a database newer than this parley, and a list out of order', async () => {
    await expect(migrate(pool, migrations.slice(0, 0))).rejects.toThrow(/newer than this parley/);
    const skipped: Migration[] = [{ version: 2, name: 'two', sql: 'SELECT 1' }];
    await expect(migrate(pool, skipped)).rejects.toThrow(/numbered 2, expected 1/);
  });

  it('undoes a failing migration whole', async () => {
    const failing: Migration[] = [
      ...migrations,
      { version: migrations.length + 1, name: 'half', sql: 'CREATE TABLE half (id int); SELECT no_such_function()' },
    ];
    await expect(migrate(pool, failing)).rejects.toThrow(/no_such_function/);
    expect((await pool.query("SELECT to_regclass('half') AS t")).rows[0].t).toBeNull();
    expect((await pool.query('SELECT max(version) AS v FROM schema_migrations')).rows[0].v).toBe(migrations.length);
  });
});
