import { SqliteStore } from './sqlite-store.ts';
import type { Store } from './store.ts';

export type { Store } from './store.ts';

export function openStore(file: string): SqliteStore & Store {
  return new SqliteStore(file);
}
