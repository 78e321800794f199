import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SlashCommandBuilder } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandModule } from '../../src/command.ts';
import { deployCommands } from '../../src/discord/deploy-commands.ts';

const requests: { method: string; url: string; auth: string | undefined; body: unknown }[] = [];
let server: http.Server;
let api: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (c) => (text += c));
    req.on('end', () => {
      const body = text ? JSON.parse(text) : null;
      requests.push({ method: req.method!, url: req.url!, auth: req.headers.authorization, body });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify((body as { name: string }[]).map((c, i) => ({ ...c, id: String(9000 + i) }))));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

const command = (name: string): CommandModule => ({
  data: new SlashCommandBuilder().setName(name).setDescription(`the ${name} command`),
  handle: async () => ({ title: name, sections: [], citations: [] }),
});
const commands = new Map([command('who'), command('where')].map((c) => [c.data.name, c]));
const CLIENT = '123456789012345678';
const GUILD = '876543210987654321';

describe('deployCommands', () => {
  it('PUTs every command to the guild when a guild id is given', async () => {
    requests.length = 0;
    const result = await deployCommands({ token: 'test-token', clientId: CLIENT, guildId: GUILD, commands, api });
    expect(result).toEqual({ scope: 'guild', names: ['who', 'where'] });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      method: 'PUT',
      url: `/api/v10/applications/${CLIENT}/guilds/${GUILD}/commands`,
      auth: 'Bot test-token',
    });
    expect(requests[0].body).toEqual([...commands.values()].map((c) => c.data.toJSON()));
  });

  it('PUTs globally without a guild id', async () => {
    requests.length = 0;
    const result = await deployCommands({ token: 'test-token', clientId: CLIENT, commands, api });
    expect(result.scope).toBe('global');
    expect(requests[0].url).toBe(`/api/v10/applications/${CLIENT}/commands`);
  });

  it('says which settings are missing', async () => {
    await expect(deployCommands({ token: undefined, clientId: undefined, commands, api })).rejects.toThrow(
      'cannot deploy commands: set DISCORD_TOKEN (the bot token) and DISCORD_CLIENT_ID (the application id)',
    );
    await expect(deployCommands({ token: 't', clientId: undefined, commands, api })).rejects.toThrow(
      /set DISCORD_CLIENT_ID/,
    );
  });
});
