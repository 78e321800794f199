import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../src/store/index.ts';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const SEED = path.join(ROOT, 'data/documents/000_f508cbc51fa2a6d2.txt');

export function tempDir(prefix = 'parley-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function tempStore() {
  const dir = tempDir();
  const file = path.join(dir, 'test.db');
  return { dir, file, store: openStore(file) };
}

export function writeDoc(dir: string, name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}
