import { ConfigError, loadConfig, type Config } from './config.ts';
import { extractionSchema, type Extraction } from './extract/contract.ts';
import { extractFile } from './extract/from-file.ts';
import { ingestPaths, type IngestOutcome } from './ingest/ingest.ts';
import { openStore } from './store/index.ts';

const USAGE = `usage: npm run cli -- <command>
  ingest [PATH...]          ingest documents (default: the documents folder)
  extract FILE [--json]     print what is extracted from one document
  stats                     what the store holds
  conflicts                 dates on which sources disagree, with both citations
  digest [--since ISO]      print a digest now: news since that time, or the story so far
  run "/who name:Keller" [--json]   run one slash command against the store (--json: the Discord payload)`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const args = rest.filter((a, i) => !a.startsWith('--') && rest[i - 1] !== '--since');
  const flags = new Set(rest.filter((a) => a.startsWith('--')));
  switch (command) {
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${USAGE}\n`);
      return 0;
    case 'extract': {
      if (!args[0]) throw new UsageError('extract needs a FILE');
      const out = extractionSchema.parse(extractFile(args[0]));
      process.stdout.write(flags.has('--json') ? `${JSON.stringify(out, null, 2)}\n` : summarise(out));
      return 0;
    }
    case 'ingest': {
      const config = loadConfig();
      const store = openStore(config.PARLEY_DB);
      try {
        const outcomes = await ingestPaths(store, args.length ? args : [config.PARLEY_DOCUMENTS], progress);
        for (const o of outcomes) process.stdout.write(`${describe(o)}\n`);
        const failed = outcomes.filter((o) => !o.ok && !o.skipped).length;
        const skipped = outcomes.filter((o) => !o.ok && o.skipped).length;
        process.stdout.write(
          `${outcomes.length - failed - skipped} ingested or unchanged, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`,
        );
        return failed ? 1 : 0;
      } finally {
        await store.close();
      }
    }
    case 'stats':
      return withStore(loadConfig(), async (store) => {
        const s = await store.stats();
        const width = Math.max(...Object.keys(s).map((k) => k.length));
        for (const [k, v] of Object.entries(s)) process.stdout.write(`${k.padEnd(width)}  ${v}\n`);
        for (const d of await store.documents())
          process.stdout.write(`  ${d.title} — ${d.sentences} sentences (${d.key})\n`);
      });
    case 'conflicts':
      return withStore(loadConfig(), async (store) => {
        const list = await store.conflicts();
        if (!list.length) process.stdout.write('no disagreements between sources\n');
        for (const c of list) {
          process.stdout.write(`${c.label}\n`);
          for (const s of [...c.flagged, ...c.others])
            process.stdout.write(`  ${s.text ?? '?'} (${s.iso}) — ${s.ref.document}: “${s.ref.sentence}”\n`);
        }
      });
    case 'digest':
      return withStore(loadConfig(), async (store) => {
        const at = rest.indexOf('--since');
        let lastDocumentId: number | null = null;
        if (at >= 0) {
          const since = new Date(rest[at + 1] ?? '');
          if (Number.isNaN(since.getTime()))
            throw new UsageError('--since needs an ISO date or time, e.g. 2025-11-23T08:00Z');
          const docs = await store.documents();
          lastDocumentId = Math.max(0, ...docs.filter((d) => new Date(d.ingestedAt) <= since).map((d) => d.id));
        }
        const { composeDigest } = await import('./digest/compose.ts');
        const { toText } = await import('./present/text.ts');
        const digest = await composeDigest(store, {
          lastDocumentId,
          lastPostedAt: at >= 0 ? new Date(rest[at + 1]).toISOString() : null,
          postWhenEmpty: true,
        });
        process.stdout.write(`${digest.answer ? toText(digest.answer) : 'nothing to report'}\n`);
      });
    case 'run':
      return withStore(loadConfig(), async (store) => {
        if (!args.length) throw new UsageError('run needs a command line, e.g. run "/who name:Keller"');
        const [
          { runLine },
          { loadCommands },
          { Briefing },
          { DigestScheduler },
          { DigestService },
          { consoleDelivery, isConsoleSubscription },
          { createLogger },
        ] = await Promise.all([
          import('./console/run-line.ts'),
          import('./load-commands.ts'),
          import('./briefing/briefing.ts'),
          import('./digest/scheduler.ts'),
          import('./digest/service.ts'),
          import('./console/delivery.ts'),
          import('./log.ts'),
        ]);
        if (!(await store.stats()).documents)
          process.stderr.write('the store is empty: run `npm run cli -- ingest` first\n');
        const config = loadConfig();
        const log = createLogger(config.LOG_LEVEL);
        // One command, no schedule: the scheduler is built (for /digest now) but never started.
        const scheduler = new DigestScheduler({
          store,
          log,
          deliver: consoleDelivery(),
          accepts: isConsoleSubscription,
        });
        const digests = new DigestService(store, scheduler, config.PARLEY_TIMEZONE);
        const answer = await runLine(args.join(' '), {
          commands: await loadCommands(),
          briefing: new Briefing(store),
          digests,
          log,
        });
        if (flags.has('--json')) {
          const { toDiscordMessage } = await import('./present/discord/embed.ts');
          process.stdout.write(`${JSON.stringify(toDiscordMessage(answer), null, 2)}\n`);
        } else {
          const { toText } = await import('./present/text.ts');
          process.stdout.write(`${toText(answer)}\n`);
        }
        if (answer.kind === 'error') process.exitCode = 1;
      });
    default:
      throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  }
}

async function withStore(config: Config, fn: (store: ReturnType<typeof openStore>) => Promise<void>): Promise<number> {
  const store = openStore(config.PARLEY_DB);
  try {
    await fn(store);
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
  return `${r.status.padEnd(10)} ${o.key}: new people ${a.people.length}, places ${a.places.length}, organizations ${a.organizations.length}, proposals ${a.proposals.length}${r.conflicts ? `, ${r.conflicts} disputed event dates` : ''}${r.dropped.length ? `, ${r.dropped.length} facts left out` : ''}`;
}

function progress(done: number, total: number): void {
  if (total < 5) return;
  if (process.stderr.isTTY) process.stderr.write(`\ringesting ${done}/${total}${done === total ? '\n' : ''}`);
  else if (done % 100 === 0 || done === total) process.stderr.write(`ingested ${done}/${total}\n`);
}

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

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    if (err instanceof UsageError) process.stderr.write(`${err.message}\n${USAGE}\n`);
    else if (err instanceof ConfigError) process.stderr.write(`${err.message}\n`);
    else process.stderr.write(`error: ${(err as Error).message}\n`);
    process.exitCode = err instanceof UsageError ? 2 : 1;
  },
);
