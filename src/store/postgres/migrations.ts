import type { Migration } from './migrate.ts';

/** PostgreSQL's schema, in order. Each step is applied once (see migrate.ts). */
export const migrations: Migration[] = [
  {
    version: 1,
    name: 'corpora',
    sql: `
      CREATE TABLE corpora (
        id serial PRIMARY KEY,
        name text NOT NULL UNIQUE
      );
      INSERT INTO corpora (name) VALUES ('shared');
    `,
  },
];
