/**
 * Several parley processes over one PostgreSQL database: real child processes running the real digest scheduler and
 * feed poller (multi-process-child.ts), each with a corpus file of its own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { slotNonce } from '../../../src/digest/scheduler.ts';
import { nextPollDelay } from '../../../src/feeds/schedule.ts';
import { pgFeeds } from '../../../src/store/postgres/feeds.ts';
import { migrate } from '../../../src/store/postgres/migrate.ts';
import { openPool, type Pool } from '../../../src/store/postgres/pool.ts';
import { pgSubscriptions } from '../../../src/store/postgres/subscriptions.ts';
import { rssOf, story, storyPage } from '../../feeds/site.ts';
import { ROOT, tempDir } from '../../helpers.ts';
import { freshDatabase, needsPostgres, TEST_DATABASE_URL } from '../pg-database.ts';

const CHILD = path.join(import.meta.dirname, 'multi-process-child.ts');
/** A slot claim's lease in the scheduler processes: longer than composing and sending one takes on a busy machine. */
const LEASE = 4000;
/** About 10 s each on an idle machine; starting two processes that load the whole app takes longer under load. */
const TIMEOUT = 60_000;
const lines = (file: string) =>
  fs.existsSync(file)
    ? fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(' '))
    : [];

async function until(what: string, done: () => boolean, timeoutMs = 40_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(!TEST_DATABASE_URL)(`several processes over one database — ${needsPostgres}`, () => {
  let url: string;
  let drop: () => Promise<void>;
  let pool: Pool;
  let dir: string;
  const children: ChildProcess[] = [];

  beforeEach(async () => {
    ({ url, drop } = await freshDatabase());
    pool = openPool(url, 2);
    await migrate(pool);
    dir = tempDir('parley-multi-');
  });
  afterEach(async () => {
    for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await pool.end();
    await drop();
  });

  /** A child process, resolved once it says it is running. */
  async function start(name: string, env: Record<string, string>): Promise<ChildProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url, CORPUS: path.join(dir, `${name}.db`), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let err = '';
    child.stderr!.on('data', (d) => {
      err += String(d);
      if (process.env.CHILD_LOG) process.stderr.write(`[${name}] ${String(d)}`);
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d) => String(d).includes('ready') && resolve());
      child.on('exit', (code) => reject(new Error(`${name} exited (${code}) before it was ready: ${err}`)));
    });
    return child;
  }

  const stopped = (child: ChildProcess, signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      child.on('exit', () => resolve());
      child.kill(signal);
    });

  it(
    'two schedulers post each slot once; the slot one held when killed -9 is re-sent by the other, once',
    async () => {
      const subs = pgSubscriptions(pool);
      const ids: number[] = [];
      for (const channelId of ['c1', 'c2', 'c3', 'c4']) {
        const s = await subs.subscribe(
          { guildId: null, channelId, schedule: '* * * * * *', timezone: 'UTC', postWhenEmpty: true, createdBy: null },
          new Date(),
        );
        ids.push(s.id);
      }
      const files = { DELIVERIES: path.join(dir, 'deliveries'), HOLDING: path.join(dir, 'holding') };
      const common = { ROLE: 'scheduler', LEASE_MS: String(LEASE), ...files };
      const [doomed, survivor] = await Promise.all([
        start('doomed', { ...common, HANG_ON: '3' }),
        start('survivor', common),
      ]);

      await until('the doomed process to hold a slot', () => lines(files.HOLDING).length > 0);
      await stopped(doomed, 'SIGKILL');
      const killedAt = Date.now();
      const [heldSub, heldNonce] = lines(files.HOLDING)[0];
      // past the lease, whatever else the killed process had claimed is re-sent too
      await until('20 slots and the held one', () => {
        const posted = lines(files.DELIVERIES);
        const resent = posted.some(([sub, nonce]) => sub === heldSub && nonce === heldNonce);
        return posted.length >= 20 && resent && Date.now() - killedAt > LEASE + 1000;
      });
      await stopped(survivor, 'SIGTERM');

      const posted = lines(files.DELIVERIES);
      const keys = posted.map(([sub, nonce]) => `${sub} ${nonce}`);
      expect(new Set(keys).size).toBe(keys.length);
      const resent = posted.filter(([sub, nonce]) => sub === heldSub && nonce === heldNonce);
      expect(resent.map(([, , pid]) => Number(pid))).toEqual([survivor.pid]);
      expect(new Set(posted.map(([, , pid]) => Number(pid)))).toEqual(new Set([doomed.pid, survivor.pid]));

      // every slot either process claimed was posted, once: none left pending, none given up
      const rows = (await Promise.all(ids.map(async (id) => (await subs.slots(id)).map((r) => ({ id, ...r }))))).flat();
      expect(rows.length).toBeGreaterThanOrEqual(20);
      expect(rows.filter((r) => r.state !== 'sent')).toEqual([]);
      expect(new Set(rows.map((r) => `${r.id} ${slotNonce(r.id, r.slot)}`))).toEqual(new Set(keys));
      const held = rows.find((r) => String(r.id) === heldSub && slotNonce(r.id, r.slot) === heldNonce);
      expect(held?.attempts).toBe(2);
      expect(Math.max(...rows.map((r) => r.attempts))).toBe(2);
    },
    TIMEOUT,
  );

  it(
    'two feed pollers poll each feed once per interval and ingest each item once',
    async () => {
      const FEEDS = 6;
      const INTERVAL = 2000;
      const hits = new Map<string, number[]>();
      const server = http.createServer((req, res) => {
        const p = (req.url ?? '/').split('?')[0];
        hits.set(p, [...(hits.get(p) ?? []), Date.now()]);
        const feed = /^\/feed\/(\d+)\.xml$/.exec(p);
        const page = /^\/news\/story-(\d+)$/.exec(p);
        const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        if (feed) res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rssOf(base, [story(+feed[1])]));
        else if (page) res.writeHead(200, { 'content-type': 'text/html' }).end(storyPage(story(+page[1])));
        else res.writeHead(404).end();
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      try {
        const feeds = pgFeeds(pool);
        const ids = new Map<string, number>();
        for (let n = 1; n <= FEEDS; n++) {
          const f = await feeds.addFeed(
            { guildId: null, url: `${base}/feed/${n}.xml`, title: null, addedBy: null },
            new Date(),
          );
          ids.set(`/feed/${n}.xml`, f!.id);
        }
        const POLLS = path.join(dir, 'polls');
        const common = { ROLE: 'poller', LEASE_MS: '60000', INTERVAL_MS: String(INTERVAL), POLLS };
        const pollers = await Promise.all([start('p1', common), start('p2', common)]);
        const began = Date.now();
        await until('two rounds of polls', () => [...ids.keys()].every((p) => (hits.get(p)?.length ?? 0) >= 2));
        await Promise.all(pollers.map((c) => stopped(c, 'SIGTERM')));
        const ran = Date.now() - began;

        for (const [route, id] of ids) {
          const times = hits.get(route)!;
          const gaps = times.slice(1).map((t, i) => t - times[i]);
          // each poll is the feed's interval (with its fixed jitter) after the one before, never sooner
          for (const gap of gaps) expect(gap).toBeGreaterThan(nextPollDelay(INTERVAL, id) - 100);
          expect(times.length).toBeLessThanOrEqual(Math.ceil(ran / (INTERVAL * 0.9)) + 1);
        }
        for (let n = 1; n <= FEEDS; n++) expect(hits.get(`/news/story-${n}`)).toHaveLength(1);
        expect((await feeds.feeds()).map((f) => f.items)).toEqual(Array(FEEDS).fill(1));
        const pids = new Set(lines(POLLS).map(([, pid]) => Number(pid)));
        expect(pids).toEqual(new Set(pollers.map((c) => c.pid)));
      } finally {
        server.closeAllConnections();
        await new Promise((r) => server.close(r));
      }
    },
    TIMEOUT,
  );
});
