import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The server the PostgreSQL tests use; unset, they are skipped by name. */
export const TEST_DATABASE_URL = process.env.PARLEY_TEST_DATABASE_URL;

/** `describe` for a suite that needs PostgreSQL: reported as skipped (by name) where there is no server. */
export const needsPostgres = TEST_DATABASE_URL ? 'postgres' : 'postgres (skipped: PARLEY_TEST_DATABASE_URL is unset)';

/** Creates a database of its own for one suite; `drop` removes it (closing whatever is still connected). */
export async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!TEST_DATABASE_URL) throw new Error('PARLEY_TEST_DATABASE_URL is unset');
  const name = `parley_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      // pool.end() resolves before its connections have closed: let them go before forcing out what is left
      const open = 'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1';
      for (let i = 0; i < 40 && (await c.query(open, [name])).rows[0].n > 0; i++) {
        await new Promise((r) => setTimeout(r, 25));
      }
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
