import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseDocument } from '../src/documents/document.ts';
import { ingestDocument } from '../src/ingest/ingest.ts';
import { openSqliteStore } from '../src/store/index.ts';

/** One developing story: the same cast, cities and proposals, one update a day. Everything here is invented. */
const UPDATES = 1000;
const WARM_UP = 30;
const START = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;

interface Person {
  title: string;
  first: string;
  last: string;
  side: 'Norvala' | 'Estmark' | 'Tessaly';
  she: boolean;
}

const CAST: Person[] = [
  { title: 'Fisheries Minister', first: 'Ingrid', last: 'Solvang', side: 'Norvala', she: true },
  { title: 'Deputy Envoy', first: 'Marit', last: 'Lundquist', side: 'Norvala', she: true },
  { title: 'Chief Negotiator', first: 'Arni', last: 'Haldorsen', side: 'Estmark', she: false },
  { title: 'Foreign Minister', first: 'Teodor', last: 'Vasko', side: 'Estmark', she: false },
  { title: 'Trade Commissioner', first: 'Odile', last: 'Ferrand', side: 'Tessaly', she: true },
  { title: 'Coast Guard Commander', first: 'Pell', last: 'Aransen', side: 'Norvala', she: false },
];
const ADJECTIVE: Record<Person['side'], string> = { Norvala: 'Norvalan', Estmark: 'Estmarker', Tessaly: 'Tessalian' };
const CITIES = ['Varnholm', 'Selvik', 'Tarrow', 'Kjelby'];
const SOURCES = ['Northline Wire', 'Coastal Dispatch', 'Meridian News'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

type Kind = 'talks' | 'meeting' | 'visit' | 'call' | 'vote' | 'signing';

/** mulberry32: a small deterministic PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = prng(20260101);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const chance = (p: number) => rand() < p;

function two(): [Person, Person] {
  const a = pick(CAST);
  let b = pick(CAST);
  while (b.side === a.side) b = pick(CAST);
  return [a, b];
}

interface Happening {
  day: number;
  kind: Kind;
  city: string;
  a: Person;
  b: Person;
}

/** What happened each day, fixed up front so later updates refer back to it consistently. */
const LOG: Happening[] = Array.from({ length: UPDATES }, (_, day) => {
  const r = rand();
  const kind: Kind =
    r < 0.35 ? 'talks' : r < 0.6 ? 'meeting' : r < 0.75 ? 'visit' : r < 0.9 ? 'call' : r < 0.95 ? 'vote' : 'signing';
  const [a, b] = two();
  return { day, kind, city: CITIES[(day * 7 + Math.floor(rand() * 3)) % CITIES.length], a, b };
});

const date = (day: number) => new Date(START + day * DAY);
const iso = (day: number) => date(day).toISOString().slice(0, 10);
const weekday = (day: number) => WEEKDAYS[date(day).getUTCDay()];
const monthDay = (day: number) => `${MONTHS[date(day).getUTCMonth()]} ${date(day).getUTCDate()}`;
const dateline = (day: number) => `${MONTHS[date(day).getUTCMonth()].slice(0, 3)} ${date(day).getUTCDate()}`;
const full = (p: Person) => `${p.title} ${p.first} ${p.last}`;
const described = (p: Person) => `${ADJECTIVE[p.side]} ${p.title.toLowerCase()} ${p.first} ${p.last}`;

/** Two proposals whose status moves on in phases; the quota offer's figure changes when it is revised. */
const QUOTA_STEPS = ['proposed', 'under discussion', 'rejected', 'revised', 'under discussion', 'accepted'] as const;
const PATROL_STEPS = ['proposed', 'under discussion', 'stalled', 'under discussion', 'signed'] as const;

/** "a 14%", "an 18%", "an 11%". */
const article = (share: number) => (/^(8|11|18)/.test(String(share)) ? 'an' : 'a');

function quotaAt(day: number): { name: string; status: (typeof QUOTA_STEPS)[number] } {
  const cycle = Math.floor(day / 180);
  const share = 14 + 2 * (cycle % 4);
  const step = QUOTA_STEPS[Math.floor((day % 180) / 30)];
  const figure = step === 'revised' ? share + 1 : share;
  return { name: `${article(figure)} ${figure}% quota share offer`, status: step };
}

function patrolAt(day: number): (typeof PATROL_STEPS)[number] {
  return PATROL_STEPS[Math.floor((day % 250) / 50)];
}

function lead(h: Happening, source: string): string {
  const where = `${h.city.toUpperCase()}, ${dateline(h.day)} (${source}) —`;
  const on = `on ${weekday(h.day)}`;
  switch (h.kind) {
    case 'talks':
      return pick([
        `${where} ${full(h.a)} held talks with ${described(h.b)} in ${h.city} ${on} on the disputed northern cod ` +
          `stock.`,
        `${where} Negotiators led by ${full(h.a)} and ${full(h.b)} resumed talks in ${h.city} ${on}, officials said.`,
        `${where} ${full(h.a)} and ${described(h.b)} opened a new round of fisheries talks in ${h.city} ${on}.`,
      ]);
    case 'meeting':
      return pick([
        `${where} ${full(h.a)} met ${described(h.b)} in ${h.city} ${on}.`,
        `${where} ${full(h.a)} met ${full(h.b)} behind closed doors in ${h.city} ${on}, according to two officials.`,
      ]);
    case 'visit':
      return pick([
        `${where} ${full(h.a)} arrived in ${h.city} ${on} for a two-day visit.`,
        `${where} ${full(h.a)} visited the harbour in ${h.city} ${on} and met local fishing crews.`,
      ]);
    case 'call':
      return pick([
        `${where} ${full(h.a)} spoke by phone with ${described(h.b)} ${on}, ${h.a.she ? 'her' : 'his'} office said.`,
        `${where} ${full(h.a)} and ${full(h.b)} held a phone call ${on} to keep the talks on track.`,
      ]);
    case 'vote':
      return (
        `${where} Lawmakers in ${h.city} voted ${50 + Math.floor(rand() * 40)} to ` +
        `${20 + Math.floor(rand() * 30)} ${on} to back the ${ADJECTIVE[h.a.side]} negotiating mandate.`
      );
    case 'signing':
      return pick([
        `${where} ${full(h.a)} and ${full(h.b)} signed a memorandum on data sharing in ${h.city} ${on}.`,
        `${where} ${full(h.a)} and ${described(h.b)} signed a joint statement on catch monitoring in ${h.city} ${on}.`,
      ]);
  }
}

const NOUN: Record<Kind, string> = {
  talks: 'talks',
  meeting: 'meeting',
  visit: 'visit',
  call: 'phone call',
  vote: 'vote',
  signing: 'signing',
};
/** The kinds at which both people of a happening were in the same room. */
const MET = new Set<Kind>(['talks', 'meeting', 'signing']);

function followUp(h: Happening): string {
  const prev = LOG[h.day - 1];
  if (!prev) return 'The talks are the first since the two governments suspended joint patrols last autumn.';
  if (chance(0.6)) {
    return pick([
      `The ${NOUN[h.kind]} ${h.kind === 'talks' ? 'follow' : 'follows'} ${weekday(prev.day)}'s ` +
        `${NOUN[prev.kind]} in ${prev.city}.`,
      `It came a day after the ${NOUN[prev.kind]} in ${prev.city}.`,
    ]);
  }
  // The last time two people actually met, as the log has it.
  let back = LOG[Math.max(0, h.day - 2 - Math.floor(rand() * 8))];
  while (back.day > 0 && !MET.has(back.kind)) back = LOG[back.day - 1];
  if (!MET.has(back.kind))
    return `${weekday(prev.day)}'s ${NOUN[prev.kind]} in ${prev.city} ended without a statement.`;
  return `${back.a.last} and ${back.b.last} last met in ${back.city} on ${monthDay(back.day)}.`;
}

function proposalSentence(day: number): string {
  const q = quotaAt(day);
  const Q = q.name.replace(/^an? /, 'The ');
  switch (q.status) {
    case 'proposed':
      return pick([
        `Estmark has proposed ${q.name} for the northern cod stock.`,
        `Estmark put forward ${q.name} earlier this month.`,
      ]);
    case 'under discussion':
      return pick([
        `${Q} remained under discussion, officials said.`,
        `Both sides are still discussing ${q.name}, according to a senior official.`,
      ]);
    case 'rejected':
      return pick([`Norvala rejected ${q.name}, calling it insufficient.`, `${Q} was rejected by Norvala last week.`]);
    case 'revised':
      return `Estmark tabled ${q.name}, revising its earlier figure.`;
    case 'accepted':
      return pick([
        `Norvala accepted ${q.name} in principle, pending a vote in parliament.`,
        `${Q} has been accepted by both delegations, officials said.`,
      ]);
  }
}

function patrolSentence(day: number): string {
  switch (patrolAt(day)) {
    case 'proposed':
      return 'Norvala proposed a joint patrol framework for the disputed waters.';
    case 'under discussion':
      return 'The joint patrol framework is under discussion, a spokesperson said.';
    case 'stalled':
      return 'Talks on the joint patrol framework have stalled over who would command the vessels.';
    case 'signed':
      return 'The joint patrol framework was signed by both governments last month.';
  }
}

const LINES = [
  'We are not there yet',
  'There is still a gap between us',
  'We made real progress today',
  'Our fishermen need certainty before the season opens',
  'Nothing is agreed until everything is agreed',
  'The door remains open',
  'We will not accept a deal that empties our harbours',
];

/** A quote from someone who was there (a visit or a vote has one person), never the same line twice in an update. */
function quote(h: Happening, used: Set<string>): string {
  const who = h.kind === 'visit' || h.kind === 'vote' || chance(0.7) ? h.a : h.b;
  let line = pick(LINES);
  while (used.has(line)) line = pick(LINES);
  used.add(line);
  return pick([
    `"${line}," ${who.last} told reporters.`,
    `"${line}," ${who.last} said after the ${NOUN[h.kind]}.`,
    `${who.last} said: "${line}."`,
  ]);
}

/**
 * What comes next, as the log has it: a meeting announced is the one that takes place, on that day and in that city.
 */
function ahead(h: Happening): string {
  const next = LOG.slice(h.day + 1, h.day + 5).find((n) => MET.has(n.kind));
  if (!next) return `${pick(CAST).last} is due to travel to ${pick(CITIES)} next week.`;
  return pick([
    `The delegations are expected to meet again in ${next.city} on ${weekday(next.day)}.`,
    `${next.a.last} and ${next.b.last} are due to meet in ${next.city} on ${weekday(next.day)}.`,
    `A further round is planned in ${next.city} on ${monthDay(next.day)}.`,
  ]);
}

const BACKGROUND = [
  'The dispute over the northern cod stock has strained relations between the two neighbours since last spring.',
  'Fishing crews in both countries have held protests over falling catches.',
  'Scientists have warned that the stock could collapse without a shared limit.',
  'The Tessalian commission has offered to host technical talks on catch data.',
  'Neither government has published the draft text.',
];

function detail(h: Happening): string {
  let other = pick(CAST);
  while (other === h.a || other === h.b) other = pick(CAST);
  return pick([
    `${other.last} said the two sides had narrowed their differences on monitoring.`,
    `${full(other)} was also present, ${pick(['officials said', 'according to a statement', 'the ministry said'])}.`,
    `${h.a.last} did not take questions after the ${NOUN[h.kind]}.`,
    `A spokesperson for ${h.b.last} declined to comment.`,
  ]);
}

function title(h: Happening): string {
  const q = quotaAt(h.day);
  return pick([
    h.kind === 'visit' || h.kind === 'vote'
      ? `${h.a.last} in ${h.city} as quota talks go on`
      : `${h.a.last} and ${h.b.last} hold ${NOUN[h.kind]} in ${h.city}`,
    `Quota offer ${q.status} as talks continue in ${h.city}`,
    `Fisheries dispute: ${NOUN[h.kind]} in ${h.city}`,
  ]);
}

/** The full text of update `day`: front matter and 6–10 sentences. */
function update(day: number): string {
  const h = LOG[day];
  const source = SOURCES[day % SOURCES.length];
  const used = new Set<string>();
  const sentences = [lead(h, source), followUp(h), proposalSentence(day), quote(h, used)];
  const extras = [
    () => patrolSentence(day),
    () => quote(h, used),
    () => ahead(h),
    () => detail(h),
    () => pick(BACKGROUND),
    () => detail(h),
  ];
  const want = 6 + Math.floor(rand() * 5) - sentences.length;
  for (let i = 0; i < want; i++) sentences.push(extras[i]());
  return `---\ntitle: "${title(h)}"\nsource: ${source}\npublished: ${iso(day)}\n---\n${sentences.join(' ')}\n`;
}

/**
 * The stage marks, by the name of the stage that ends there: parse; 'document' is ingestDocument up to the
 * document row (mostly extraction); the store's own stages ('dates' also stores the events and their disputes);
 * then the commit.
 */
const STAGES = ['parse', 'document', 'sentences', 'entities', 'proposals', 'quotes', 'dates', 'commit'];
const STAGE_LABELS: Record<string, string> = { document: 'extract', dates: 'dates+events' };
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * 1,000 daily updates of one story through the real path (parse, extract, store) into a fresh SQLite file.
 * Prints refusals, per-document time early against late (same process), and how much the store grows.
 */
export async function benchIngest(): Promise<void> {
  const texts = Array.from({ length: UPDATES }, (_, day) => update(day));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-ingest-'));
  const file = path.join(dir, 'ingest.db');
  // Warm up (JIT, lexicons, SQLite) on a throwaway store, so the first 100 are not charged for start-up.
  const warm = openSqliteStore(path.join(dir, 'warm-up.db'));
  for (const [day, text] of texts.slice(0, WARM_UP).entries())
    await ingestDocument(warm, parseDocument(`warm-up/${day}.txt`, Buffer.from(text)));
  await warm.close();
  for (const f of fs.readdirSync(dir)) if (f.startsWith('warm-up.db')) fs.rmSync(path.join(dir, f));
  const store = openSqliteStore(file);
  const times: number[] = [];
  // Where the time goes, per document: the store's stage hook marks the end of each stage, the call's end the commit.
  const stages: Record<string, number>[] = [];
  const refused: string[] = [];
  const t0 = performance.now();
  for (const [day, text] of texts.entries()) {
    const key = `ingest-bench/update-${String(day).padStart(4, '0')}.txt`;
    const s = performance.now();
    const marks: Record<string, number> = {};
    let at = s;
    const mark = (stage: string) => {
      const now = performance.now();
      marks[stage] = now - at;
      at = now;
    };
    try {
      const doc = parseDocument(key, Buffer.from(text));
      mark('parse');
      const r = await ingestDocument(store, doc, mark);
      mark('commit');
      // Every update is new text under a new key: anything but 'new' means it was not taken in as itself.
      if (r.status !== 'new') refused.push(`${key}: ${r.status}${r.sameAs ? ` (same as ${r.sameAs})` : ''}`);
    } catch (e) {
      refused.push(`${key}: ${(e as Error).message}`);
    }
    times.push(performance.now() - s);
    stages.push(marks);
    if ((day + 1) % 100 === 0) process.stderr.write(`\ringesting ${day + 1}/${UPDATES}`);
  }
  const totalMs = performance.now() - t0;
  process.stderr.write('\n');
  const st = await store.stats();
  const people = store.db
    .prepare("SELECT name FROM entities WHERE kind = 'person' ORDER BY name")
    .pluck()
    .all() as string[];
  const places = store.db
    .prepare("SELECT name FROM entities WHERE kind = 'place' ORDER BY name")
    .pluck()
    .all() as string[];
  // Rows by name: one proposal extracted again and again under the same name shows as "name ×N".
  const proposals = (
    store.db.prepare('SELECT name, count(*) AS n FROM proposals GROUP BY name ORDER BY n DESC, name').all() as {
      name: string;
      n: number;
    }[]
  ).map((r) => (r.n > 1 ? `${r.name} ×${r.n}` : r.name));
  await store.close();
  const bytes = fs.readdirSync(dir).reduce((s, f) => s + fs.statSync(path.join(dir, f)).size, 0);
  fs.rmSync(dir, { recursive: true, force: true });

  const first = mean(times.slice(0, 100));
  const last = mean(times.slice(-100));
  const growth = last / first;
  const perEvent = st.events ? st.conflicts / st.events : 0;
  const avgChars = texts.reduce((s, t) => s + t.length, 0) / texts.length;
  const list = (xs: string[], n: number) =>
    `${xs.slice(0, n).join(', ')}${xs.length > n ? `, … (${xs.length - n} more)` : ''}`;
  console.log(
    `ingest bench: ${UPDATES} daily updates of one story (${avgChars.toFixed(0)} chars each on average), ` +
      `fresh store, after ${WARM_UP} warm-up updates on a throwaway store`,
  );
  console.log(`  documents refused          ${refused.length}`);
  for (const r of refused.slice(0, 5)) console.log(`    ${r}`);
  console.log(`  ms/document, first 100     ${first.toFixed(2)} (median ${median(times.slice(0, 100)).toFixed(2)})`);
  console.log(`  ms/document, last 100      ${last.toFixed(2)} (median ${median(times.slice(-100)).toFixed(2)})`);
  console.log(
    `  ratio last / first         ${growth.toFixed(2)}× (aim ≤ 1.5×; medians ` +
      `${(median(times.slice(-100)) / median(times.slice(0, 100))).toFixed(2)}×)`,
  );
  const hundreds = Array.from({ length: UPDATES / 100 }, (_, k) =>
    mean(times.slice(k * 100, k * 100 + 100)).toFixed(1),
  );
  console.log(`  ms/document by hundred     ${hundreds.join(' ')}`);
  const stageMean = (rows: Record<string, number>[], k: string) => mean(rows.map((m) => m[k] ?? 0));
  console.log(`  ms/document by stage     ${STAGES.map((k) => (STAGE_LABELS[k] ?? k).padStart(13)).join('')}`);
  for (const [label, rows] of [
    ['first 100', stages.slice(0, 100)],
    ['last 100', stages.slice(-100)],
  ] as const) {
    console.log(`    ${label.padEnd(21)}${STAGES.map((k) => stageMean(rows, k).toFixed(2).padStart(13)).join('')}`);
  }
  console.log(`  ms/document, overall       ${(totalMs / UPDATES).toFixed(2)}`);
  console.log(
    `  documents ${st.documents}, people ${st.people}, places ${st.places}, proposals ${st.proposals}, quotes ` +
      `${st.quotes}, dates ${st.dates}`,
  );
  console.log(`  events ${st.events}, conflicts ${st.conflicts}, conflicts / events ${perEvent.toFixed(3)} (aim ≤ 1)`);
  console.log(
    `  database size              ${(bytes / 1048576).toFixed(2)} MB (${(bytes / UPDATES / 1024).toFixed(1)} ` +
      `KB/document)`,
  );
  console.log(`  people: ${list(people, 12)}`);
  console.log(`  places: ${list(places, 12)}`);
  console.log(`  proposals: ${list(proposals, 12)}`);
  if (refused.length) console.log(`target missed: ${refused.length} document(s) refused (aim 0)`);
  if (growth > 1.5) console.log(`target missed: last/first ms per document ${growth.toFixed(2)}× (aim ≤ 1.5×)`);
  if (st.conflicts > st.events)
    console.log(`target missed: ${st.conflicts} conflict rows for ${st.events} events (aim rows ≤ events)`);
}
