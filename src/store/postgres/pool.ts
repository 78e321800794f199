import pg from 'pg';

export type Pool = pg.Pool;
export type Client = pg.PoolClient;

/** Whether a database URL names PostgreSQL (and not the SQLite file). */
export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//i.test(url);
}

/** bigint and numeric columns read as numbers, for this project's pools only (pg's global parsers untouched). */
const NUMBERS = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC
      ? (v: string) => Number(v)
      : pg.types.getTypeParser(oid, format),
} as pg.CustomTypesConfig;

/** A connection pool for `url`; bigint counts come back as numbers (a corpus stays far below 2^53 rows). */
export function openPool(url: string, max = 10): Pool {
  return new pg.Pool({ connectionString: url, max, types: NUMBERS });
}

/** Runs `work` in one transaction on one pooled connection: committed when it settles, rolled back when it throws. */
export async function inTransaction<T>(pool: Pool, work: (client: Client) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
