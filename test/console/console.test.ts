import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLine } from '../../src/console/parse-line.ts';
import { loadCommands } from '../../src/load-commands.ts';
import { ROOT, tempDir } from '../helpers.ts';

const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const env = () => ({
  ...process.env,
  DISCORD_TOKEN: '',
  LOG_LEVEL: 'warn',
  PARLEY_DB: path.join(tempDir(), 'console.db'),
});

describe('console mode', () => {
  it('npm start with piped stdin ingests, prints a banner, answers each line and exits at end of input', () => {
    const r = spawnSync(TSX, ['src/main.ts'], {
      cwd: ROOT,
      env: env(),
      input: '/who Rubio\n/where place:Geneva\n/ask question:Who met whom in Miami?\n/nonsense\n',
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/console mode/);
    expect(r.stdout).toMatch(/store: 1 documents, \d+ sentences/);
    expect(r.stdout).toMatch(/Marco Rubio\n=+\n.*United States/);
    expect(r.stdout).toMatch(/Secretary of State/);
    expect(r.stdout).toMatch(/Geneva\n=+/);
    expect(r.stdout).toMatch(/Kirill Dmitriev in Miami/);
    expect(r.stdout).toMatch(/unknown command \/nonsense/);
  });

  it('cli run prints one answer, and --json the exact Discord payload', () => {
    const e = env();
    spawnSync(TSX, ['src/cli.ts', 'ingest'], { cwd: ROOT, env: e, encoding: 'utf8' });
    const text = spawnSync(TSX, ['src/cli.ts', 'run', '/who name:Marco Rubio'], {
      cwd: ROOT,
      env: e,
      encoding: 'utf8',
    });
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^Marco Rubio/);
    const json = spawnSync(TSX, ['src/cli.ts', 'run', '/where place:Geneva', '--json'], {
      cwd: ROOT,
      env: e,
      encoding: 'utf8',
    });
    const payload = JSON.parse(json.stdout);
    expect(payload.allowedMentions).toEqual({ parse: [] });
    expect(payload.embeds[0].title).toBe('Geneva');
  });
});

describe('cli digest', () => {
  it('prints the story so far, or only what is new since a time', () => {
    const e = env();
    spawnSync(TSX, ['src/cli.ts', 'ingest'], { cwd: ROOT, env: e, encoding: 'utf8' });
    const all = spawnSync(TSX, ['src/cli.ts', 'digest'], { cwd: ROOT, env: e, encoding: 'utf8' });
    expect(all.status).toBe(0);
    expect(all.stdout).toMatch(/Digest — the story so far/);
    const later = spawnSync(TSX, ['src/cli.ts', 'digest', '--since', new Date(Date.now() + 60_000).toISOString()], {
      cwd: ROOT,
      env: e,
      encoding: 'utf8',
    });
    expect(later.stdout).toMatch(/No new developments since/);
    const earlier = spawnSync(TSX, ['src/cli.ts', 'digest', '--since', '2000-01-01T00:00Z'], {
      cwd: ROOT,
      env: e,
      encoding: 'utf8',
    });
    expect(earlier.stdout).toMatch(/new since the last one[\s\S]*New documents/);
    const bad = spawnSync(TSX, ['src/cli.ts', 'digest', '--since', 'yesterday-ish'], {
      cwd: ROOT,
      env: e,
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--since needs an ISO date/);
  });
});

describe('console digests', () => {
  it('a console subscription posts on its cron schedule in a real run', async () => {
    const child = spawn(TSX, ['src/main.ts', '--keep-running'], {
      cwd: ROOT,
      env: env(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stdin.end('/digest subscribe channel:console schedule:*/2 * * * * *\n');
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no digest within 20 s; output:\n${out}`)), 20_000);
        child.stdout.on('data', () => {
          if (/Digest — the story so far/.test(out)) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
    } finally {
      child.kill('SIGTERM');
    }
    expect(out).toMatch(/Digest subscribed/);
    expect(out).toMatch(/Digest — the story so far\n=+/);
    expect(out.match(/Digest — the story so far/g)).toHaveLength(1);
  });
});

describe('reading a line as Discord shows it', () => {
  it('a value runs to the next option the command has, so spaces are fine', async () => {
    const commands = await loadCommands();
    expect(parseLine('/ask question:Who met whom in Miami?', commands).options).toEqual({
      question: 'Who met whom in Miami?',
    });
    expect(parseLine('/where place:Hallandale Beach', commands).options).toEqual({ place: 'Hallandale Beach' });
    expect(parseLine('/quote speaker:Olga Stefanishyna about:the plan', commands).options).toEqual({
      speaker: 'Olga Stefanishyna',
      about: 'the plan',
    });
    expect(parseLine('/who Rubio', commands).options).toEqual({ name: 'Rubio' });
    expect(parseLine('who name:Rubio', commands).command.data.name).toBe('who');
    expect(parseLine('/ask question:what is a name:value pair?', commands).options).toEqual({
      question: 'what is a name:value pair?',
    });
    const digest = parseLine('/digest subscribe schedule:0 8 * * 1-5 timezone:Europe/Kyiv channel:console', commands);
    expect(digest.subcommand).toBe('subscribe');
    expect(digest.options).toEqual({ schedule: '0 8 * * 1-5', timezone: 'Europe/Kyiv', channel: 'console' });
  });

  it('says what is wrong with a bad line', async () => {
    const commands = await loadCommands();
    expect(() => parseLine('/ask', commands)).toThrow(/needs question/);
    expect(() => parseLine('/frob', commands)).toThrow(/unknown command/);
    expect(() => parseLine('/digest explode', commands)).toThrow(/needs one of/);
    expect(() => parseLine('/timeline extra words', commands)).toThrow(/takes no options/);
  });
});
