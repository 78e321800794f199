import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openApp } from '../src/app.ts';
import type { Briefing } from '../src/briefing/briefing.ts';
import { parseDocument } from '../src/documents/document.ts';
import type { Extraction } from '../src/extract/contract.ts';
import { ingestDocument } from '../src/ingest/ingest.ts';
import { writeDocument } from '../src/ingest/write-document.ts';
import { createLogger } from '../src/log.ts';
import { openPostgresStore, openSqliteStore } from '../src/store/index.ts';
import type { Store } from '../src/store/store.ts';
import { guildReader } from '../src/store/corpus.ts';
import { migrate } from '../src/store/postgres/migrate.ts';
import { importSqlite } from '../src/store/postgres/import-sqlite.ts';
import { splitSentences } from '../src/text/sentences.ts';

const FIRST = [
  'Anna',
  'Boris',
  'Carla',
  'Dmytro',
  'Elena',
  'Farid',
  'Greta',
  'Hugo',
  'Ines',
  'Jonas',
  'Katya',
  'Luca',
  'Mira',
  'Nils',
  'Olena',
  'Pavel',
];
const LAST = [
  'Keller',
  'Novak',
  'Marchetti',
  'Kovalenko',
  'Lindqvist',
  'Haddad',
  'Brandt',
  'Moreau',
  'Petrov',
  'Silva',
  'Horvat',
  'Dubois',
  'Jansen',
  'Weber',
  'Rossi',
  'Nowak',
  'Fischer',
  'Costa',
  'Berg',
  'Ivanov',
];
const PLACES = [
  'Vienna',
  'Oslo',
  'Ankara',
  'Doha',
  'Warsaw',
  'Helsinki',
  'Riyadh',
  'Istanbul',
  'Bern',
  'Minsk',
  'Tallinn',
  'Prague',
];
const ROLES = [
  'Foreign Minister',
  'special envoy',
  'Defence Minister',
  'national security adviser',
  'ambassador',
  'negotiator',
];
const COUNTRIES = ['Austria', 'Norway', 'Turkey', 'Qatar', 'Poland', 'Finland'];

/** A synthetic document and its extraction, written straight to the store (extraction speed is another bench). */
export function synthetic(i: number): { text: string; x: (id: string) => Extraction } {
  const p1 = `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}${i % 50}`;
  const p2 = `${FIRST[(i * 3) % FIRST.length]} ${LAST[(i * 11) % LAST.length]}${(i + 17) % 50}`;
  const place = PLACES[i % PLACES.length];
  const role = ROLES[i % ROLES.length];
  const country = COUNTRIES[i % COUNTRIES.length];
  // Each place has its own meeting day; every 97th report gives another day, as a disagreeing source would.
  const day = 1 + ((i % PLACES.length) + (i % 97 === 0 ? 5 : 0));
  const sentences = [
    `${role} ${p1} arrived in ${place} on day ${i} for talks on the ${i % 40}-point framework.`,
    `"We are making progress on the framework," ${p1} said after meeting ${p2}.`,
    `${p2} said the ceasefire offer number ${i % 30} remained under discussion in ${place}.`,
    `Delegations from ${country} met in ${place} on November ${day}, 2025.`,
    `Officials said document ${i} would be reviewed by negotiators next week.`,
  ];
  const text = sentences.join(' ');
  return {
    text,
    x: (id) => ({
      document: { id, title: `Report ${i}`, source: 'Synthetic Wire', publishedAt: null },
      people: [
        {
          name: p1,
          aliases: [p1.split(' ')[1]],
          roles: [role],
          affiliation: country,
          mentions: 2,
          sentences: [0, 1],
          roleSentences: { [role]: 0 },
        },
        { name: p2, aliases: [], roles: [], affiliation: null, mentions: 2, sentences: [1, 2], roleSentences: {} },
      ],
      places: [{ name: place, aliases: [], kind: 'city', mentions: 3, sentences: [0, 2, 3] }],
      organizations: [],
      proposals: [
        {
          name: `${i % 40}-point framework`,
          aliases: ['framework'],
          proposedBy: [country],
          status: i % 3 ? 'draft' : 'under discussion',
          evidence: [0, 1],
        },
      ],
      quotes: [{ speaker: p1, text: 'We are making progress on the framework,', sentence: 1 }],
      dates: [
        {
          text: `November ${day}, 2025`,
          iso: `2025-11-${String(day).padStart(2, '0')}`,
          precision: 'day',
          what: `delegations met in ${place}`,
          sentence: 3,
        },
      ],
      events: [
        {
          kind: 'meeting',
          participants: [country],
          place,
          date: { text: `November ${day}, 2025`, iso: `2025-11-${String(day).padStart(2, '0')}`, precision: 'day' },
          sentence: 3,
          future: false,
        },
      ],
    }),
  };
}

/** Adds synthetic documents until the file holds `documents` (a store built earlier is resumed, not rebuilt). */
async function buildStore(file: string, documents: number): Promise<void> {
  const store = openSqliteStore(file);
  let held = await store.count('documents');
  if (!held) {
    const seed = path.resolve(import.meta.dirname, '../data/documents/000_f508cbc51fa2a6d2.txt');
    await ingestDocument(store, parseDocument(seed, fs.readFileSync(seed)));
    held = 1;
  }
  for (let i = held; i < documents; i++) {
    const { text, x } = synthetic(i);
    const doc = parseDocument(`synthetic/${i}.txt`, Buffer.from(text));
    await writeDocument(store, doc, splitSentences(doc.body), x(String(i)));
    if (i % 1000 === 0) process.stderr.write(`\rbuilding ${i}/${documents}`);
  }
  process.stderr.write('\n');
  await store.close();
}

/** Builds in a child process, so the build's memory is not counted as the bot's. */
function buildInChild(file: string, documents: number): void {
  const r = spawnSync(
    process.execPath,
    [...process.execArgv, process.argv[1], 'commands', '--build', file, String(documents)],
    {
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) throw new Error(`building the bench store failed (${r.status})`);
}

/** The same store in PostgreSQL: a database of its own per size, imported once from the SQLite file. */
async function postgresCopy(file: string, documents: number): Promise<{ store: Store; raw: Raw }> {
  const admin = process.env.PARLEY_BENCH_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/postgres';
  const name = `parley_bench_${documents}`;
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const a = new pg.Client({ connectionString: admin });
  await a.connect();
  const exists = (await a.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount;
  if (!exists) await a.query(`CREATE DATABASE ${name}`);
  await a.end();
  const store = await openPostgresStore(url.toString());
  if ((await store.count('documents')) < documents) {
    process.stderr.write(`importing ${documents} documents into PostgreSQL…\n`);
    const sqlite = new Database(file, { readonly: true });
    await store.pool.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    await migrate(store.pool);
    await importSqlite(sqlite, store.pool);
    await store.pool.query('VACUUM ANALYZE');
    sqlite.close();
  }
  const sql = 'SELECT e.id, e.name FROM aliases a JOIN entities e ON e.id = a.entity_id WHERE a.alias_key = $1';
  return { store, raw: async () => (await store.pool.query(sql, ['rubio'])).rows };
}

type Raw = () => Promise<unknown>;

function sqliteRaw(file: string): Raw {
  const db = new Database(file, { readonly: true });
  const raw = db.prepare(
    'SELECT e.id, e.name FROM aliases a JOIN entities e ON e.id = a.entity_id WHERE a.alias_key = ?',
  );
  return async () => raw.all('rubio');
}

const CASES: [string, (b: Briefing) => Promise<unknown>][] = [
  ['/who', (b) => b.who()],
  ['/who name:Rubio', (b) => b.who('Rubio')],
  ['/who name:nobody', (b) => b.who('Xyzzyx')],
  ['/where', (b) => b.where()],
  ['/where place:Geneva', (b) => b.where('Geneva')],
  ['/what', (b) => b.what()],
  ['/what proposal:peace plan', (b) => b.what('peace plan')],
  ['/quote speaker:Stefanishyna', (b) => b.quotes('Stefanishyna')],
  ['/quote about:peace', (b) => b.quotes(undefined, 'peace')],
  ['/timeline', (b) => b.timeline()],
  ['/ask', (b) => b.ask('Who met whom in Miami?')],
  ['/brief', (b) => b.brief()],
  ['/sources', (b) => b.sources()],
  ['autocomplete who "ru"', (b) => b.suggest('person', 'ru')],
];

async function time(fn: () => Promise<unknown>, runs: number): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < 5; i++) await fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await fn();
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  return { p50: t[Math.floor(runs * 0.5)], p99: t[Math.min(runs - 1, Math.floor(runs * 0.99))] };
}

function benchUrl(database: string): string {
  const url = new URL(process.env.PARLEY_BENCH_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/postgres');
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs the real bot (npm start's entry, console mode) over the store, sends it every command, reads its VmHWM. */
async function botPeakMemory(env: Record<string, string>): Promise<number> {
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-bench-docs-'));
  const root = path.resolve(import.meta.dirname, '..');
  const bot = spawn(process.execPath, ['scripts/run-built.mjs', 'src/main', '--keep-running'], {
    cwd: root,
    env: { ...process.env, DISCORD_TOKEN: '', PARLEY_DOCUMENTS: empty, LOG_LEVEL: 'silent', ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  bot.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const lines = CASES.map(([n]) => n)
    .filter((n) => n.startsWith('/') && n !== '/ask')
    .concat('/ask question:Who met whom in Miami?');
  await sleep(3000);
  for (let round = 0; round < 5; round++) bot.stdin.write(`${lines.join('\n')}\n`);
  // Answered when the output has stopped growing for two seconds.
  for (let last = -1; last !== out.length;) {
    last = out.length;
    await sleep(2000);
  }
  const status = fs.readFileSync(`/proc/${bot.pid}/status`, 'utf8');
  bot.kill();
  fs.rmSync(empty, { recursive: true, force: true });
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

/**
 * `npm run bench -- commands [--db sqlite|postgres] [--docs N]`: every command's p50/p99 over a store of N documents
 * (and of one), beside a raw indexed lookup in the same database; the resident memory of this process, which
 * built nothing (the store is built in a child process and kept in the temp folder between runs).
 */
export async function benchCommands(): Promise<void> {
  const build = process.argv.indexOf('--build');
  if (build > 0) return buildStore(process.argv[build + 1], Number(process.argv[build + 2]));
  const db = option('db', 'sqlite');
  if (db !== 'sqlite' && db !== 'postgres') throw new Error('--db is sqlite or postgres');
  const dir = path.join(os.tmpdir(), 'parley-bench');
  if (process.env.BENCH_FRESH) fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const sizes = [1, Number(option('docs', process.env.BENCH_DOCUMENTS ?? '10000'))];
  for (const n of sizes) {
    const file = path.join(dir, `bench-${n}.db`);
    buildInChild(file, n);
    const { store, raw } =
      db === 'postgres' ? await postgresCopy(file, n) : { store: openSqliteStore(file), raw: sqliteRaw(file) };
    await runCases(store, raw, n, db);
  }
  const env: Record<string, string> =
    db === 'postgres' ? { PARLEY_DATABASE_URL: benchUrl(`parley_bench_${sizes[1]}`) } : {};
  const peak = await botPeakMemory({ PARLEY_DB: path.join(dir, `bench-${sizes[1]}.db`), ...env });
  console.log(
    `\nthe bot process (console mode, every command 5 times) over ${sizes[1]} documents: peak resident ` +
      `${peak} MB (${db})`,
  );
  if (db === 'postgres') await benchPostgresIngest();
}

async function runCases(store: Store, raw: Raw, n: number, db: string): Promise<void> {
  // The app main.ts composes; its scheduler is never started and posts nowhere.
  const app = await openApp({ store, log: createLogger('silent'), delivery: { deliver: async () => ({}) } });
  const { briefing } = app;
  const baseline = await time(raw, 2000);
  const runs = n > 1 ? 200 : 500;
  console.log(
    `\n${n} document(s), ${db}: baseline raw indexed lookup p50 ${baseline.p50.toFixed(3)} ms, p99 ` +
      `${baseline.p99.toFixed(3)} ms`,
  );
  console.log(
    'command'.padEnd(30),
    'p50 ms'.padStart(8),
    'p99 ms'.padStart(8),
    'p50 ×base'.padStart(10),
    'p99 ×base'.padStart(10),
  );
  for (const [name, fn] of CASES) {
    const r = await time(() => fn(briefing), runs);
    console.log(
      name.padEnd(30),
      r.p50.toFixed(2).padStart(8),
      r.p99.toFixed(2).padStart(8),
      (r.p50 / baseline.p50).toFixed(0).padStart(10),
      (r.p99 / baseline.p99).toFixed(0).padStart(10),
    );
  }
  await app.close();
  await store.close();
}

/** Documents per second written to PostgreSQL by one worker, then by two at once (each its own corpus and pool). */
async function benchPostgresIngest(): Promise<void> {
  const admin = process.env.PARLEY_BENCH_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/postgres';
  const url = new URL(admin);
  url.pathname = '/parley_bench_ingest';
  const a = new pg.Client({ connectionString: admin });
  await a.connect();
  await a.query('DROP DATABASE IF EXISTS parley_bench_ingest WITH (FORCE)');
  await a.query('CREATE DATABASE parley_bench_ingest');
  await a.end();
  const perWorker = 300;
  const worker = async (guild: string, offset: number) => {
    const store = (await openPostgresStore(url.toString())).as(guildReader(guild));
    for (let i = offset; i < offset + perWorker; i++) {
      const { text, x } = synthetic(i);
      const doc = parseDocument(`synthetic/${i}.txt`, Buffer.from(text));
      await writeDocument(store, doc, splitSentences(doc.body), x(String(i)));
    }
    await store.close();
  };
  let t = performance.now();
  await worker('1', 1);
  const one = perWorker / ((performance.now() - t) / 1000);
  t = performance.now();
  await Promise.all([worker('2', 1), worker('3', 1)]);
  const two = (2 * perWorker) / ((performance.now() - t) / 1000);
  console.log(
    `\ningest into PostgreSQL: 1 worker ${one.toFixed(0)} documents/s, 2 workers ${two.toFixed(0)} documents/s ` +
      `(${(two / one).toFixed(2)}×)`,
  );
}
