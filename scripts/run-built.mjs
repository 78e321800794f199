// Runs an entry point compiled to dist/ with plain node (no compiler at start-up), compiling first when any
// source under src/ or commands/ is newer than the last build — so an edited checkout never runs stale code.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const stamp = path.join(root, 'dist', '.built');
const entry = process.argv[2];
if (!entry) {
  process.stderr.write('usage: node scripts/run-built.mjs src/main [args…]\n');
  process.exit(2);
}

function newestSource(dir) {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (e.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

function builtAt() {
  try {
    return fs.statSync(stamp).mtimeMs;
  } catch {
    return -1;
  }
}

export function build() {
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (r.status !== 0) process.stderr.write('type errors above: running the emitted code anyway\n');
  fs.mkdirSync(path.dirname(stamp), { recursive: true });
  fs.writeFileSync(stamp, new Date().toISOString());
}

const target = path.join(root, 'dist', `${entry.replace(/\.(ts|js)$/, '')}.js`);
const sources = Math.max(newestSource(path.join(root, 'src')), newestSource(path.join(root, 'commands')));
if (!fs.existsSync(target) || builtAt() < sources) {
  process.stderr.write('compiling parley (once per change)…\n');
  build();
}
process.argv.splice(1, 2, target);
await import(pathToFileURL(target).href);
