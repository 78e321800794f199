/** /ingest url and /feed through discord.js against the fake Discord; pages and feeds from a 127.0.0.1 server. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rssOf, story, storyPage } from '../feeds/site.ts';
import { send, startServer, type LocalServer, type Route } from '../links/local-server.ts';
import type { InteractionRecord } from './fake-discord/index.ts';
import { expectCleanReply } from './expect-reply.ts';
import { sleep, startParley, type Parley } from './harness.ts';

let p: Parley;
let server: LocalServer;
const routes: Record<string, Route> = {};
const stories = [21, 22, 23, 24, 25].map((n) => story(n));
const admin = { admin: true };

beforeAll(async () => {
  server = await startServer(routes);
  for (const s of stories) routes[`/news/${s.slug}`] = send(200, 'text/html', storyPage(s));
  routes['/rss.xml'] = (req, res) => send(200, 'application/rss+xml', rssOf(server.url(''), stories))(req, res);
  p = await startParley();
});
afterAll(async () => {
  await p?.stop();
  await server?.close();
});
afterEach(() => expect(p.fake.violations).toEqual([]));

const text = (embeds: unknown[]) => JSON.stringify(embeds);

/** The deferred reply's last edit once it carries the answer (progress edits come before it). */
async function finalEdit(record: InteractionRecord) {
  for (let waited = 0; waited < 20_000; waited += 50) {
    const last = record.edits.at(-1);
    if (last?.body.embeds?.length) return last.body;
    await sleep(50);
  }
  throw new Error(`no final answer: ${JSON.stringify(record.edits)} ${JSON.stringify(p.fake.violations)}`);
}

describe('/ingest url', () => {
  it('reads the article, defers, answers privately; the story is then in /sources', async () => {
    const reply = await p.fake.sendCommand('ingest', { url: server.url(`/news/${stories[0].slug}`) }, admin);
    expectCleanReply(reply);
    expect(reply.deferred).toBe(true);
    expect(reply.ephemeral).toBe(true);
    expect(reply.embeds[0].title).toBe(`Added ${server.url(`/news/${stories[0].slug}`)}`);
    const sources = await p.fake.sendCommand('sources');
    expect(text(sources.embeds)).toContain(stories[0].title);
  });

  it('a refused link says why', async () => {
    const reply = await p.fake.sendCommand('ingest', { url: server.url('/nowhere') }, admin);
    expectCleanReply(reply);
    expect(reply.embeds[0].title).toBe('Refused');
    expect(text(reply.embeds)).toMatch(/the page was not found \(HTTP 404 Not Found\)\. Nothing was stored/);
  });

  it('a feed link edits the deferred reply with progress, then with the answer', async () => {
    const reply = await p.fake.sendCommand('ingest', { url: server.url('/rss.xml') }, admin);
    const body = await finalEdit(reply.record);
    expect(reply.record.edits[0].body).toMatchObject({ content: '1/5 fetched', allowed_mentions: { parse: [] } });
    expect(text(body.embeds ?? [])).toMatch(/5 items: 4 added, 0 updated, 1 already known/);
    expect(body.content).toBe('');
    for (const edit of reply.record.edits) expect(edit.body.allowed_mentions).toEqual({ parse: [] });
  });
});

describe('/feed', () => {
  it('add, list, remove (autocomplete); hidden from members', async () => {
    await expect(p.fake.sendCommand('feed list')).rejects.toThrow(/would not show \/feed/);
    const added = await p.fake.sendCommand('feed add', { url: server.url('/rss.xml') }, admin);
    expectCleanReply(added);
    expect(added.embeds[0].title).toBe('Feed added');
    const listed = await p.fake.sendCommand('feed list', {}, admin);
    expectCleanReply(listed);
    expect(text(listed.embeds)).toMatch(/Estuary Courier — Local.*0 items · next poll/);
    const choices = await p.fake.autocomplete('feed remove', { feed: '' }, 'feed', admin);
    expect(choices).toEqual([{ name: `Estuary Courier — Local — ${server.url('/rss.xml')}`, value: '1' }]);
    const removed = await p.fake.sendCommand('feed remove', { feed: '1' }, admin);
    expectCleanReply(removed);
    expect(removed.embeds[0].title).toBe('Feed removed');
  });

  it('a disabled feed is told to the server admins in the system channel', async () => {
    routes['/dying.xml'] = send(200, 'application/rss+xml', rssOf(server.url(''), []));
    await p.fake.sendCommand('feed add', { url: server.url('/dying.xml') }, admin);
    routes['/dying.xml'] = send(410, 'text/plain', 'gone');
    const [result] = await p.app.poller!.pollDue({ all: true });
    expect(result.status).toBe('disabled');
    const notices = p.fake.messagesIn(p.fake.guild.systemChannelId!);
    expect(notices.at(-1)?.embeds[0].title).toBe('Feed disabled');
    expect(notices.at(-1)?.embeds[0].description).toMatch(/gone for good \(HTTP 410/);
    const listed = await p.fake.sendCommand('feed list', {}, admin);
    expect(text(listed.embeds)).toMatch(/\*\*disabled\*\* — the page is gone for good/);
  });
});
