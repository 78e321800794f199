import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { openApp } from './app.ts';
import { ConfigError, loadConfig, webOptions, type Config } from './config.ts';
import { ingestPaths } from './ingest/ingest.ts';
import { createLogger } from './log.ts';
import { openStore, type Store } from './store/index.ts';

function config(): Config {
  try {
    return loadConfig();
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    process.stderr.write(`${e.message}\n`);
    process.exit(1);
  }
}

async function main(argv: string[]): Promise<void> {
  const cfg = config();
  const log = createLogger(cfg.LOG_LEVEL);
  const shards = cfg.DISCORD_TOKEN ? await import('./discord/shards.ts') : undefined;
  const shard = shards?.shardOfProcess();
  // A shard's manager has ingested the documents folder already.
  if (shard) return runDiscordMode(await openStore(cfg), cfg, log.child({ shard: shard.id }), true);
  const store = await openStore(cfg);
  await ingestDocumentsFolder(store, cfg, log);
  if (!shards) return runConsoleMode(store, cfg, log, argv.includes('--keep-running'));
  if (!cfg.PARLEY_SHARDS) return runDiscordMode(store, cfg, log, false);
  await store.close();
  await shards.runShards(cfg, log, { file: fileURLToPath(import.meta.url) });
}

async function ingestDocumentsFolder(store: Store, cfg: Config, log: Logger): Promise<void> {
  const outcomes = await ingestPaths(store, [cfg.PARLEY_DOCUMENTS]);
  for (const o of outcomes) {
    if (!o.ok) log.warn({ document: o.key, reason: o.reason }, o.skipped ? 'entry skipped' : 'document refused');
    else if (o.result.dropped.length)
      log.warn({ document: o.key, dropped: o.result.dropped }, 'facts left out of the store');
  }
  const level = cfg.DISCORD_TOKEN ? 'info' : 'debug'; // the console banner already says what the store holds
  log[level]({ documents: outcomes.length, failed: outcomes.filter((o) => !o.ok).length }, 'documents folder ingested');
}

function onSignals(shutdown: (signal: string) => Promise<void>): void {
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

async function runConsoleMode(store: Store, cfg: Config, log: Logger, keepRunning: boolean): Promise<void> {
  const { consoleDelivery, consoleNotify, isConsoleSubscription } = await import('./console/delivery.ts');
  const { runConsole } = await import('./console/console.ts');
  const app = await openApp({
    store,
    log,
    timeZone: cfg.PARLEY_TIMEZONE,
    delivery: { deliver: consoleDelivery(), accepts: isConsoleSubscription },
    web: webOptions(cfg),
    notify: consoleNotify(),
  });
  onSignals(async (signal) => {
    log.info({ signal }, 'shutting down');
    await app.close();
    process.exit(0);
  });
  await app.scheduler.start();
  app.poller?.start();
  await runConsole(app);
  // --keep-running: after piped input ends, stay up so console digests post on their schedule.
  if (!keepRunning) await app.close();
}

async function runDiscordMode(store: Store, cfg: Config, log: Logger, isShard: boolean): Promise<void> {
  const [{ startDiscord }, { discordDelivery, notifyAdmins, notifyDisabled }, { isConsoleSubscription }] =
    await Promise.all([
      import('./discord/client.ts'),
      import('./discord/digest-delivery.ts'),
      import('./console/delivery.ts'),
    ]);
  // The closures run only once the scheduler starts, after the client exists.
  const app = await openApp({
    store,
    log,
    timeZone: cfg.PARLEY_TIMEZONE,
    delivery: {
      deliver: discordDelivery(() => client),
      onDisabled: notifyDisabled(() => client),
      accepts: (sub) => !isConsoleSubscription(sub),
    },
    web: webOptions(cfg),
    notify: notifyAdmins(() => client),
  });
  const bot = await startDiscord({ config: cfg, ...app, restApi: cfg.PARLEY_DISCORD_API });
  const client = bot.client;
  const shutdown = async (signal: string) => {
    log.info({ signal }, 'shutting down');
    await bot.stop();
    await app.close();
    process.exit(0);
  };
  onSignals(shutdown);
  // The IPC channel to a shard's manager closes when the manager dies: stop rather than run on unsupervised.
  if (isShard) process.once('disconnect', () => void shutdown('manager gone'));
  await app.scheduler.start();
  app.poller?.start();
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`parley failed to start: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
