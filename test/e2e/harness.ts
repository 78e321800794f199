/**
 * parley wired as src/main.ts wires it in Discord mode — seed store, openApp (command modules, digest scheduler
 * with Discord delivery), discord.js client — but pointed at the fake Discord on 127.0.0.1.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { Events, type Client } from 'discord.js';
import type { Logger } from 'pino';
import { openApp, type App } from '../../src/app.ts';
import type { Briefing } from '../../src/briefing/briefing.ts';
import type { CommandModule } from '../../src/command.ts';
import { startDiscord, type RunningDiscord } from '../../src/discord/client.ts';
import { deployCommands } from '../../src/discord/deploy-commands.ts';
import { discordDelivery, notifyAdmins, notifyDisabled } from '../../src/discord/digest-delivery.ts';
import type { DigestScheduler, SchedulerOptions } from '../../src/digest/scheduler.ts';
import type { DigestService } from '../../src/digest/service.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { loadCommands } from '../../src/load-commands.ts';
import { createLogger } from '../../src/log.ts';
import type { Store } from '../../src/store/store.ts';
import { ROOT, tempStore } from '../helpers.ts';
import { startFakeDiscord, type FakeDiscord, type FakeDiscordOptions } from './fake-discord/index.ts';

export const DOCUMENTS = path.join(ROOT, 'data/documents');

export interface LogRecord {
  level: number;
  msg?: string;
  [key: string]: unknown;
}

export interface Parley {
  fake: FakeDiscord;
  /** The extra servers of StartOptions.guilds, in order. */
  guilds: { guildId: string; channelId: string }[];
  store: Store;
  briefing: Briefing;
  commands: Map<string, CommandModule>;
  scheduler: DigestScheduler;
  digests: DigestService;
  app: App;
  bot: RunningDiscord;
  client: Client;
  logs: LogRecord[];
  log: Logger;
  /** Log records at warn (40) or above. */
  problems(): LogRecord[];
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Extra command modules (e.g. a deliberately slow one), deployed and routed like the real ones. */
  extraCommands?: CommandModule[];
  scheduler?: Partial<Pick<SchedulerOptions, 'sleep' | 'maxAttempts' | 'backoffMs' | 'now'>>;
  fake?: FakeDiscordOptions;
  /** More servers the bot is in (each gets the commands deployed), by name. */
  guilds?: string[];
}

export async function startParley(options: StartOptions = {}): Promise<Parley> {
  const fake = await startFakeDiscord(options.fake);
  const { store, dir } = tempStore();
  const cleanups: (() => Promise<void> | void)[] = [
    () => fake.close(),
    () => store.close(),
    () => fs.rmSync(dir, { recursive: true, force: true }),
  ];
  const stop = async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  };
  try {
    const outcomes = await ingestPaths(store, [DOCUMENTS]);
    const failed = outcomes.filter((o) => !o.ok);
    if (!outcomes.length || failed.length)
      throw new Error(`seed ingest: ${outcomes.length} documents, ${failed.length} failed`);

    const commands = await loadCommands();
    for (const c of options.extraCommands ?? []) commands.set(c.data.name, c);
    const guilds = (options.guilds ?? []).map((name) => fake.addGuild(name));
    for (const guildId of [fake.guild.id, ...guilds.map((g) => g.guildId)])
      await deployCommands({ token: fake.token, clientId: fake.applicationId, guildId, commands, api: fake.api });

    const logs: LogRecord[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        for (const line of String(chunk).split('\n')) if (line.trim()) logs.push(JSON.parse(line) as LogRecord);
        done();
      },
    });
    const log = createLogger('debug', sink);

    const connected: { client?: Client } = {};
    const app = await openApp({
      store,
      log,
      timeZone: 'UTC',
      delivery: {
        deliver: discordDelivery(() => connected.client),
        onDisabled: notifyDisabled(() => connected.client),
        ...options.scheduler,
      },
      commands,
      // The pages and feeds the tests serve are on 127.0.0.1.
      web: { allowPrivate: true, timeoutMs: 5000 },
      notify: notifyAdmins(() => connected.client),
    });
    cleanups.push(() => app.close());
    const { briefing, scheduler, digests } = app;

    const bot = await startDiscord({ config: { DISCORD_TOKEN: fake.token }, ...app, restApi: fake.api });
    cleanups.push(() => bot.stop());
    const client = bot.client;
    connected.client = client;
    if (!client.isReady()) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the client never became ready')), 15_000);
        client.once(Events.ClientReady, () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return {
      fake,
      guilds,
      store,
      briefing,
      commands,
      scheduler,
      digests,
      app,
      bot,
      client,
      logs,
      log,
      problems: () => logs.filter((r) => r.level >= 40),
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
