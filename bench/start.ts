import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestPaths } from '../src/ingest/ingest.ts';
import { openSqliteStore } from '../src/store/index.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = path.join(ROOT, 'test/fixtures/articles');
const RUNS = 10;
/** A start that takes longer than this is broken, not slow. */
const TIMEOUT_MS = 60_000;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Milliseconds from spawning `args` until `done(stdout so far)` holds (or until it exits, when `done` is absent).
 * `input` is written to its stdin, which is then closed.
 */
function timed(args: string[], env: NodeJS.ProcessEnv, input = '', done?: (out: string) => boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const ms = () => Number(process.hrtime.bigint() - t0) / 1e6;
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'inherit'] });
    const timer = setTimeout(() => child.kill(), TIMEOUT_MS);
    let out = '';
    let settled = false;
    const finish = (value: number | Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (value instanceof Error) reject(value);
      else resolve(value);
    };
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (done?.(out)) {
        finish(ms());
        child.kill();
      }
    });
    child.on('exit', (code) => {
      if (!done && code === 0) finish(ms());
      else finish(new Error(`${args.join(' ')} exited (${code}) before its first answer:\n${out.slice(-500)}`));
    });
    child.stdin.end(input);
  });
}

/** After the echoed command ("> /who …"), a non-empty line: the answer's first line. */
const answered = (out: string) => /\n> [^\n]*\n[^\n]*\S[^\n]*\n/.test(out);

/**
 * `npm run bench -- start`: a store is built from the test fixtures once; then the median of 10 starts of
 * `node scripts/run-built.mjs src/main` in console mode (no DISCORD_TOKEN) to the first answer line on that store,
 * against the median of 10 `node -e "require('better-sqlite3')"` in the same run, and their ratio.
 */
export async function benchStart(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-start-'));
  const db = path.join(dir, 'start.db');
  const store = openSqliteStore(db);
  const outcomes = await ingestPaths(store, [FIXTURES]);
  const person = (await store.examples()).person;
  await store.close();
  const command = person ? `/who name:${person}` : '/sources';
  console.log(`store: ${outcomes.filter((o) => o.ok).length} fixture documents in ${db}; command: ${command}`);

  const env = { ...process.env, DISCORD_TOKEN: '', PARLEY_DB: db, PARLEY_DOCUMENTS: FIXTURES, LOG_LEVEL: 'warn' };
  const start = ['scripts/run-built.mjs', 'src/main'];
  await timed(start, env, `${command}\n`, answered); // compiles dist/ if a source is newer; not counted
  const starts: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    starts.push(await timed(start, env, `${command}\n`, answered));
    baseline.push(await timed(['-e', "require('better-sqlite3')"], process.env));
  }
  const a = median(starts);
  const b = median(baseline);
  console.log(`start to first answer        median of ${RUNS}: ${a.toFixed(0)} ms`);
  console.log(`node -e require(better-sqlite3) median of ${RUNS}: ${b.toFixed(0)} ms`);
  console.log(`ratio: ${(a / b).toFixed(1)}×`);
  fs.rmSync(dir, { recursive: true, force: true });
}
