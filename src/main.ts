import { Briefing } from './briefing/briefing.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { runConsole } from './console/console.ts';
import { consoleDelivery, isConsoleSubscription } from './console/delivery.ts';
import { DigestScheduler } from './digest/scheduler.ts';
import { DigestService } from './digest/service.ts';
import { ingestPaths } from './ingest/ingest.ts';
import { loadCommands } from './load-commands.ts';
import { createLogger } from './log.ts';
import { openStore } from './store/index.ts';

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
  const store = openStore(cfg.PARLEY_DB);
  const outcomes = await ingestPaths(store, [cfg.PARLEY_DOCUMENTS]);
  for (const o of outcomes) {
    if (!o.ok) log.warn({ document: o.key, reason: o.reason }, o.skipped ? 'entry skipped' : 'document refused');
    else if (o.result.dropped.length)
      log.warn({ document: o.key, dropped: o.result.dropped }, 'facts left out of the store');
  }
  const level = cfg.DISCORD_TOKEN ? 'info' : 'debug'; // the console banner already says what the store holds
  log[level]({ documents: outcomes.length, failed: outcomes.filter((o) => !o.ok).length }, 'documents folder ingested');

  const briefing = new Briefing(store);
  const commands = await loadCommands();
  let stopDiscord: (() => Promise<void>) | undefined;
  let scheduler: DigestScheduler | undefined;
  const shutdown = async (signal: string) => {
    log.info({ signal }, 'shutting down');
    scheduler?.stop();
    await stopDiscord?.();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  if (!cfg.DISCORD_TOKEN) {
    scheduler = new DigestScheduler({ store, log, deliver: consoleDelivery(), accepts: isConsoleSubscription });
    const digests = new DigestService(store, scheduler, cfg.PARLEY_TIMEZONE);
    await scheduler.start();
    await runConsole({ commands, briefing, digests, log });
    // --keep-running: after piped input ends, stay up so console digests post on their schedule.
    if (argv.includes('--keep-running')) return;
    scheduler.stop();
    await store.close();
    return;
  }
  const [{ startDiscord }, { discordDelivery, notifyDisabled }] = await Promise.all([
    import('./discord/client.ts'),
    import('./discord/digest-delivery.ts'),
  ]);
  let client: import('discord.js').Client | undefined;
  scheduler = new DigestScheduler({
    store,
    log,
    deliver: discordDelivery(() => client),
    onDisabled: notifyDisabled(() => client),
    accepts: (sub) => !isConsoleSubscription(sub),
  });
  const bot = await startDiscord({
    config: cfg,
    commands,
    briefing,
    log,
    digests: new DigestService(store, scheduler, cfg.PARLEY_TIMEZONE),
  });
  client = bot.client;
  stopDiscord = bot.stop;
  await scheduler.start();
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`parley failed to start: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
