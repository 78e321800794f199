import fs from 'node:fs';
import path from 'node:path';
import { DOCUMENT_EXTENSIONS } from './document.ts';

/** Expands files and folders into the document files they hold, sorted, non-recursive for folders' hidden entries. */
export function listDocumentFiles(paths: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (p: string) => {
    const stat = fs.statSync(p, { throwIfNoEntry: false });
    if (!stat) return missing.push(p);
    if (stat.isFile()) return files.push(p);
    if (!stat.isDirectory()) return;
    for (const name of fs.readdirSync(p).sort()) {
      if (name.startsWith('.')) continue;
      const child = path.join(p, name);
      const s = fs.statSync(child);
      if (s.isDirectory()) walk(child);
      else if ((DOCUMENT_EXTENSIONS as readonly string[]).includes(path.extname(name).toLowerCase())) files.push(child);
    }
  };
  paths.forEach(walk);
  return { files, missing };
}
