import { pathToFileURL } from 'node:url';
import { REST, Routes } from 'discord.js';
import type { CommandModule } from '../command.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { loadCommands } from '../load-commands.ts';

interface DeployOptions {
  token: string | undefined;
  clientId: string | undefined;
  /** Deploy to one guild (instant) instead of globally (can take up to an hour to show). */
  guildId?: string;
  commands: Map<string, CommandModule>;
  /** Another REST base, e.g. a local fake Discord: 'http://127.0.0.1:PORT/api'. */
  api?: string;
}

interface Deployed {
  scope: 'guild' | 'global';
  names: string[];
}

export async function deployCommands({ token, clientId, guildId, commands, api }: DeployOptions): Promise<Deployed> {
  const missing = [
    !token && 'DISCORD_TOKEN (the bot token)',
    !clientId && 'DISCORD_CLIENT_ID (the application id)',
  ].filter(Boolean);
  if (missing.length)
    throw new Error(`cannot deploy commands: set ${missing.join(' and ')} in .env or the environment`);

  const rest = new REST({ version: '10', ...(api ? { api } : {}) }).setToken(token!);
  const body = [...commands.values()].map((c) => c.data.toJSON());
  const route = guildId ? Routes.applicationGuildCommands(clientId!, guildId) : Routes.applicationCommands(clientId!);
  const registered = (await rest.put(route, { body })) as { name: string }[];
  return { scope: guildId ? 'guild' : 'global', names: registered.map((c) => c.name) };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const commands = await loadCommands();
  const result = await deployCommands({
    token: config.DISCORD_TOKEN,
    clientId: config.DISCORD_CLIENT_ID,
    guildId: config.DISCORD_GUILD_ID,
    commands,
    api: config.PARLEY_DISCORD_API,
  });
  const where =
    result.scope === 'guild'
      ? `guild ${config.DISCORD_GUILD_ID}`
      : 'all guilds (global; may take up to an hour to appear)';
  process.stdout.write(
    `Registered ${result.names.length} commands for ${where}: ${result.names.map((n) => `/${n}`).join(', ')}\n`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    const message = e instanceof ConfigError || e instanceof Error ? e.message : String(e);
    process.stderr.write(`deploy-commands failed: ${message}\n`);
    process.exit(1);
  });
}
