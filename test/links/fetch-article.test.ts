import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleFromHtml, fetchArticle, MIN_ARTICLE_CHARS } from '../../src/links/article.ts';
import { LinkError, type LinkErrorKind } from '../../src/links/errors.ts';
import { ARTICLE_PARAGRAPHS, BOILERPLATE, INDEX_PAGE, articlePage } from './pages.ts';
import { redirect, send, startServer, type LocalServer } from './local-server.ts';

const HTML = 'text/html; charset=utf-8';
const FIVE_MB = Buffer.alloc(5 * 1024 * 1024, 'a');
const LOCAL = { allowPrivate: true };

let server: LocalServer;

beforeAll(async () => {
  server = await startServer({
    '/story': send(200, HTML, articlePage()),
    '/story-title-only': send(200, HTML, articlePage({ ogTitle: false, jsonLd: false, authorMeta: false })),
    '/notes.txt': send(200, 'text/plain; charset=utf-8', 'Harbour notes\r\n\r\nThe tide was high at noon.\r\n'),
    '/latin1': send(
      200,
      'text/html; charset=iso-8859-1',
      Buffer.from(articlePage().replace('Tobias', 'Søren'), 'latin1'),
    ),
    '/xhtml': send(200, 'application/xhtml+xml', articlePage()),
    '/index': send(200, HTML, INDEX_PAGE),
    '/image': send(200, 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47])),
    '/pdf': send(200, 'application/pdf', '%PDF-1.4'),
    '/untyped': send(200, null, 'who knows'),
    '/gone': send(410, 'text/plain', 'gone'),
    '/broken': send(503, 'text/plain', 'down'),
    '/huge': send(200, HTML, FIVE_MB),
    '/huge-chunked': (_req, res) => {
      res.writeHead(200, { 'content-type': HTML });
      for (let i = 0; i < 5; i++) res.write(FIVE_MB.subarray(0, 1024 * 1024));
      res.end();
    },
    '/silent': () => {},
    '/stalls-mid-body': (_req, res) => {
      res.writeHead(200, { 'content-type': HTML });
      res.write('<html><body><p>The first words arrive, and then nothing');
    },
    '/loop-a': redirect('/loop-b'),
    '/loop-b': redirect('/loop-a'),
    ...Object.fromEntries([1, 2, 3, 4, 5, 6].map((n) => [`/hop${n}`, redirect(`/hop${n + 1}`, 301)])),
    '/hop7': send(200, HTML, articlePage()),
    '/to-ftp': redirect('ftp://files.example/story.txt'),
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

async function expectRefused(url: string, kind: LinkErrorKind, reason: RegExp, options = {}) {
  const error = await refusal(fetchArticle(url, { ...LOCAL, ...options }));
  expect(error.kind).toBe(kind);
  expect(error.reason).toMatch(reason);
  return error;
}

describe('fetchArticle: the article and its metadata', () => {
  it('keeps the story paragraphs, separated by blank lines, and none of the page furniture', async () => {
    const article = await fetchArticle(server.url('/story'), LOCAL);
    for (const paragraph of ARTICLE_PARAGRAPHS) expect(article.text).toContain(paragraph);
    expect(article.text).toContain(`${ARTICLE_PARAGRAPHS[0]}\n\n${ARTICLE_PARAGRAPHS[1]}`);
    for (const furniture of BOILERPLATE) expect(article.text).not.toContain(furniture);
    expect(article.text).not.toContain('window.analytics');
  });

  it('reads every metadata field', async () => {
    const article = await fetchArticle(server.url('/story'), LOCAL);
    expect(article).toMatchObject({
      url: server.url('/story'),
      finalUrl: server.url('/story'),
      canonicalUrl: server.url('/news/2025/02/ferry-pier'),
      title: 'Lowmere council votes to rebuild the ferry pier',
      siteName: 'The Harbour Gazette',
      byline: 'Ingrid Solberg',
      published: '2025-02-11',
      contentType: 'text/html',
    });
  });

  it('falls back to <title> without its " | Site" suffix, and to readability for the byline', async () => {
    const article = await fetchArticle(server.url('/story-title-only'), LOCAL);
    expect(article.title).toBe('Lowmere council votes to rebuild the ferry pier');
    expect(article.byline).toBe('Ingrid Solberg');
  });

  it('passes plain text through as it is, its first line the title', async () => {
    const article = await fetchArticle(server.url('/notes.txt'), LOCAL);
    expect(article).toMatchObject({ title: 'Harbour notes', contentType: 'text/plain' });
    expect(article.text).toBe('Harbour notes\n\nThe tide was high at noon.');
  });

  it('decodes the charset the server names, and reads XHTML', async () => {
    expect((await fetchArticle(server.url('/latin1'), LOCAL)).text).toContain('spokesman, Søren Lindqvist');
    expect((await fetchArticle(server.url('/xhtml'), LOCAL)).contentType).toBe('application/xhtml+xml');
  });

  it('follows up to five redirects and reports the final URL', async () => {
    const article = await fetchArticle(server.url('/hop2'), LOCAL);
    expect(article.url).toBe(server.url('/hop2'));
    expect(article.finalUrl).toBe(server.url('/hop7'));
  });
});

describe('fetchArticle: refusals, each with a reason', () => {
  it('refuses a page that is not an article', async () => {
    const error = await expectRefused(server.url('/index'), 'not-an-article', /not an article/);
    expect(error.reason).toMatch(/only \d+ characters/);
  });

  it('refuses files that are not web pages or text', async () => {
    await expectRefused(server.url('/image'), 'unsupported-type', /image\/png, not a web page or plain text/);
    await expectRefused(server.url('/pdf'), 'unsupported-type', /application\/pdf/);
    await expectRefused(server.url('/untyped'), 'unsupported-type', /did not say what kind of file/);
  });

  it('names 404, 410 and other statuses', async () => {
    expect((await expectRefused(server.url('/missing'), 'not-found', /not found \(HTTP 404/)).status).toBe(404);
    expect((await expectRefused(server.url('/gone'), 'gone', /gone for good \(HTTP 410/)).status).toBe(410);
    expect((await expectRefused(server.url('/broken'), 'http-status', /HTTP 503/)).status).toBe(503);
  });

  it('refuses a body over 2 MB, declared or not', async () => {
    await expectRefused(server.url('/huge'), 'too-large', /larger than 2 MB/);
    await expectRefused(server.url('/huge-chunked'), 'too-large', /larger than 2 MB/);
  });

  it('gives up on a slow site at the deadline', async () => {
    const started = Date.now();
    await expectRefused(server.url('/silent'), 'timeout', /did not answer within 0.2 s/, { timeoutMs: 200 });
    await expectRefused(server.url('/stalls-mid-body'), 'timeout', /did not answer/, { timeoutMs: 200 });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('refuses a redirect loop and a sixth redirect', async () => {
    await expectRefused(server.url('/loop-a'), 'too-many-redirects', /redirects in a loop/);
    await expectRefused(server.url('/hop1'), 'too-many-redirects', /more than 5 times/);
  });

  it('refuses schemes other than http and https, before and after a redirect', async () => {
    await expectRefused('ftp://files.example/story.txt', 'bad-url', /only http and https.*ftp:/);
    await expectRefused('file:///etc/passwd', 'bad-url', /only http and https.*file:/);
    await expectRefused('not a url', 'bad-url', /not a valid URL/);
    await expectRefused('http://user:secret@127.0.0.1/', 'bad-url', /user name or password/);
    await expectRefused(server.url('/to-ftp'), 'bad-url', /redirects to a link that only http and https/);
  });
});

describe('articleFromHtml', () => {
  it('reads an attachment with no fetch, resolving the canonical link against the base URL', () => {
    const article = articleFromHtml(articlePage(), 'https://gazette.example/news/x');
    expect(article.canonicalUrl).toBe('https://gazette.example/news/2025/02/ferry-pier');
    expect(article.text.length).toBeGreaterThan(MIN_ARTICLE_CHARS);
  });

  it('uses og:url when there is no canonical link, and the base URL when there is neither', () => {
    const page = articlePage().replace(/<link rel="canonical"[^>]*>/, '');
    expect(articleFromHtml(page, 'https://a.example/').canonicalUrl).toBe('https://gazette.example/news/ferry-pier');
    const bare = page.replace(/<meta property="og:url"[^>]*>/, '');
    expect(articleFromHtml(bare, 'https://a.example/x').canonicalUrl).toBe('https://a.example/x');
  });

  it('refuses a short page', () => {
    expect(() => articleFromHtml(INDEX_PAGE, 'https://gazette.example/local')).toThrow(/not an article/);
  });
});
