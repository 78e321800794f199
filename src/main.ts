import { Briefing } from './briefing/briefing.ts';
import { ConfigError, loadConfig } from './config.ts';
import { runConsole } from './console/console.ts';
import { ingestPaths } from './ingest/ingest.ts';
import { loadCommands } from './load-commands.ts';
import { createLogger } from './log.ts';
import { openStore } from './store/index.ts';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  const log = createLogger(config.LOG_LEVEL);
  const store = openStore(config.PARLEY_DB);
  const outcomes = await ingestPaths(store, [config.PARLEY_DOCUMENTS]);
  for (const o of outcomes) if (!o.ok) log.warn({ document: o.key, reason: o.reason }, 'document skipped');
  log.info({ documents: outcomes.length, failed: outcomes.filter((o) => !o.ok).length }, 'documents folder ingested');

  const briefing = new Briefing(store);
  const commands = await loadCommands();
  let stopDiscord: (() => Promise<void>) | undefined;
  const shutdown = async (signal: string) => {
    log.info({ signal }, 'shutting down');
    await stopDiscord?.();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  if (!config.DISCORD_TOKEN) {
    await runConsole({ commands, briefing, log });
    await store.close();
    return;
  }
  const { startDiscord } = await import('./discord/client.ts');
  const bot = await startDiscord({ config, commands, briefing, log });
  stopDiscord = bot.stop;
}

main().catch((e: unknown) => {
  process.stderr.write(`parley failed to start: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
