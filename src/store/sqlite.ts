import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrations } from './migrations.ts';

export type Db = Database.Database;

/** Opens (creating if needed) the SQLite file with WAL and foreign keys, and runs pending migrations. */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  migrate(db);
  return db;
}

export function migrate(db: Db, list: string[] = migrations): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > list.length) {
    throw new Error(
      `the database is at schema version ${current}, newer than this parley (${list.length}); upgrade parley`,
    );
  }
  // Foreign keys are off while tables are rebuilt (SQLite's documented procedure), then checked before commit.
  db.pragma('foreign_keys = OFF');
  try {
    for (let v = current; v < list.length; v++) {
      db.transaction(() => {
        db.exec(list[v]);
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length) throw new Error(`migration ${v + 1} leaves ${broken.length} broken reference(s)`);
        db.pragma(`user_version = ${v + 1}`);
      })();
    }
  } finally {
    db.pragma('foreign_keys = ON');
  }
  return list.length;
}
