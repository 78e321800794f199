import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import type { Answer } from '../../src/briefing/answer.ts';
import { MAX_FEEDS_PER_SERVER } from '../../src/feeds/service.ts';
import type { SqliteStore } from '../../src/store/sqlite-store.ts';
import { documents, GUILD, run, text, webApp } from '../feeds/app.ts';
import { atomOf, jsonFeedOf, rssOf, story, storyPage, withEtag, type Story } from '../feeds/site.ts';
import { send, startServer, type LocalServer, type Route } from '../links/local-server.ts';
import { tempDir } from '../helpers.ts';

let server: LocalServer;
const routes: Record<string, Route> = {};
const stories: Story[] = [1, 2, 3].map((n) => story(n));
let status404 = 404;

beforeAll(async () => {
  server = await startServer(routes);
  const base = server.url('');
  for (const s of stories) routes[`/news/${s.slug}`] = send(200, 'text/html', storyPage(s));
  routes['/rss.xml'] = withEtag('application/rss+xml', () => rssOf(base, stories));
  routes['/atom.xml'] = withEtag('application/atom+xml', () => atomOf(base, stories));
  routes['/feed.json'] = withEtag('application/feed+json', () => jsonFeedOf(base, stories));
  routes['/plain.xml'] = send(200, 'application/rss+xml', rssOf(base, stories));
  routes['/broken.xml'] = send(500, 'text/plain', 'oops');
  routes['/going.xml'] = (req, res) =>
    status404
      ? send(status404, 'text/plain', 'gone')(req, res)
      : send(200, 'application/rss+xml', rssOf(base, []))(req, res);
});
afterAll(() => server.close());

let app: App & { store: SqliteStore };
let file: string;
const notices: { guild: string | null; answer: Answer }[] = [];
const notify = (guild: string | null, answer: Answer) => void notices.push({ guild, answer });

beforeEach(async () => {
  file = path.join(tempDir(), 'feeds.db');
  notices.length = 0;
  app = await webApp(file, notify);
  return () => app.close();
});

const add = (url: string, ctx = {}) => run(app, 'feed', { url }, { subcommand: 'add', ...ctx });
const list = (ctx = {}) => run(app, 'feed', {}, { subcommand: 'list', ...ctx });
const poller = () => app.poller!;

describe('/feed add | list | remove', () => {
  it('adds a feed (checked once), lists it with its title, removes it by the autocompleted id', async () => {
    const added = await add(server.url('/rss.xml'));
    expect(added.title).toBe('Feed added');
    expect(text(added)).toContain('Estuary Courier — Local');
    expect(text(await list())).toMatch(
      /`1` \*\*Estuary Courier — Local\*\* — http:\/\/127\.0\.0\.1:\d+\/rss\.xml · 0 items/,
    );
    const choices = await app.commands.get('feed')!.autocomplete!(
      {
        briefing: app.briefing,
        web: app.web,
        isAdmin: true,
        guildId: GUILD,
        channelId: null,
        userId: 'u',
        subcommand: 'remove',
      },
      'feed',
      'courier',
    );
    expect(choices).toEqual([{ name: `Estuary Courier — Local — ${server.url('/rss.xml')}`, value: '1' }]);
    const removed = await run(app, 'feed', { feed: '1' }, { subcommand: 'remove' });
    expect(removed.title).toBe('Feed removed');
    expect((await list()).title).toBe('No feeds');
  });

  it('refuses what is not a feed, a second copy, and a 26th feed, each with the reason', async () => {
    expect(text(await add(server.url('/news/story-1')))).toMatch(/text\/html, not an RSS, Atom or JSON feed/);
    expect(text(await add('ftp://example.com/feed'))).toMatch(/only http and https/);
    await add(server.url('/rss.xml'));
    expect(text(await add(server.url('/rss.xml')))).toMatch(/already follows that feed/);
    for (let i = 1; i < MAX_FEEDS_PER_SERVER; i++) await add(server.url(`/rss.xml?copy=${i}`));
    expect(await app.web!.listFeeds(GUILD)).toHaveLength(25);
    expect(text(await add(server.url('/atom.xml')))).toMatch(/at most 25 feeds; remove one first/);
    // The limit is per server: another server still has room.
    expect((await add(server.url('/atom.xml'), { guildId: '100000000000000002' })).title).toBe('Feed added');
  });

  it('is for admins only: Discord hides it, and the handler refuses others', async () => {
    const json = app.commands.get('feed')!.data.toJSON() as { default_member_permissions?: string };
    expect(json.default_member_permissions).toBe('32');
    const refused = await add(server.url('/rss.xml'), { isAdmin: false });
    expect(refused.title).toBe('Not allowed');
    expect(await app.web!.listFeeds(GUILD)).toHaveLength(0);
  });
});

describe('the feed poller', () => {
  it.each(['/rss.xml', '/atom.xml', '/feed.json'])('%s: each item once; after a 304 nothing', async (route) => {
    await add(server.url(route));
    const [first] = await poller().pollDue();
    expect(first.status).toBe('ok');
    expect(first.outcomes.map((o) => o.ok && o.result.status)).toEqual(['new', 'new', 'new']);
    const docs = documents(app);
    expect(docs.map((d) => d.title).sort()).toEqual(stories.map((s) => s.title).sort());
    expect(docs[0].body).not.toContain('Accept all cookies');
    const [second] = await poller().pollDue({ all: true });
    expect(second.status).toBe('not-modified');
    expect(documents(app)).toHaveLength(3);
    const etagged = server.requests.filter((r) => r.path === route && r.headers['if-none-match'] === '"v1"');
    expect(etagged.length).toBeGreaterThan(0);
  });

  it('a restart (a new app over the same file) does not ingest an item again', async () => {
    await add(server.url('/plain.xml'));
    await poller().pollDue();
    await app.close();
    app = await webApp(file, notify);
    const before = server.requests.filter((r) => r.path.startsWith('/news/')).length;
    const [again] = await poller().pollDue({ all: true });
    expect(again.status).toBe('ok');
    expect(again.outcomes).toEqual([]);
    expect(server.requests.filter((r) => r.path.startsWith('/news/')).length).toBe(before);
    expect(documents(app)).toHaveLength(3);
  });

  it('falls back to the item text when its page cannot be had', async () => {
    const gone = { ...story(9), slug: 'no-such-page' };
    routes['/fallback.json'] = send(200, 'application/feed+json', jsonFeedOf(server.url(''), [gone]));
    await add(server.url('/fallback.json'));
    const [r] = await poller().pollDue();
    expect(r.outcomes[0].ok).toBe(true);
    const [doc] = documents(app);
    expect(doc.title).toBe(gone.title);
    expect(doc.body).toContain(gone.paragraphs[1]);
  });

  it('backs off on failures and disables the feed after 5 in a row, with the reason listed and told', async () => {
    await add(server.url('/plain.xml'));
    const [feed] = await app.web!.listFeeds(GUILD);
    app.store.db.prepare('UPDATE feeds SET url = ? WHERE id = ?').run(server.url('/broken.xml'), feed.id);
    const delays: number[] = [];
    for (let i = 1; i <= 5; i++) {
      const [r] = await poller().pollDue({ all: true });
      const [after] = await app.web!.listFeeds(GUILD);
      delays.push(Date.parse(after.nextPollAt) - Date.parse(after.lastPolledAt!));
      expect(r.status).toBe(i < 5 ? 'failed' : 'disabled');
    }
    expect(delays.slice(0, 4)).toEqual([2, 4, 8, 16].map((k) => k * 15 * 60_000));
    expect(text(await list())).toMatch(
      /\*\*disabled\*\* — 5 failed polls in a row; the last: the site answered HTTP 500/,
    );
    expect(notices).toHaveLength(1);
    expect(notices[0].guild).toBe(GUILD);
    expect(notices[0].answer.title).toBe('Feed disabled');
    expect(await poller().pollDue({ all: true })).toEqual([]);
  });

  it.each([404, 410])('a %i disables the feed at once', async (status) => {
    status404 = 0;
    await add(server.url('/going.xml'));
    status404 = status;
    const [r] = await poller().pollDue();
    expect(r.status).toBe('disabled');
    expect(r.reason).toMatch(status === 404 ? /not found \(HTTP 404/ : /gone for good \(HTTP 410/);
    expect(notices.map((n) => n.answer.description)).toEqual([expect.stringContaining(r.reason!)]);
  });

  it('polls on its own once started: a feed added is due at once', async () => {
    poller().start();
    await add(server.url('/plain.xml'));
    const deadline = Date.now() + 10_000;
    while (documents(app).length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(documents(app)).toHaveLength(3);
    const next = Date.parse((await app.web!.listFeeds(GUILD))[0].nextPollAt) - Date.now();
    expect(next).toBeGreaterThan(13 * 60_000);
    expect(next).toBeLessThan(17 * 60_000);
  });
});
