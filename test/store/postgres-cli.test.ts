import { spawnSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { ROOT, SEED, tempDir } from '../helpers.ts';
import { freshDatabase, needsPostgres, TEST_DATABASE_URL } from './pg-database.ts';

const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
function cli(args: string[], env: Record<string, string>) {
  const r = spawnSync(TSX, ['src/cli.ts', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('cli migrate-to-postgres', () => {
  it('needs a postgres:// URL and an existing SQLite database', () => {
    const env = { PARLEY_DB: path.join(tempDir(), 'none.db') };
    expect(cli(['migrate-to-postgres'], env)).toMatchObject({ code: 2, err: expect.stringMatching(/postgres:\/\//) });
    const missing = cli(['migrate-to-postgres', 'postgres://127.0.0.1:1/x'], env);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/there is no SQLite database/);
  });

  it.skipIf(!TEST_DATABASE_URL)(`copies the SQLite database into an empty one, once — ${needsPostgres}`, async () => {
    const env = { PARLEY_DB: path.join(tempDir(), 'cli.db') };
    expect(cli(['ingest', SEED], env).code).toBe(0);
    const db = await freshDatabase();
    try {
      const first = cli(['migrate-to-postgres', db.url], env);
      expect(first.code).toBe(0);
      expect(first.out).toMatch(/^documents\s+1$/m);
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      const { rows } = await client.query('SELECT count(*)::int AS n FROM sentences');
      await client.end();
      expect(rows[0].n).toBeGreaterThan(25);
      const again = cli(['migrate-to-postgres', db.url], env);
      expect(again.code).toBe(1);
      expect(again.err).toMatch(/is not empty/);
    } finally {
      await db.drop();
    }
  });
});
