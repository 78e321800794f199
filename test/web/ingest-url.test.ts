import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import type { AttachmentInput } from '../../src/command.ts';
import type { SqliteStore } from '../../src/store/sqlite-store.ts';
import { documents, run, text, webApp } from '../feeds/app.ts';
import { BOILERPLATE_LINES, story, storyPage } from '../feeds/site.ts';
import { send, startServer, type LocalServer, type Route } from '../links/local-server.ts';
import { tempDir } from '../helpers.ts';

let server: LocalServer;
const routes: Record<string, Route> = {};
let page = storyPage(story(1));
let app: App & { store: SqliteStore };

beforeAll(async () => {
  server = await startServer(routes);
  routes['/news/story-1'] = (req, res) => send(200, 'text/html; charset=utf-8', page)(req, res);
  routes['/index'] = send(200, 'text/html', '<html><body><h1>Local</h1><a href="/a">One</a></body></html>');
  routes['/slow'] = () => undefined;
  routes['/huge'] = send(200, 'text/html', `<html><body><p>${'x'.repeat(2.5 * 1024 * 1024)}</p></body></html>`);
});
afterAll(() => server.close());
beforeEach(async () => {
  page = storyPage(story(1));
  app = await webApp(path.join(tempDir(), 'web.db'));
  return () => app.close();
});

describe('/ingest url', () => {
  it('stores the article text without the page boilerplate, with its title, site, byline and date', async () => {
    const answer = await run(app, 'ingest', { url: server.url('/news/story-1') });
    expect(answer.title).toMatch(/^Added /);
    const [doc] = documents(app);
    expect(doc.key).toBe(server.url('/news/story-1'));
    expect(doc.url).toBe(doc.key);
    expect(doc.title).toBe(story(1).title);
    expect(doc.source).toBe('The Estuary Courier — Ingrid Solberg');
    expect(doc.published_at).toBe(story(1).published);
    for (const p of story(1).paragraphs) expect(doc.body).toContain(p);
    for (const line of BOILERPLATE_LINES) expect(doc.body).not.toContain(line);
    expect(doc.body).not.toContain('All rights reserved');
  });

  it('the same page again is a no-op; a changed page replaces its old version', async () => {
    await run(app, 'ingest', { url: server.url('/news/story-1') });
    const again = await run(app, 'ingest', { url: server.url('/news/story-1') });
    expect(again.title).toBe('Already known');
    expect(documents(app)).toHaveLength(1);
    page = storyPage(story(1, 2));
    const changed = await run(app, 'ingest', { url: server.url('/news/story-1#top') });
    expect(changed.title).toMatch(/^Updated /);
    const docs = documents(app);
    expect(docs).toHaveLength(1);
    expect(docs[0].body).toContain(story(1, 2).paragraphs[2]);
    expect(docs[0].body).not.toContain(story(1, 1).paragraphs[2]);
  });

  it.each([
    ['/missing', /not found \(HTTP 404/],
    ['/index', /not an article/],
    ['/huge', /larger than 2 MB/],
  ])('a refused link (%s) says why and stores nothing', async (route, reason) => {
    const answer = await run(app, 'ingest', { url: server.url(route) });
    expect(answer.title).toBe('Refused');
    expect(text(answer)).toMatch(reason);
    expect(text(answer)).toMatch(/Nothing was stored/);
    expect(documents(app)).toHaveLength(0);
  });

  it('a page that does not answer in time is refused as a timeout', async () => {
    await app.close();
    const { openSqliteStore } = await import('../../src/store/index.ts');
    const { testApp } = await import('../helpers.ts');
    app = (await testApp(openSqliteStore(path.join(tempDir(), 't.db')), {
      web: { allowPrivate: true, timeoutMs: 300 },
    })) as typeof app;
    const answer = await run(app, 'ingest', { url: server.url('/slow') });
    expect(text(answer)).toMatch(/did not answer within 0.3 s/);
    expect(documents(app)).toHaveLength(0);
  });

  it('without PARLEY_ALLOW_PRIVATE_URLS a private address is refused, and nothing is fetched', async () => {
    await app.close();
    const { openSqliteStore } = await import('../../src/store/index.ts');
    const { testApp } = await import('../helpers.ts');
    app = (await testApp(openSqliteStore(path.join(tempDir(), 'p.db')))) as typeof app;
    const before = server.requests.length;
    const answer = await run(app, 'ingest', { url: server.url('/news/story-1') });
    expect(text(answer)).toMatch(/a loopback address \(127\.0\.0\.1\), which parley does not fetch/);
    expect(server.requests.length).toBe(before);
    expect(documents(app)).toHaveLength(0);
  });

  it('members who cannot manage the server are refused', async () => {
    const answer = await run(app, 'ingest', { url: server.url('/news/story-1') }, { isAdmin: false });
    expect(answer.title).toBe('Not allowed');
    expect(documents(app)).toHaveLength(0);
  });

  it('a link to a feed ingests each of its items, reporting progress', async () => {
    const { rssOf } = await import('../feeds/site.ts');
    const stories = [2, 3, 4, 5, 6].map((n) => story(n));
    for (const s of stories) routes[`/news/${s.slug}`] = send(200, 'text/html', storyPage(s));
    routes['/feed.xml'] = (req, res) => send(200, 'application/rss+xml', rssOf(server.url(''), stories))(req, res);
    const progress: string[] = [];
    const answer = await run(app, 'ingest', { url: server.url('/feed.xml') }, { progress: (t) => progress.push(t) });
    expect(text(answer)).toMatch(/5 items: 5 added/);
    expect(progress).toEqual(['1/5 fetched', '2/5 fetched', '3/5 fetched', '4/5 fetched', '5/5 fetched']);
    expect(documents(app).map((d) => d.title)).toEqual(stories.map((s) => s.title));
  });
});

describe('/ingest file: .html', () => {
  const attachment = (name: string, body: string): AttachmentInput => ({
    name,
    size: Buffer.byteLength(body),
    contentType: 'text/html',
    fetch: async () => Buffer.from(body),
  });

  it('reads the article in an .html attachment, known by the canonical URL it names', async () => {
    const html = storyPage(story(7)).replace('href="/news/story-7"', 'href="https://courier.example/news/story-7"');
    const answer = await run(app, 'ingest', { file: attachment('saved.html', html) });
    expect(answer.title).toBe('Added saved.html');
    const [doc] = documents(app);
    expect(doc.key).toBe('https://courier.example/news/story-7');
    expect(doc.title).toBe(story(7).title);
    expect(doc.body).toContain(story(7).paragraphs[1]);
    expect(doc.body).not.toContain(BOILERPLATE_LINES[0]);
    const again = await run(app, 'ingest', { file: attachment('copy.htm', html) });
    expect(again.title).toBe('Already known');
  });

  it('an .htm page with no article is refused with the reason, nothing stored', async () => {
    const answer = await run(app, 'ingest', {
      file: attachment('menu.htm', '<html><body><a href="/">Home</a></body></html>'),
    });
    expect(text(answer)).toMatch(/menu\.htm: this page is not an article/);
    expect(documents(app)).toHaveLength(0);
  });
});
