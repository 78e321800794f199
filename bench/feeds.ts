import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { openApp } from '../src/app.ts';
import { openSqliteStore } from '../src/store/index.ts';
import { rssOf, story, storyPage } from '../test/feeds/site.ts';
import { send, startServer, type Route } from '../test/links/local-server.ts';

/**
 * `npm run bench -- feeds`: a feed of 200 items and their pages on 127.0.0.1; one poll fetches every page, reads
 * each article and ingests it. Prints items per second and the process's peak resident memory.
 */
const ITEMS = 200;

export async function benchFeeds(): Promise<void> {
  const stories = Array.from({ length: ITEMS }, (_, i) => story(i + 1));
  const routes: Record<string, Route> = {};
  const server = await startServer(routes);
  for (const s of stories) routes[`/news/${s.slug}`] = send(200, 'text/html; charset=utf-8', storyPage(s));
  routes['/feed.xml'] = send(200, 'application/rss+xml', rssOf(server.url(''), stories));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-bench-feeds-'));
  const app = await openApp({
    store: openSqliteStore(path.join(dir, 'bench.db')),
    log: pino({ level: 'silent' }),
    delivery: { deliver: async () => ({}) },
    web: { allowPrivate: true },
  });
  try {
    const added = await app.web!.addFeed(null, server.url('/feed.xml'), 'bench');
    if (!added.ok) throw new Error(added.reason);
    const started = performance.now();
    const [result] = await app.poller!.pollDue();
    const seconds = (performance.now() - started) / 1000;
    const stored = result.outcomes.filter((o) => o.ok && o.result.status === 'new').length;
    const refused = result.outcomes.filter((o) => !o.ok).length;
    const pages = server.requests.filter((r) => r.path.startsWith('/news/')).length;
    console.log(`feed of ${ITEMS} items: ${pages} pages fetched, ${stored} documents stored, ${refused} refused`);
    console.log(`${seconds.toFixed(1)} s — ${(result.outcomes.length / seconds).toFixed(1)} items/s`);
    console.log(`peak resident memory ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  } finally {
    await app.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
