import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guildReader } from '../../src/store/corpus.ts';
import { run, text, webApp } from '../feeds/app.ts';
import { rssOf, story, storyPage } from '../feeds/site.ts';
import { send, startServer, type LocalServer, type Route } from '../links/local-server.ts';
import { tempDir } from '../helpers.ts';

// Links and feeds go into the corpus of the server that added them, and no other server reads them.
let server: LocalServer;
const routes: Record<string, Route> = {};
const [first, second] = [story(1), story(2)];

beforeAll(async () => {
  server = await startServer(routes);
  for (const s of [first, second]) routes[`/news/${s.slug}`] = send(200, 'text/html', storyPage(s));
  routes['/rss.xml'] = send(200, 'application/rss+xml', rssOf(server.url(''), [second]));
});
afterAll(() => server.close());

const A = '100000000000000001';
const B = '100000000000000002';

describe('links and feeds stay in their server’s corpus', () => {
  it('/ingest url and a feed’s items are read by the server that added them only', async () => {
    const app = await webApp(path.join(tempDir(), 'corpus.db'));
    const as = (guild: string) => ({
      guildId: guild,
      briefing: app.briefing.for(guildReader(guild)),
      web: app.web?.for(guildReader(guild)),
    });
    const ingested = await run(app, 'ingest', { url: server.url(`/news/${first.slug}`) }, as(A));
    expect(text(ingested)).not.toMatch(/Nothing was stored/);
    expect((await run(app, 'feed', { url: server.url('/rss.xml') }, { subcommand: 'add', ...as(A) })).title).toBe(
      'Feed added',
    );
    await app.poller!.pollDue();
    const sourcesA = text(await run(app, 'sources', {}, as(A))) + JSON.stringify(await run(app, 'sources', {}, as(A)));
    const sourcesB = JSON.stringify(await run(app, 'sources', {}, as(B)));
    expect(sourcesA).toContain(first.title);
    expect(sourcesA).toContain(second.title);
    expect(sourcesB).not.toContain(first.title);
    expect(sourcesB).not.toContain(second.title);
    await app.close();
  });
});
