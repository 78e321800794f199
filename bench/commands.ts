import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openApp } from '../src/app.ts';
import type { Briefing } from '../src/briefing/briefing.ts';
import { parseDocument } from '../src/documents/document.ts';
import type { Extraction } from '../src/extract/contract.ts';
import { ingestDocument } from '../src/ingest/ingest.ts';
import { writeDocument } from '../src/ingest/write-document.ts';
import { createLogger } from '../src/log.ts';
import { openSqliteStore } from '../src/store/index.ts';
import type { SqliteStore } from '../src/store/sqlite-store.ts';
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

async function buildStore(file: string, documents: number): Promise<SqliteStore> {
  const store = openSqliteStore(file);
  if ((await store.stats()).documents >= documents) return store;
  const seed = path.resolve(import.meta.dirname, '../data/documents/000_f508cbc51fa2a6d2.txt');
  await ingestDocument(store, parseDocument(seed, fs.readFileSync(seed)));
  for (let i = 1; i < documents; i++) {
    const { text, x } = synthetic(i);
    const doc = parseDocument(`synthetic/${i}.txt`, Buffer.from(text));
    await writeDocument(store, doc, splitSentences(doc.body), x(String(i)));
    if (i % 1000 === 0) process.stderr.write(`\rbuilding ${i}/${documents}`);
  }
  process.stderr.write('\n');
  return store;
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

export async function benchCommands(): Promise<void> {
  // The generated store is kept between runs (it takes minutes to build); BENCH_FRESH=1 rebuilds it.
  const dir = path.join(os.tmpdir(), 'parley-bench');
  if (process.env.BENCH_FRESH) fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const sizes = [1, Number(process.env.BENCH_DOCUMENTS ?? 10_000)];
  for (const n of sizes) {
    const store = await buildStore(path.join(dir, `bench-${n}.db`), n);
    // The app main.ts composes; its scheduler is never started and posts nowhere.
    const app = await openApp({ store, log: createLogger('silent'), delivery: { deliver: async () => ({}) } });
    const { briefing } = app;
    const raw = store.db.prepare(
      'SELECT e.id, e.name FROM aliases a JOIN entities e ON e.id = a.entity_id WHERE a.alias_key = ?',
    );
    const baseline = await time(async () => raw.all('rubio'), 2000);
    const runs = n > 1 ? 200 : 500;
    console.log(
      `\n${n} document(s): baseline raw indexed SQL lookup p50 ${baseline.p50.toFixed(3)} ms, p99 ` +
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
  }
  console.log(`\nresident memory ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`);
}
