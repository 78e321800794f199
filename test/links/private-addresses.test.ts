import type { LookupAddress } from 'node:dns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressProblem } from '../../src/links/addresses.ts';
import { fetchArticle } from '../../src/links/article.ts';
import { LinkError } from '../../src/links/errors.ts';
import { pinningAvailable } from '../../src/links/pinned-dispatcher.ts';
import { articlePage } from './pages.ts';
import { redirect, send, startServer, type LocalServer } from './local-server.ts';

/**
 * The address rules themselves, not switched off: the default check (allowPrivate false) refuses 127.0.0.1 at
 * the first request. To show the check after a redirect, the one address these tests serve from, 127.0.0.1,
 * is let through and every other address goes through the real classifier; host names resolve through a
 * table, so no test asks real DNS or leaves 127.0.0.1.
 */
let server: LocalServer;

const HOSTS: Record<string, LookupAddress[]> = {
  'news.test': [{ address: '127.0.0.1', family: 4 }],
  'intranet.test': [{ address: '192.168.1.5', family: 4 }],
  'mixed.test': [
    { address: '127.0.0.1', family: 4 },
    { address: '10.0.0.7', family: 4 },
  ],
  'mapped.test': [{ address: '::ffff:169.254.169.254', family: 6 }],
};

const resolve = async (host: string) => HOSTS[host] ?? [];
const onlyTheTestServer = (address: string) => address === '127.0.0.1' || addressProblem(address) === null;
const GUARDED = { resolve, isAllowedAddress: onlyTheTestServer };

beforeAll(async () => {
  server = await startServer({
    '/story': send(200, 'text/html', articlePage()),
    '/to-10': redirect('http://10.0.0.1/admin'),
    '/to-ipv6-loopback': redirect('http://[::1]/'),
    '/to-intranet': redirect('http://intranet.test/'),
    '/to-mapped': redirect('http://mapped.test/latest/meta-data'),
    '/to-metadata': redirect('http://169.254.169.254/latest/meta-data', 307),
  });
});

afterAll(() => server.close());

async function refusal(url: string, options: object): Promise<LinkError> {
  const error = await fetchArticle(url, options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LinkError);
  expect((error as LinkError).kind).toBe('private-address');
  return error as LinkError;
}

describe('private addresses', () => {
  it('refuses the loopback server itself at the first request, without sending it anything', async () => {
    const before = server.requests.length;
    const error = await refusal(server.url('/story'), {});
    expect(error.reason).toBe('the link leads to a loopback address (127.0.0.1), which parley does not fetch');
    expect(server.requests.length).toBe(before);
  });

  it('refuses a host name that resolves to a private address, or to any private address among several', async () => {
    expect((await refusal('http://intranet.test/', { resolve })).reason).toMatch(/private address \(192\.168\.1\.5\)/);
    expect((await refusal('http://mixed.test/', GUARDED)).reason).toMatch(/10\.0\.0\.7/);
    expect((await refusal('http://mapped.test/', GUARDED)).reason).toMatch(/link-local/);
  });

  it.each([
    ['/to-10', /private address \(10\.0\.0\.1\)/],
    ['/to-ipv6-loopback', /loopback address \(::1\)/],
    ['/to-intranet', /private address \(192\.168\.1\.5\)/],
    ['/to-mapped', /link-local address \(::ffff:169\.254\.169\.254\)/],
    ['/to-metadata', /link-local address \(169\.254\.169\.254\)/],
  ])('checks the hop after a redirect: %s', async (path, reason) => {
    expect(server.requests.some((r) => r.path === path)).toBe(false);
    const error = await refusal(server.url(path), GUARDED);
    expect(error.reason).toMatch(reason);
    expect(server.requests.some((r) => r.path === path)).toBe(true);
  });

  it('lets everything through with allowPrivate', async () => {
    const article = await fetchArticle(server.url('/story'), { allowPrivate: true });
    expect(article.title).toBe('Lowmere council votes to rebuild the ferry pier');
  });

  it.runIf(pinningAvailable)('connects to the checked address, not to a second DNS answer', async () => {
    const article = await fetchArticle(`http://news.test:${server.port}/story`, GUARDED);
    expect(article.finalUrl).toBe(`http://news.test:${server.port}/story`);
    expect(server.requests.at(-1)?.headers.host).toBe(`news.test:${server.port}`);
  });

  it('says so when a host name does not exist', async () => {
    const error = await fetchArticle('http://nowhere.test/', GUARDED).catch((e: unknown) => e as LinkError);
    expect(error).toMatchObject({ kind: 'unreachable', reason: 'the host nowhere.test has no address' });
  });
});
