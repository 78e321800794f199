import type { Logger } from 'pino';
import { Briefing } from './briefing/briefing.ts';
import type { CommandModule } from './command.ts';
import { DigestScheduler, type SchedulerOptions } from './digest/scheduler.ts';
import { DigestService } from './digest/service.ts';
import { FeedPoller, type Notify } from './feeds/poller.ts';
import { WebService } from './feeds/service.ts';
import type { WebOptions } from './ingest/web.ts';
import { loadCommands } from './load-commands.ts';
import { openSqliteStore, type Store } from './store/index.ts';

/** Everything a transport (the console, Discord, the CLI, a test) runs commands and digests against. */
export interface App {
  store: Store;
  briefing: Briefing;
  scheduler: DigestScheduler;
  digests: DigestService;
  /** Links and feeds (/ingest url, /feed); absent over a store that keeps no feeds. */
  web?: WebService;
  /** Polls feeds once started (main.ts starts it beside the digest scheduler). */
  poller?: FeedPoller;
  commands: Map<string, CommandModule>;
  log: Logger;
  close(): Promise<void>;
}

export interface AppOptions {
  /** A SQLite file path, or an open store (tests that prepared one). */
  store: string | Store;
  log: Logger;
  timeZone?: string;
  /** How this process posts digests, and which subscriptions it posts (the transport decides both). */
  delivery: Pick<SchedulerOptions, 'deliver' | 'accepts' | 'onDisabled'> &
    Partial<Omit<SchedulerOptions, 'store' | 'log'>>;
  commands?: Map<string, CommandModule>;
  /** Fetch rules for links and feeds (PARLEY_ALLOW_PRIVATE_URLS → allowPrivate) and the feed interval. */
  web?: WebOptions & { feedIntervalMs?: number };
  /** How a server's admins are told a feed was disabled (the digest's disabled-notice path). */
  notify?: Notify;
}

const DEFAULT_FEED_INTERVAL_MS = 15 * 60_000;

function webOf(store: Store, options: AppOptions): { web?: WebService; poller?: FeedPoller } {
  const feeds = store.feedStore();
  const { feedIntervalMs = DEFAULT_FEED_INTERVAL_MS, ...fetch } = options.web ?? {};
  const poller = new FeedPoller({
    store,
    feeds,
    log: options.log,
    intervalMs: feedIntervalMs,
    fetch,
    notify: options.notify,
  });
  return { web: new WebService(store, feeds, poller, fetch), poller };
}

/** The one composition of store, briefing, digest scheduler and commands that main, the CLI and the tests use. */
export async function openApp(options: AppOptions): Promise<App> {
  const store = typeof options.store === 'string' ? openSqliteStore(options.store) : options.store;
  const { log } = options;
  const scheduler = new DigestScheduler({ store, log, ...options.delivery });
  const digests = new DigestService(store, scheduler, options.timeZone);
  const commands = options.commands ?? (await loadCommands());
  const { web, poller } = webOf(store, options);
  const close = async () => {
    scheduler.stop();
    await poller?.stop();
    await store.close();
  };
  return { store, briefing: new Briefing(store), scheduler, digests, web, poller, commands, log, close };
}
