import fs from 'node:fs';
import { ConfigError, loadConfig, webOptions, type Config } from './config.ts';
import type { Extraction } from './extract/contract.ts';
import { ingestPaths, type IngestOutcome } from './ingest/ingest.ts';
import { progressReporter } from './ingest/progress.ts';
import { guildOf, guildReader, SHARED, sharedReader, type Reader } from './store/corpus.ts';
import { openSqliteStore, openStore, type Store } from './store/index.ts';

const USAGE = `usage: npm run cli -- <command> [--guild ID]
  ingest [PATH|URL...]      ingest documents (default: the documents folder); a URL: the article, or a feed's items
  feed add [--guild ID] URL       follow a feed (checked once; polled from now on)
  feed list [--guild ID]          the feeds and their state
  feed remove [--guild ID] ID|URL stop following a feed
  feed poll [--all]         poll every feed that is due (--all: every active feed), ingest new items, exit
  extract FILE [--json]     print what is extracted from one document
  stats                     what the store holds
  conflicts                 dates on which sources disagree, with both citations
  digest [--since ISO]      print a digest now: news since that time, or the story so far
  run "/who name:NAME" [--json]   run one slash command against the store (--json: the Discord payload)
  migrate-to-postgres URL   copy the SQLite database (PARLEY_DB) into an empty PostgreSQL database at URL
--guild ID acts as that Discord server: its own corpus beside the shared one. Without it: the shared corpus.`;

class UsageError extends Error {}

interface Invocation {
  /** Arguments that are not flags (nor the value of --since). */
  args: string[];
  flags: Set<string>;
  /** The value after a flag that takes one, e.g. --since ISO. */
  value(flag: string): string | undefined;
  /** Whose corpora the command reads and writes: the server of --guild, else the shared corpus. */
  reader: Reader;
}

type CliCommand = (inv: Invocation) => Promise<number>;

/** Flags followed by a value, which is then not an argument. */
const VALUE_FLAGS = ['--since', '--guild'];

const CLI_COMMANDS: Record<string, CliCommand> = {
  help: async () => {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  },
  extract: runExtract,
  ingest: runIngest,
  feed: runFeed,
  stats: (inv) => withStore(loadConfig(), inv.reader, printStats),
  conflicts: (inv) => withStore(loadConfig(), inv.reader, printConflicts),
  digest: (inv) => withStore(loadConfig(), inv.reader, (store) => printDigest(store, inv.value('--since'))),
  run: (inv) => withStore(loadConfig(), inv.reader, (store) => runSlashCommand(store, inv)),
  'migrate-to-postgres': runMigrateToPostgres,
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const value = (flag: string) => (rest.includes(flag) ? rest[rest.indexOf(flag) + 1] : undefined);
  const guild = value('--guild');
  if (rest.includes('--guild') && !guild?.match(/^\d{1,25}$/)) throw new UsageError('--guild needs a server id');
  const inv: Invocation = {
    args: rest.filter((a, i) => !a.startsWith('--') && !VALUE_FLAGS.includes(rest[i - 1] ?? '')),
    flags: new Set(rest.filter((a) => a.startsWith('--'))),
    value,
    reader: guild ? guildReader(guild) : sharedReader,
  };
  const name = command === '--help' || command === '-h' ? 'help' : command;
  const run = name ? CLI_COMMANDS[name] : undefined;
  if (!run) throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  return run(inv);
}

async function runExtract({ args, flags }: Invocation): Promise<number> {
  if (!args[0]) throw new UsageError('extract needs a FILE');
  const [{ extractionSchema }, { extractFile }] = await Promise.all([
    import('./extract/contract.ts'),
    import('./extract/from-file.ts'),
  ]);
  const out = extractionSchema.parse(extractFile(args[0]));
  process.stdout.write(flags.has('--json') ? `${JSON.stringify(out, null, 2)}\n` : summarise(out));
  return 0;
}

/** Copies every table of the SQLite database into a new PostgreSQL one (migrated first), ids and all. */
async function runMigrateToPostgres({ args }: Invocation): Promise<number> {
  const [{ isPostgresUrl, openPool }, { migrate }, { importSqlite }] = await Promise.all([
    import('./store/postgres/pool.ts'),
    import('./store/postgres/migrate.ts'),
    import('./store/postgres/import-sqlite.ts'),
  ]);
  const url = args[0];
  if (!isPostgresUrl(url)) throw new UsageError('migrate-to-postgres needs a postgres:// URL');
  const config = loadConfig();
  if (!fs.existsSync(config.PARLEY_DB)) throw new UsageError(`there is no SQLite database at ${config.PARLEY_DB}`);
  const store = openSqliteStore(config.PARLEY_DB);
  const pool = openPool(url, 2);
  try {
    await migrate(pool);
    const { rows, skipped } = await importSqlite(store.db, pool);
    for (const [table, n] of Object.entries(rows)) process.stdout.write(`${table.padEnd(20)} ${n}\n`);
    if (skipped.length) process.stdout.write(`not copied (no such table in PostgreSQL yet): ${skipped.join(', ')}\n`);
    return 0;
  } finally {
    await pool.end();
    await store.close();
  }
}

const isUrl = (arg: string) => /^https?:\/\//i.test(arg);

async function runIngest({ args, reader }: Invocation): Promise<number> {
  const config = loadConfig();
  const paths = args.filter((a) => !isUrl(a));
  if (!args.length && !fs.existsSync(config.PARLEY_DOCUMENTS))
    throw new UsageError(`the documents folder ${config.PARLEY_DOCUMENTS} (PARLEY_DOCUMENTS) does not exist`);
  return withStore(config, reader, async (store) => {
    const outcomes = [
      ...(paths.length || !args.length
        ? await ingestPaths(store, paths.length ? paths : [config.PARLEY_DOCUMENTS], progress)
        : []),
      ...(await ingestUrls(store, config, args.filter(isUrl))),
    ];
    for (const o of outcomes) process.stdout.write(`${describe(o)}\n`);
    const failed = outcomes.filter((o) => !o.ok && !o.skipped).length;
    const skipped = outcomes.filter((o) => !o.ok && o.skipped).length;
    const ingested = outcomes.length - failed - skipped;
    process.stdout.write(
      `${ingested} ingested or unchanged, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`,
    );
    if (failed) process.exitCode = 1;
  });
}

/** The app the feed and link commands run in: console delivery, nothing scheduled or polled on its own. */
async function cliApp(store: Store, config: Config) {
  const [{ openApp }, { consoleDelivery, consoleNotify, isConsoleSubscription }, { createLogger }] = await Promise.all([
    import('./app.ts'),
    import('./console/delivery.ts'),
    import('./log.ts'),
  ]);
  return openApp({
    store,
    log: createLogger(config.LOG_LEVEL),
    timeZone: config.PARLEY_TIMEZONE,
    delivery: { deliver: consoleDelivery(), accepts: isConsoleSubscription },
    web: webOptions(config),
    notify: consoleNotify(),
  });
}

async function ingestUrls(store: Store, config: Config, urls: string[]): Promise<IngestOutcome[]> {
  if (!urls.length) return [];
  const [app, { ingestUrls: ingest }] = await Promise.all([cliApp(store, config), import('./feeds/cli.ts')]);
  if (!app.web) throw new Error('this store keeps no links');
  return ingest(app.web, urls);
}

async function runFeed(inv: Invocation): Promise<number> {
  const config = loadConfig();
  const guild = inv.value('--guild') ?? null;
  if (inv.flags.has('--guild') && !guild) throw new UsageError('--guild needs a server id');
  return withStore(config, inv.reader, async (store) => {
    const [app, { feedCommand }] = await Promise.all([cliApp(store, config), import('./feeds/cli.ts')]);
    process.exitCode = await feedCommand(app, { args: inv.args, flags: inv.flags, guild });
  });
}

/** What the corpus acted on holds (a server's own, without the shared one), and what else it reads. */
async function printStats(store: Store): Promise<void> {
  const own = store.reader.own ?? SHARED;
  const ownOnly = store.as({ own, corpora: [own] });
  const s = await ownOnly.stats();
  const width = Math.max(...Object.keys(s).map((k) => k.length));
  const guild = guildOf(store.reader);
  if (guild) process.stdout.write(`corpus of server ${guild}\n`);
  for (const [k, v] of Object.entries(s)) process.stdout.write(`${k.padEnd(width)}  ${v}\n`);
  for (const d of await ownOnly.documents())
    process.stdout.write(`  ${d.title} — ${d.sentences} sentences (${d.key})\n`);
  if (own !== SHARED) {
    const shared = (await store.as(sharedReader).stats()).documents;
    process.stdout.write(`it also reads ${shared} shared document${shared === 1 ? '' : 's'}\n`);
  }
}

async function printConflicts(store: Store): Promise<void> {
  const list = await store.conflicts();
  if (!list.length) process.stdout.write('no disagreements between sources\n');
  for (const c of list) {
    process.stdout.write(`${c.label}\n`);
    for (const s of [...c.flagged, ...c.others])
      process.stdout.write(`  ${s.text ?? '?'} (${s.iso}) — ${s.ref.document}: “${s.ref.sentence}”\n`);
  }
}

async function printDigest(store: Store, sinceText: string | undefined): Promise<void> {
  let lastDocumentId: number | null = null;
  let lastPostedAt: string | null = null;
  if (sinceText !== undefined) {
    const since = new Date(sinceText);
    if (Number.isNaN(since.getTime()))
      throw new UsageError('--since needs an ISO date or time, e.g. 2025-11-23T08:00Z');
    const docs = await store.documents();
    lastDocumentId = Math.max(0, ...docs.filter((d) => new Date(d.ingestedAt) <= since).map((d) => d.id));
    lastPostedAt = since.toISOString();
  }
  const [{ composeDigest }, { toText }] = await Promise.all([
    import('./digest/compose.ts'),
    import('./present/text.ts'),
  ]);
  const digest = await composeDigest(store, { lastDocumentId, lastPostedAt, postWhenEmpty: true });
  process.stdout.write(`${digest.answer ? toText(digest.answer) : 'nothing to report'}\n`);
}

async function runSlashCommand(store: Store, { args, flags }: Invocation): Promise<void> {
  if (!args.length) throw new UsageError('run needs a command line, e.g. run "/who name:…"');
  const { runLine } = await import('./console/run-line.ts');
  if (!(await store.stats()).documents) process.stderr.write('the store is empty: run `npm run cli -- ingest` first\n');
  // One command, no schedule: the scheduler is built (for /digest now) but never started.
  const app = await cliApp(store, loadConfig());
  // --guild: the command runs as in that server (its feeds, its digests), not only over its corpus
  const guildId = guildOf(store.reader);
  const answer = await runLine(args.join(' '), { ...app, reader: store.reader, guildId });
  if (flags.has('--json')) {
    const { toDiscordMessage } = await import('./present/discord/embed.ts');
    process.stdout.write(`${JSON.stringify(toDiscordMessage(answer), null, 2)}\n`);
  } else {
    const { toText } = await import('./present/text.ts');
    process.stdout.write(`${toText(answer)}\n`);
  }
  if (answer.kind === 'error') process.exitCode = 1;
}

async function withStore(config: Config, reader: Reader, fn: (store: Store) => Promise<void>): Promise<number> {
  const store = await openStore(config);
  try {
    await fn(store.as(reader));
    return Number(process.exitCode ?? 0);
  } finally {
    await store.close();
  }
}

function describe(o: IngestOutcome): string {
  if (!o.ok) return `${o.skipped ? 'skipped' : 'failed'}`.padEnd(10) + ` ${o.key}: ${o.reason}`;
  const r = o.result;
  if (r.status === 'unchanged')
    return `unchanged  ${o.key}${r.sameAs !== o.key ? ` (same content as ${r.sameAs})` : ''}`;
  const a = r.added;
  const counts = `new people ${a.people.length}, places ${a.places.length}, organizations ${a.organizations.length}`;
  const conflicts = r.conflicts ? `, ${r.conflicts} disputed event dates` : '';
  const dropped = r.dropped.length ? `, ${r.dropped.length} facts left out` : '';
  return `${r.status.padEnd(10)} ${o.key}: ${counts}, proposals ${a.proposals.length}${conflicts}${dropped}`;
}

const progress = progressReporter('ingested');

function summarise(x: Extraction): string {
  const lines = [x.document.title];
  lines.push(
    `people: ${x.people.map((p) => `${p.name}${p.roles.length ? ` (${p.roles.join(', ')})` : ''}`).join('; ')}`,
  );
  lines.push(`places: ${x.places.map((p) => p.name).join('; ')}`);
  lines.push(`organizations: ${x.organizations.map((p) => p.name).join('; ')}`);
  lines.push(`proposals: ${x.proposals.map((p) => p.name).join('; ')}`);
  lines.push(`quotes: ${x.quotes.length}, dates: ${x.dates.map((d) => d.text).join('; ')}`);
  return `${lines.join('\n')}\n`;
}

// A reader that stops early (`| head`) closes the pipe: that ends the command, it is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(0);
});

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    if (err instanceof UsageError) process.stderr.write(`${err.message}\n${USAGE}\n`);
    else if (err instanceof ConfigError) process.stderr.write(`${err.message}\n`);
    else process.stderr.write(`error: ${(err as Error).message}\n`);
    process.exitCode = err instanceof UsageError ? 2 : 1;
  },
);
