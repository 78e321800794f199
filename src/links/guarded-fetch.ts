import dns from 'node:dns';
import type { LookupAddress } from 'node:dns';
import net from 'node:net';
import { MAX_DOCUMENT_BYTES } from '../documents/document.ts';
import { addressProblem, isPublicAddress } from './addresses.ts';
import { LinkError } from './errors.ts';
import { pinnedDispatcher, type Pins } from './pinned-dispatcher.ts';

/**
 * One fetch for links and feeds: http(s) only, public addresses only, every redirect hop checked, size and time
 * bounded.
 */

export const DEFAULT_TIMEOUT_MS = 10_000;
export const MAX_REDIRECTS = 5;
const USER_AGENT = 'parley/0.1 (news briefing bot)';

export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export interface GuardOptions {
  /** Reach private, loopback and other non-public addresses too (PARLEY_ALLOW_PRIVATE_URLS=true). */
  allowPrivate?: boolean;
  /** For the whole fetch: every hop and the body. */
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** Host name → addresses; dns.promises.lookup by default. Tests map names to 127.0.0.1 with it. */
  resolve?: Resolver;
  /** Which resolved addresses may be reached when allowPrivate is off; public ones by default. */
  isAllowedAddress?: (address: string) => boolean;
}

export interface FetchRequest {
  /** The media types accepted ("text/html"), and what to call them in a refusal ("a web page or text"). */
  accept: readonly string[];
  acceptName: string;
  headers?: Record<string, string>;
}

export interface Fetched {
  /** The URL as asked for, and the one that answered after redirects. */
  url: string;
  finalUrl: string;
  status: number;
  headers: Headers;
  /** The media type without parameters ("text/html"); '' for a 304. */
  contentType: string;
  body: Buffer;
}

type Limits = Required<GuardOptions>;

const defaultResolve: Resolver = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

function withDefaults(options: GuardOptions): Limits {
  return {
    allowPrivate: options.allowPrivate ?? false,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxBytes: options.maxBytes ?? MAX_DOCUMENT_BYTES,
    maxRedirects: options.maxRedirects ?? MAX_REDIRECTS,
    resolve: options.resolve ?? defaultResolve,
    isAllowedAddress: options.isAllowedAddress ?? isPublicAddress,
  };
}

export function parseHttpUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new LinkError('bad-url', 'this is not a valid URL', raw);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new LinkError('bad-url', `only http and https links can be read, not ${url.protocol}`, raw);
  }
  if (url.username || url.password) {
    throw new LinkError('bad-url', 'links with a user name or password in them are not fetched', raw);
  }
  return url;
}

function megabytes(bytes: number): string {
  return `${Number((bytes / 1048576).toFixed(1))} MB`;
}

/** Settles with the promise, or rejects as soon as the signal aborts (a DNS lookup cannot be cancelled). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

async function addressesOf(url: URL, limits: Limits, signal: AbortSignal): Promise<LookupAddress[]> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const family = net.isIP(host);
  if (family !== 0) return [{ address: host, family }];
  const addresses = await untilAborted(limits.resolve(host), signal);
  if (addresses.length === 0) throw new LinkError('unreachable', `the host ${host} has no address`, url.href);
  return addresses;
}

/** Resolves the URL's host, refuses it unless every address may be reached, and pins the checked addresses. */
async function admit(url: URL, limits: Limits, pins: Pins, signal: AbortSignal): Promise<void> {
  const addresses = await addressesOf(url, limits, signal);
  if (!limits.allowPrivate) {
    const refused = addresses.find((a) => !limits.isAllowedAddress(a.address));
    if (refused) {
      const what = addressProblem(refused.address) ?? 'an address that is not allowed';
      const reason = `the link leads to ${what} (${refused.address}), which parley does not fetch`;
      throw new LinkError('private-address', reason, url.href);
    }
  }
  pins.set(url.hostname.replace(/^\[|\]$/g, ''), addresses);
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function redirectTarget(res: Response, from: URL): URL | null {
  const location = res.headers.get('location');
  if (!REDIRECTS.has(res.status) || !location) return null;
  try {
    return parseHttpUrl(new URL(location, from).href);
  } catch (e) {
    if (e instanceof LinkError) throw new LinkError('bad-url', `it redirects to a link that ${e.reason}`, from.href);
    throw e;
  }
}

interface Hop {
  url: URL;
  res: Response;
}

/** Follows redirects by hand, so that every hop goes through admit(). */
async function follow(start: URL, init: RequestInit, limits: Limits, pins: Pins, signal: AbortSignal): Promise<Hop> {
  const seen = new Set<string>();
  for (let url = start; ;) {
    seen.add(url.href);
    await admit(url, limits, pins, signal);
    const res = await fetch(url, { ...init, redirect: 'manual', signal });
    const next = redirectTarget(res, url);
    if (!next) return { url, res };
    await res.body?.cancel();
    if (seen.has(next.href)) throw new LinkError('too-many-redirects', 'the page redirects in a loop', start.href);
    if (seen.size > limits.maxRedirects) {
      throw new LinkError(
        'too-many-redirects',
        `the page redirects more than ${limits.maxRedirects} times`,
        start.href,
      );
    }
    url = next;
  }
}

function statusError(res: Response, url: string): LinkError {
  const text = `${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
  if (res.status === 404) return new LinkError('not-found', `the page was not found (HTTP ${text})`, url, 404);
  if (res.status === 410) return new LinkError('gone', `the page is gone for good (HTTP ${text})`, url, 410);
  return new LinkError('http-status', `the site answered HTTP ${text}`, url, res.status);
}

export function mediaType(header: string | null): string {
  return (header ?? '').split(';')[0].trim().toLowerCase();
}

/** Reads the body, cancelling the stream as soon as it passes maxBytes: a Content-Length may lie or be absent. */
async function readLimited(res: Response, maxBytes: number, url: string): Promise<Buffer> {
  const tooLarge = () => new LinkError('too-large', `the page is larger than ${megabytes(maxBytes)}`, url);
  if (Number(res.headers.get('content-length') ?? 0) > maxBytes) {
    await res.body?.cancel();
    throw tooLarge();
  }
  if (!res.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body.getReader();
  for (let part = await reader.read(); !part.done; part = await reader.read()) {
    total += part.value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(part.value);
  }
  return Buffer.concat(chunks);
}

async function checkedResponse(hop: Hop, req: FetchRequest, limits: Limits, url: string): Promise<Fetched> {
  const { res } = hop;
  const base = { url, finalUrl: hop.url.href, status: res.status, headers: res.headers };
  if (res.status === 304) {
    await res.body?.cancel();
    return { ...base, contentType: '', body: Buffer.alloc(0) };
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw statusError(res, url);
  }
  const contentType = mediaType(res.headers.get('content-type'));
  if (!req.accept.includes(contentType)) {
    await res.body?.cancel();
    const got = contentType ? `the link is ${contentType}` : 'the site did not say what kind of file this is';
    throw new LinkError('unsupported-type', `${got}, not ${req.acceptName}`, url);
  }
  return { ...base, contentType, body: await readLimited(res, limits.maxBytes, url) };
}

const NETWORK_REASONS: Record<string, string> = {
  ENOTFOUND: 'the host name does not exist',
  EAI_AGAIN: 'the host name could not be looked up just now',
  ECONNREFUSED: 'the site refused the connection',
  ECONNRESET: 'the site closed the connection',
};

/** Any failure as a LinkError: a timeout once the deadline passed, else a network failure named by its code. */
function asLinkError(e: unknown, url: string, signal: AbortSignal, limits: Limits): LinkError {
  if (e instanceof LinkError) return e;
  if (signal.aborted) {
    return new LinkError('timeout', `the site did not answer within ${limits.timeoutMs / 1000} s`, url);
  }
  const cause = (e as { cause?: { code?: string } })?.cause ?? (e as { code?: string });
  const code = cause?.code ?? '';
  return new LinkError(
    'unreachable',
    NETWORK_REASONS[code] ?? `the site could not be reached (${code || String(e)})`,
    url,
  );
}

/**
 * GETs a URL under every rule above; answers 2xx (body read) and 304, throws LinkError for anything else.
 * A 304 only comes back when the request sent If-None-Match or If-Modified-Since.
 */
export async function guardedFetch(rawUrl: string, req: FetchRequest, options: GuardOptions = {}): Promise<Fetched> {
  const url = parseHttpUrl(rawUrl);
  const limits = withDefaults(options);
  const signal = AbortSignal.timeout(limits.timeoutMs);
  const pins: Pins = new Map();
  const dispatcher = pinnedDispatcher(pins);
  const headers = { 'user-agent': USER_AGENT, accept: req.accept.join(', '), ...req.headers };
  const init = { headers, dispatcher } as RequestInit;
  try {
    const hop = await follow(url, init, limits, pins, signal);
    return await untilAborted(checkedResponse(hop, req, limits, url.href), signal);
  } catch (e) {
    throw asLinkError(e, url.href, signal, limits);
  } finally {
    void dispatcher?.destroy().catch(() => {});
  }
}
