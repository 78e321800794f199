import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progressBar, progressReporter } from '../../src/ingest/progress.ts';
import { rssOf, story, storyPage } from '../feeds/site.ts';
import { send, startServer, type LocalServer, type Route } from '../links/local-server.ts';
import { ROOT, tempDir } from '../helpers.ts';

const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

/** The CLI as a child process; async, so that this process's server can answer it. */
function cli(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(TSX, ['src/cli.ts', ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

let server: LocalServer;
const routes: Record<string, Route> = {};
const stories = [11, 12, 13, 14, 15, 16].map((n) => story(n));

beforeAll(async () => {
  server = await startServer(routes);
  for (const s of stories) routes[`/news/${s.slug}`] = send(200, 'text/html', storyPage(s));
  routes['/rss.xml'] = (req, res) => send(200, 'application/rss+xml', rssOf(server.url(''), stories))(req, res);
});
afterAll(() => server.close());

describe('cli: links and feeds', () => {
  it('ingest URL, feed add / list / poll / remove', { timeout: 120_000 }, async () => {
    const env = { PARLEY_DB: path.join(tempDir(), 'cli.db'), PARLEY_ALLOW_PRIVATE_URLS: 'true', LOG_LEVEL: 'silent' };
    const one = await cli(['ingest', server.url('/news/story-11')], env);
    expect(one.out).toMatch(/new\s+http:\/\/127\.0\.0\.1:\d+\/news\/story-11/);
    expect(one.code).toBe(0);

    const added = await cli(['feed', 'add', '--guild', '100000000000000001', server.url('/rss.xml')], env);
    expect(added.out).toMatch(/added\s+1 {2}http.*rss\.xml — Estuary Courier — Local \[guild 100000000000000001\]/);
    const poll = await cli(['feed', 'poll'], env);
    expect(poll.code).toBe(0);
    // story-11 was ingested already: it is one of the six new items, and the same content.
    expect(poll.out).toMatch(/ok\s+http.*rss\.xml: 6 new items, 5 stored, 0 refused/);
    expect(poll.err).toMatch(/fetched 6\/6/);
    expect((await cli(['feed', 'poll'], env)).out).toMatch(/no feed is due/);
    const listed = await cli(['feed', 'list', '--guild', '100000000000000001'], env);
    expect(listed.out).toMatch(/6 items, next poll/);
    const removed = await cli(['feed', 'remove', '--guild', '100000000000000001', '1'], env);
    expect(removed.out).toMatch(/removed\s+http.*rss\.xml/);
    const refused = await cli(['ingest', server.url('/missing')], { ...env });
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/failed\s+http.*\/missing: the page was not found \(HTTP 404/);
  });
});

describe('progress', () => {
  const sink = (isTTY: boolean) => {
    const written: string[] = [];
    return { written, stream: { isTTY, write: (s: string) => written.push(s) > 0 } };
  };

  it('draws a bar on a terminal and prints plain counts otherwise', () => {
    expect(progressBar(20, 40, 10)).toBe('[#####.....]');
    const tty = sink(true);
    const bar = progressReporter('fetched', tty.stream);
    for (let i = 1; i <= 40; i++) bar(i, 40);
    expect(tty.written[11]).toBe(`\rfetched ${progressBar(12, 40)} 12/40`);
    expect(tty.written[39].endsWith('40/40\n')).toBe(true);
    const pipe = sink(false);
    const count = progressReporter('fetched', pipe.stream);
    for (let i = 1; i <= 40; i++) count(i, 40);
    expect(pipe.written).toEqual([4, 8, 12, 16, 20, 24, 28, 32, 36, 40].map((n) => `fetched ${n}/40\n`));
  });
});
