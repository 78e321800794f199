import { Client, Events, GatewayIntentBits, type ClientOptions } from 'discord.js';
import type { Logger } from 'pino';
import type { Briefing } from '../briefing/briefing.ts';
import type { CommandModule } from '../command.ts';
import type { Config } from '../config.ts';
import type { DigestService } from '../digest/service.ts';
import type { WebService } from '../feeds/service.ts';
import { createRouter } from './router.ts';

interface DiscordDeps {
  config: Pick<Config, 'DISCORD_TOKEN'>;
  commands: Map<string, CommandModule>;
  briefing: Briefing;
  log: Logger;
  digests?: DigestService;
  web?: WebService;
  /** Another REST base, e.g. a local fake Discord: 'http://127.0.0.1:PORT/api'. */
  restApi?: string;
}

export interface RunningDiscord {
  client: Client;
  stop(): Promise<void>;
}

/** Slash commands need no privileged intents: Guilds alone delivers interactions and guild info. */
export function discordClientOptions(restApi?: string): ClientOptions {
  return {
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    // The digest scheduler retries failed posts itself; discord.js's own retries would multiply them.
    rest: { retries: 1, ...(restApi ? { api: restApi } : {}) },
  };
}

export async function startDiscord({
  config,
  commands,
  briefing,
  log,
  digests,
  web,
  restApi,
}: DiscordDeps): Promise<RunningDiscord> {
  const token = config.DISCORD_TOKEN;
  if (!token)
    throw new Error('DISCORD_TOKEN is not set: add the bot token to .env, or leave it empty to run in console mode');

  const client = new Client(discordClientOptions(restApi));
  const router = createRouter({ commands, briefing, log, digests, web });
  client.on(Events.InteractionCreate, (interaction) => void router.onInteraction(interaction));
  client.once(Events.ClientReady, (ready) => {
    log.info(
      { user: ready.user.tag, guilds: ready.guilds.cache.size, commands: commands.size },
      'connected to Discord',
    );
  });
  client.on(Events.Error, (err) => log.error({ err }, 'discord client error'));
  client.on(Events.Warn, (message) => log.warn({ message }, 'discord client warning'));

  try {
    await client.login(token);
  } catch (err) {
    await client.destroy();
    throw new Error(`could not log in to Discord: ${(err as Error).message}`, { cause: err });
  }
  return {
    client,
    stop: async () => {
      await client.destroy();
      log.info('disconnected from Discord');
    },
  };
}
