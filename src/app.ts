import type { Logger } from 'pino';
import { Briefing } from './briefing/briefing.ts';
import type { CommandModule } from './command.ts';
import { DigestScheduler, type SchedulerOptions } from './digest/scheduler.ts';
import { DigestService } from './digest/service.ts';
import { loadCommands } from './load-commands.ts';
import { openStore, type Store } from './store/index.ts';

/** Everything a transport (the console, Discord, the CLI, a test) runs commands and digests against. */
export interface App {
  store: Store;
  briefing: Briefing;
  scheduler: DigestScheduler;
  digests: DigestService;
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
}

/** The one composition of store, briefing, digest scheduler and commands that main, the CLI and the tests use. */
export async function openApp(options: AppOptions): Promise<App> {
  const store = typeof options.store === 'string' ? openStore(options.store) : options.store;
  const { log } = options;
  const scheduler = new DigestScheduler({ store, log, ...options.delivery });
  const digests = new DigestService(store, scheduler, options.timeZone);
  const commands = options.commands ?? (await loadCommands());
  const close = async () => {
    scheduler.stop();
    await store.close();
  };
  return { store, briefing: new Briefing(store), scheduler, digests, commands, log, close };
}
