import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { openApp, type App, type AppOptions } from '../src/app.ts';
import { openSqliteStore } from '../src/store/index.ts';
import { openDatabase, type Db } from '../src/store/sqlite.ts';
import type { Store } from '../src/store/store.ts';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const SEED = path.join(ROOT, 'data/documents/000_f508cbc51fa2a6d2.txt');

export function tempDir(prefix = 'parley-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * A connection of a test's own to a store's SQLite file, for checks of the SQLite persistence itself (schema,
 * orphans, counts); tests of behaviour go through the store's interfaces.
 */
export function sqliteConnection(file: string): Db {
  return openDatabase(file);
}

export function tempStore() {
  const dir = tempDir();
  const file = path.join(dir, 'test.db');
  return { dir, file, store: openSqliteStore(file) };
}

/**
 * The app main.ts and the CLI compose (openApp), over a store a test prepared: a silent log and a delivery that
 * posts nowhere unless the test gives its own. The scheduler is built but not started.
 */
export function testApp(store: Store, options: Partial<Omit<AppOptions, 'store'>> = {}): Promise<App> {
  return openApp({ log: pino({ level: 'silent' }), delivery: { deliver: async () => ({}) }, ...options, store });
}

export function writeDoc(dir: string, name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}
