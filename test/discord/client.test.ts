import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { GatewayIntentBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { Briefing } from '../../src/briefing/briefing.ts';
import { discordClientOptions, startDiscord } from '../../src/discord/client.ts';
import { createLogger } from '../../src/log.ts';

const deps = () => {
  const out: string[] = [];
  const stream = new Writable({ write: (c, _e, done) => (out.push(String(c)), done()) });
  return { out, deps: { commands: new Map(), briefing: {} as Briefing, log: createLogger('debug', stream) } };
};

describe('discord client', () => {
  it('asks for the Guilds intent only and pings no one by default', () => {
    const options = discordClientOptions('http://127.0.0.1:1/api');
    expect(options.intents).toEqual([GatewayIntentBits.Guilds]);
    expect(options.allowedMentions).toEqual({ parse: [] });
    expect(options.rest).toEqual({ retries: 1, api: 'http://127.0.0.1:1/api' });
    expect(discordClientOptions().rest).toEqual({ retries: 1 });
  });

  it('refuses to start without a token', async () => {
    await expect(startDiscord({ ...deps().deps, config: { DISCORD_TOKEN: undefined } })).rejects.toThrow(
      /DISCORD_TOKEN is not set/,
    );
  });

  it('reports a refused login without leaking the token', async () => {
    const server = http.createServer((_req, res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: '401: Unauthorized', code: 0 }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
    const { out, deps: d } = deps();
    try {
      const error = await startDiscord({ ...d, config: { DISCORD_TOKEN: 'secret-token-value' }, restApi: api }).catch(
        (e: Error) => e,
      );
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(/^could not log in to Discord/);
      expect((error as Error).message).not.toContain('secret-token-value');
      expect(out.join('')).not.toContain('secret-token-value');
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
