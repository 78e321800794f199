import fs from 'node:fs';
import path from 'node:path';
import { DOCUMENT_EXTENSIONS } from './document.ts';

interface Skipped {
  path: string;
  reason: string;
}

interface DocumentFiles {
  files: string[];
  missing: string[];
  /** Entries that are not documents to read: links that dangle or loop, pipes, sockets, devices. */
  skipped: Skipped[];
}

const isDocumentName = (name: string) =>
  (DOCUMENT_EXTENSIONS as readonly string[]).includes(path.extname(name).toLowerCase());

/** What a path is, following a link once; a link that dangles or loops is named as such, never thrown. */
function inspect(p: string): fs.Stats | { problem: string } | null {
  const own = fs.lstatSync(p, { throwIfNoEntry: false });
  if (!own) return null;
  if (!own.isSymbolicLink()) return own;
  try {
    return fs.statSync(p);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return {
      problem:
        code === 'ELOOP'
          ? 'a symbolic link that loops'
          : code === 'ENOENT'
            ? 'a symbolic link to nothing'
            : `unreadable link (${code})`,
    };
  }
}

/**
 * Expands files and folders into the document files they hold, sorted; hidden entries are left out. Folders
 * reached twice (through links) are read once; anything but a regular file or folder is skipped with a reason.
 */
export function listDocumentFiles(paths: string[]): DocumentFiles {
  const out: DocumentFiles = { files: [], missing: [], skipped: [] };
  const seenFolders = new Set<string>();
  const visit = (p: string, explicit: boolean) => {
    const what = inspect(p);
    if (!what) return explicit ? out.missing.push(p) : undefined;
    if ('problem' in what) return out.skipped.push({ path: p, reason: what.problem });
    if (what.isDirectory()) return walk(p);
    if (!explicit && !isDocumentName(p)) return;
    if (!what.isFile()) return out.skipped.push({ path: p, reason: 'not a regular file' });
    out.files.push(p);
  };
  const walk = (dir: string) => {
    const real = fs.realpathSync(dir);
    if (seenFolders.has(real)) return;
    seenFolders.add(real);
    let names: string[];
    try {
      names = fs.readdirSync(dir).sort();
    } catch (e) {
      return out.skipped.push({ path: dir, reason: `unreadable folder (${(e as NodeJS.ErrnoException).code})` });
    }
    for (const name of names) if (!name.startsWith('.')) visit(path.join(dir, name), false);
  };
  for (const p of paths) visit(p, true);
  return out;
}
