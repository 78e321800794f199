import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { tempDir, writeDoc } from '../helpers.ts';

const noFile = path.join(tempDir(), 'absent.env');

describe('configuration', () => {
  it('has working defaults with no token', () => {
    const c = loadConfig({}, noFile);
    expect(c).toMatchObject({
      PARLEY_DB: 'data/parley.db',
      PARLEY_DOCUMENTS: 'data/documents',
      LOG_LEVEL: 'info',
      PARLEY_TIMEZONE: 'UTC',
    });
    expect(c.DISCORD_TOKEN).toBeUndefined();
  });

  it.each([
    ['LOG_LEVEL', 'loud', /LOG_LEVEL.*"loud"/],
    ['PARLEY_TIMEZONE', 'Mars/Olympus', /PARLEY_TIMEZONE.*IANA/],
    ['DISCORD_GUILD_ID', 'my-server', /DISCORD_GUILD_ID.*snowflake/],
    ['PARLEY_DB', '   ', /PARLEY_DB.*file path/],
    ['PARLEY_ALLOW_PRIVATE_URLS', 'maybe', /PARLEY_ALLOW_PRIVATE_URLS.*true or false/],
    ['PARLEY_FEED_INTERVAL', '0', /PARLEY_FEED_INTERVAL.*at least 1 minute/],
    ['PARLEY_FEED_INTERVAL', 'often', /PARLEY_FEED_INTERVAL.*number of minutes/],
    ['PARLEY_FEED_INTERVAL', '2.5', /PARLEY_FEED_INTERVAL.*whole number/],
    ['PARLEY_SHARDS', '0', /PARLEY_SHARDS: auto or a whole number of shards.*"0"/],
    ['PARLEY_SHARDS', '-2', /PARLEY_SHARDS: auto or a whole number of shards/],
    ['PARLEY_SHARDS', '1.5', /PARLEY_SHARDS: auto or a whole number of shards/],
    ['PARLEY_SHARDS', 'lots', /PARLEY_SHARDS: auto or a whole number of shards.*"lots"/],
    ['PARLEY_DISCORD_API', 'discord.com/api', /PARLEY_DISCORD_API: an http\(s\) URL/],
    ['PARLEY_DISCORD_API', 'ftp://127.0.0.1/api', /PARLEY_DISCORD_API: an http\(s\) URL/],
    ['PARLEY_DATABASE_URL', 'mysql://root@127.0.0.1/db', /PARLEY_DATABASE_URL: a postgres:\/\/ URL/],
  ])('a bad %s names the variable and what is allowed', (name, value, message) => {
    expect(() => loadConfig({ [name]: value }, noFile)).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value }, noFile)).toThrow(message);
  });

  it('private addresses are refused and feeds polled every 15 minutes unless set otherwise', () => {
    expect(loadConfig({}, noFile)).toMatchObject({ PARLEY_ALLOW_PRIVATE_URLS: false, PARLEY_FEED_INTERVAL: 15 });
    const set = loadConfig({ PARLEY_ALLOW_PRIVATE_URLS: 'true', PARLEY_FEED_INTERVAL: '60' }, noFile);
    expect(set).toMatchObject({ PARLEY_ALLOW_PRIVATE_URLS: true, PARLEY_FEED_INTERVAL: 60 });
  });

  it('runs unsharded against discord.com unless PARLEY_SHARDS and PARLEY_DISCORD_API say otherwise', () => {
    const unset = loadConfig({ PARLEY_SHARDS: '', PARLEY_DISCORD_API: ' ' }, noFile);
    expect(unset.PARLEY_SHARDS).toBeUndefined();
    expect(unset.PARLEY_DISCORD_API).toBeUndefined();
    expect(loadConfig({ PARLEY_SHARDS: 'auto' }, noFile).PARLEY_SHARDS).toBe('auto');
    expect(loadConfig({ PARLEY_SHARDS: ' Auto ' }, noFile).PARLEY_SHARDS).toBe('auto');
    expect(loadConfig({ PARLEY_SHARDS: '1' }, noFile).PARLEY_SHARDS).toBe(1);
    expect(loadConfig({ PARLEY_SHARDS: '12' }, noFile).PARLEY_SHARDS).toBe(12);
    const api = loadConfig({ PARLEY_DISCORD_API: 'http://127.0.0.1:8080/api/' }, noFile).PARLEY_DISCORD_API;
    expect(api).toBe('http://127.0.0.1:8080/api');
    expect(loadConfig({ PARLEY_DISCORD_API: 'https://proxy.example/api' }, noFile).PARLEY_DISCORD_API).toBe(
      'https://proxy.example/api',
    );
  });

  it('reads .env when present, and the environment overrides it', () => {
    const file = writeDoc(tempDir(), '.env', '# comment\nPARLEY_DB="from-file.db"\nLOG_LEVEL=debug\n');
    expect(loadConfig({}, file)).toMatchObject({ PARLEY_DB: 'from-file.db', LOG_LEVEL: 'debug' });
    expect(loadConfig({ LOG_LEVEL: 'warn' }, file).LOG_LEVEL).toBe('warn');
  });
});

describe('logging', () => {
  it('never writes the token', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _e, cb) => (lines.push(String(chunk)), cb()) });
    const log = createLogger('info', sink);
    const token = 'MTA5.secret-token.value';
    log.info(
      { token, config: { DISCORD_TOKEN: token }, req: { headers: { authorization: `Bot ${token}` } } },
      'starting',
    );
    log.info({ DISCORD_TOKEN: token }, 'again');
    expect(lines.join('')).not.toContain(token);
    expect(lines.join('')).toContain('[redacted]');
  });
});
