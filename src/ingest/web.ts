import crypto from 'node:crypto';
import { FEED_CONTENT_TYPES } from '../feeds/fetch.ts';
import { parseFeed, type FeedItem } from '../feeds/parse.ts';
import {
  ARTICLE_CONTENT_TYPES,
  articleFromHtml,
  articleFromText,
  fetchArticle,
  type Article,
} from '../links/article.ts';
import { decodeBody } from '../links/decode.ts';
import { LinkError } from '../links/errors.ts';
import { guardedFetch, type GuardOptions } from '../links/guarded-fetch.ts';
import { MAX_DOCUMENT_BYTES, megabytes, type SourceDocument } from '../documents/document.ts';
import type { IngestStore } from '../store/store.ts';
import { ingestDocument, type IngestOutcome } from './ingest.ts';

/**
 * Links, .html attachments and feed items as documents. A web document's key is its canonical URL: the same page
 * fetched again is a no-op, a changed page replaces its old version.
 */

export type WebOptions = GuardOptions;
export type Progress = (done: number, total: number) => void;

const sameSite = (a: URL, b: URL) => a.hostname.replace(/^www\./, '') === b.hostname.replace(/^www\./, '');

/** The URL without its #fragment; a page's canonical link only when it stays on the page's own site. */
export function documentUrl(article: Pick<Article, 'finalUrl' | 'canonicalUrl'>): string {
  const final = new URL(article.finalUrl);
  let url = final;
  try {
    const canonical = new URL(article.canonicalUrl, final);
    // A page may not claim another site's address: it would replace that site's article.
    if (/^https?:$/.test(canonical.protocol) && sameSite(canonical, final)) url = canonical;
  } catch {
    // an unreadable canonical link is ignored
  }
  url.hash = '';
  return url.href;
}

function contentHash(doc: Pick<SourceDocument, 'title' | 'publishedAt' | 'body'>): string {
  const text = JSON.stringify([doc.title, doc.publishedAt, doc.body]);
  return crypto.createHash('sha256').update(text).digest('hex');
}

function webDocument(fields: Omit<SourceDocument, 'contentHash' | 'tags'>): SourceDocument {
  if (Buffer.byteLength(fields.body) > MAX_DOCUMENT_BYTES) {
    throw new LinkError('too-large', `the article is larger than ${megabytes(MAX_DOCUMENT_BYTES)}`, fields.key);
  }
  return { ...fields, tags: [], contentHash: contentHash(fields) };
}

/** Site name and byline together as the document's source ("The Harbour Gazette — Ingrid Solberg"). */
function sourceOf(article: Pick<Article, 'siteName' | 'byline'>, fallback?: string): string | null {
  const site = article.siteName ?? fallback;
  return [site, article.byline].filter(Boolean).join(' — ') || null;
}

export function articleDocument(article: Article, fallback: { published?: string; source?: string } = {}) {
  const url = documentUrl(article);
  return webDocument({
    key: url,
    title: article.title,
    source: sourceOf(article, fallback.source),
    url,
    publishedAt: article.published ?? fallback.published ?? null,
    body: article.text,
  });
}

function failed(key: string, e: unknown): IngestOutcome {
  if (e instanceof LinkError) return { key, ok: false, reason: e.reason };
  throw e;
}

/** Stores one document; a LinkError (the page, the size) becomes the refusal's reason, nothing is stored. */
export async function ingestWebDocument(store: IngestStore, key: string, make: () => SourceDocument) {
  let doc: SourceDocument;
  try {
    doc = make();
  } catch (e) {
    return failed(key, e);
  }
  return { key: doc.key, ok: true as const, result: await ingestDocument(store, doc) };
}

/** An .html / .htm attachment: its article, known by its canonical URL when the page names one. */
export async function ingestHtml(store: IngestStore, fileName: string, bytes: Buffer): Promise<IngestOutcome> {
  const digest = crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 24);
  const base = `https://attachment.invalid/${digest}/${encodeURIComponent(fileName)}`;
  const outcome = await ingestWebDocument(store, fileName, () => {
    const article = articleFromHtml(decodeBody(bytes, null), base);
    const named = article.canonicalUrl !== base && /^https?:\/\//.test(article.canonicalUrl);
    const url = named ? new URL(article.canonicalUrl).href.replace(/#.*$/, '') : null;
    const doc = articleDocument({ ...article, finalUrl: url ?? base, canonicalUrl: url ?? base });
    return { ...doc, key: url ?? `attachment/${digest}.html`, url };
  });
  return { ...outcome, key: fileName };
}

export type LinkOutcome =
  | { kind: 'article'; outcome: IngestOutcome }
  | { kind: 'feed'; url: string; title?: string; outcomes: IngestOutcome[] };

function looksLikeFeed(contentType: string, text: string): boolean {
  if (contentType === 'text/html' || contentType === 'application/xhtml+xml') return false;
  if (contentType !== 'text/plain') return true;
  return /^\s*(?:<\?xml|<rss[\s>]|<feed[\s>]|\{\s*"version"\s*:\s*"https:\/\/jsonfeed)/.test(text);
}

const LINK_TYPES = [...new Set([...ARTICLE_CONTENT_TYPES, ...FEED_CONTENT_TYPES])];

/**
 * `/ingest url:` and `cli ingest URL`: an article page becomes one document; a feed's items each become one
 * (their pages fetched as articles), with progress. Refusals carry the LinkError's reason.
 */
export async function ingestLink(store: IngestStore, url: string, options: WebOptions, onProgress?: Progress) {
  let fetched;
  try {
    fetched = await guardedFetch(url, { accept: LINK_TYPES, acceptName: 'a web page, text or a feed' }, options);
  } catch (e) {
    return { kind: 'article', outcome: failed(url, e) } satisfies LinkOutcome;
  }
  const text = decodeBody(fetched.body, fetched.headers.get('content-type'));
  if (looksLikeFeed(fetched.contentType, text)) {
    try {
      const feed = await parseFeed(text, fetched.contentType, fetched.finalUrl);
      const outcomes = await ingestItems(store, feed.items, { ...options, source: feed.title }, onProgress);
      return { kind: 'feed', url: fetched.finalUrl, title: feed.title, outcomes } satisfies LinkOutcome;
    } catch (e) {
      return { kind: 'article', outcome: failed(url, e) } satisfies LinkOutcome;
    }
  }
  const outcome = await ingestWebDocument(store, url, () => {
    const read = fetched.contentType === 'text/plain' ? articleFromText : articleFromHtml;
    return articleDocument({ ...read(text, fetched.finalUrl), url: fetched.url });
  });
  return { kind: 'article', outcome } satisfies LinkOutcome;
}

export interface ItemOptions extends WebOptions {
  /** The feed's title: the source of items whose page names no site. */
  source?: string;
}

/** The item's own text as a document, when its page cannot be had. */
function itemContentDocument(item: FeedItem, source: string | undefined, why: LinkError | null): SourceDocument {
  const content = item.content.trim();
  if (!content) {
    const reason = why ? `${why.reason}, and the feed gives no text for it` : 'the feed gives no text and no link';
    throw new LinkError(why?.kind ?? 'not-an-article', reason, item.link ?? item.id);
  }
  const key = item.link ?? `feed-item:${item.id}`;
  const title = item.title ?? content.split('\n')[0].slice(0, 120);
  return webDocument({
    key,
    title,
    source: source ?? null,
    url: item.link ?? null,
    publishedAt: item.published ?? null,
    body: content,
  });
}

/** A feed item as a document: its page read as an article, else (the page refused) the item's own content. */
export async function itemDocument(item: FeedItem, options: ItemOptions): Promise<SourceDocument> {
  if (!item.link) return itemContentDocument(item, options.source, null);
  try {
    const article = await fetchArticle(item.link, options);
    return articleDocument(article, { published: item.published, source: options.source });
  } catch (e) {
    if (!(e instanceof LinkError)) throw e;
    return itemContentDocument(item, options.source, e);
  }
}

/** Fetches and ingests one item; the refusal (its reason) as an outcome, never thrown. */
export async function ingestItem(store: IngestStore, item: FeedItem, options: ItemOptions): Promise<IngestOutcome> {
  let doc: SourceDocument;
  try {
    doc = await itemDocument(item, options);
  } catch (e) {
    return failed(item.link ?? item.id, e);
  }
  return { key: doc.key, ok: true, result: await ingestDocument(store, doc) };
}

async function ingestItems(store: IngestStore, items: FeedItem[], options: ItemOptions, onProgress?: Progress) {
  const outcomes: IngestOutcome[] = [];
  for (const item of items) {
    outcomes.push(await ingestItem(store, item, options));
    onProgress?.(outcomes.length, items.length);
  }
  return outcomes;
}
