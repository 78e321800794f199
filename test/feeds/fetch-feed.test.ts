import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchFeed } from '../../src/feeds/fetch.ts';
import { shouldDisable } from '../../src/feeds/schedule.ts';
import { addressProblem } from '../../src/links/addresses.ts';
import { LinkError } from '../../src/links/errors.ts';
import { redirect, send, startServer, type LocalServer, type Route } from '../links/local-server.ts';
import { ATOM, JSON_FEED, RSS } from './feeds.ts';

const ETAG = '"rss-v1"';
const LAST_MODIFIED = 'Tue, 11 Feb 2025 18:30:00 GMT';
const LOCAL = { allowPrivate: true };

/** Answers 304 when the client sends back the validators it was given, else the feed with them. */
const conditionalRss: Route = (req, res) => {
  if (req.headers['if-none-match'] === ETAG || req.headers['if-modified-since'] === LAST_MODIFIED) {
    res.writeHead(304, { etag: ETAG });
    res.end();
    return;
  }
  res.writeHead(200, { 'content-type': 'application/rss+xml', etag: ETAG, 'last-modified': LAST_MODIFIED });
  res.end(RSS);
};

let server: LocalServer;

beforeAll(async () => {
  server = await startServer({
    '/rss': conditionalRss,
    '/atom': send(200, 'application/atom+xml; charset=utf-8', ATOM),
    '/json': send(200, 'application/feed+json', JSON_FEED),
    '/xml-as-text': send(200, 'text/xml', RSS),
    '/moved': redirect('/rss', 301),
    '/gone': send(410, 'text/plain', 'gone'),
    '/page': send(200, 'text/html', '<html><body>not a feed</body></html>'),
    '/garbage': send(200, 'application/xml', '<nope/>'),
    '/huge': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      for (let i = 0; i < 5; i++) res.write(Buffer.alloc(1024 * 1024, ' '));
      res.end();
    },
    '/slow': () => {},
    '/to-private': redirect('http://10.1.1.1/feed.xml'),
  });
});

afterAll(() => server.close());

async function refusal(promise: Promise<unknown>): Promise<LinkError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LinkError);
  return error as LinkError;
}

describe('fetchFeed', () => {
  it('reads RSS, Atom and JSON feeds, and hands back the validators', async () => {
    const rss = await fetchFeed(server.url('/rss'), LOCAL);
    expect(rss).toMatchObject({ status: 'ok', etag: ETAG, lastModified: LAST_MODIFIED });
    expect(rss.status === 'ok' && rss.items.map((i) => i.id)).toEqual(['gazette-4411', server.url('/news/library')]);
    const atom = await fetchFeed(server.url('/atom'), LOCAL);
    expect(atom.status === 'ok' && atom.items[0].link).toBe('https://estuary.example/tides-march');
    const json = await fetchFeed(server.url('/json'), LOCAL);
    expect(json.status === 'ok' && json.title).toBe('Pier Watch');
    expect((await fetchFeed(server.url('/xml-as-text'), LOCAL)).status).toBe('ok');
  });

  it('sends If-None-Match and If-Modified-Since, and reports a 304 as not modified', async () => {
    expect(await fetchFeed(server.url('/rss'), { ...LOCAL, etag: ETAG })).toEqual({ status: 'not-modified' });
    expect(server.requests.at(-1)?.headers['if-none-match']).toBe(ETAG);
    const byDate = await fetchFeed(server.url('/rss'), { ...LOCAL, lastModified: LAST_MODIFIED });
    expect(byDate).toEqual({ status: 'not-modified' });
    expect(server.requests.at(-1)?.headers['if-modified-since']).toBe(LAST_MODIFIED);
    expect((await fetchFeed(server.url('/rss'), { ...LOCAL, etag: '"stale"' })).status).toBe('ok');
  });

  it('follows a redirect to the feed', async () => {
    expect((await fetchFeed(server.url('/moved'), LOCAL)).status).toBe('ok');
  });

  it('tells 404 from 410, and both disable the feed at once', async () => {
    const missing = await refusal(fetchFeed(server.url('/missing'), LOCAL));
    expect(missing).toMatchObject({ kind: 'not-found', status: 404 });
    const gone = await refusal(fetchFeed(server.url('/gone'), LOCAL));
    expect(gone).toMatchObject({ kind: 'gone', status: 410 });
    expect(shouldDisable(1, missing)).toBe(true);
    expect(shouldDisable(1, gone)).toBe(true);
  });

  it('refuses a web page and a document that is not a feed', async () => {
    const page = await refusal(fetchFeed(server.url('/page'), LOCAL));
    expect(page).toMatchObject({
      kind: 'unsupported-type',
      reason: 'the link is text/html, not an RSS, Atom or JSON feed',
    });
    expect((await refusal(fetchFeed(server.url('/garbage'), LOCAL))).kind).toBe('not-a-feed');
  });

  it('keeps the link rules: size, deadline, private addresses at the first request and after a redirect', async () => {
    expect((await refusal(fetchFeed(server.url('/huge'), LOCAL))).kind).toBe('too-large');
    expect((await refusal(fetchFeed(server.url('/slow'), { ...LOCAL, timeoutMs: 200 }))).kind).toBe('timeout');
    expect((await refusal(fetchFeed(server.url('/rss')))).kind).toBe('private-address');
    const onlyTheTestServer = (address: string) => address === '127.0.0.1' || addressProblem(address) === null;
    const hop = await refusal(fetchFeed(server.url('/to-private'), { isAllowedAddress: onlyTheTestServer }));
    expect(hop).toMatchObject({ kind: 'private-address' });
    expect(hop.reason).toMatch(/10\.1\.1\.1/);
  });
});
