import { decodeBody } from '../links/decode.ts';
import { guardedFetch, type GuardOptions } from '../links/guarded-fetch.ts';
import { parseFeed, type FeedItem } from './parse.ts';

/** text/plain and the generic XML types too: many servers send feeds as one of them. */
export const FEED_CONTENT_TYPES = [
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/feed+json',
  'application/json',
  'application/xml',
  'text/xml',
  'text/plain',
] as const;

export interface FetchFeedOptions extends GuardOptions {
  /** The validators the last answer gave: sent back as If-None-Match and If-Modified-Since. */
  etag?: string;
  lastModified?: string;
}

export type FeedFetchResult =
  | { status: 'not-modified' }
  | { status: 'ok'; etag?: string; lastModified?: string; title?: string; items: FeedItem[] };

function conditionalHeaders(options: FetchFeedOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  return headers;
}

/**
 * A conditional GET of a feed under the same rules as links (public addresses, every redirect hop checked, 2 MB,
 * deadline). Throws LinkError: 'not-found' (404) and 'gone' (410) are the ones that disable a feed at once.
 */
export async function fetchFeed(url: string, options: FetchFeedOptions = {}): Promise<FeedFetchResult> {
  const request = {
    accept: FEED_CONTENT_TYPES,
    acceptName: 'an RSS, Atom or JSON feed',
    headers: conditionalHeaders(options),
  };
  const fetched = await guardedFetch(url, request, options);
  if (fetched.status === 304) return { status: 'not-modified' };
  const text = decodeBody(fetched.body, fetched.headers.get('content-type'));
  const feed = await parseFeed(text, fetched.contentType, fetched.finalUrl);
  return {
    status: 'ok',
    etag: fetched.headers.get('etag') ?? undefined,
    lastModified: fetched.headers.get('last-modified') ?? undefined,
    ...feed,
  };
}
