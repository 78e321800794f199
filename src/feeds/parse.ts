import Parser from 'rss-parser';
import { LinkError } from '../links/errors.ts';
import { htmlToText } from '../links/html-text.ts';
import { isoDay } from '../links/metadata.ts';
import { jsonFeedSchema, type JsonFeedItem } from './json-feed.ts';

export interface FeedItem {
  /** The item's guid (RSS), id (Atom, JSON Feed), else its link: what the poller remembers as seen. */
  id: string;
  link?: string;
  title?: string;
  /** YYYY-MM-DD: as written in an ISO timestamp (Atom, JSON Feed), else the UTC day (RSS's RFC 822 dates). */
  published?: string;
  /** The item's text, HTML stripped; '' when the feed carries only titles. */
  content: string;
}

export interface ParsedFeed {
  title?: string;
  items: FeedItem[];
}

type RssItem = Parser.Item & { id?: string; 'content:encoded'?: string };

const rss = new Parser<Record<string, unknown>, { id?: string; 'content:encoded'?: string }>();

function clean(value: string | undefined): string | undefined {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text : undefined;
}

function httpLink(href: string | undefined, base: string | undefined): string | undefined {
  if (!href?.trim()) return undefined;
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Items with neither an id nor a link cannot be told apart from one poll to the next: they are left out. */
function withId(item: Omit<FeedItem, 'id'>, id: string | undefined): FeedItem[] {
  const key = clean(id) ?? item.link;
  return key ? [{ id: key, ...item }] : [];
}

function fromRss(item: RssItem, base: string | undefined): FeedItem[] {
  const html = item['content:encoded'] ?? item.content ?? item.summary ?? '';
  const link = httpLink(item.link, base);
  const published = isoDay(item.isoDate);
  return withId({ link, title: clean(item.title), published, content: htmlToText(html) }, item.guid ?? item.id);
}

function fromJson(item: JsonFeedItem, base: string | undefined): FeedItem[] {
  const link = httpLink(item.url ?? item.external_url, base);
  const content = item.content_html ? htmlToText(item.content_html) : (item.content_text ?? item.summary ?? '').trim();
  const published = isoDay(item.date_published ?? item.date_modified);
  return withId({ link, title: clean(item.title), published, content }, item.id);
}

function notAFeed(detail: string, url: string): LinkError {
  return new LinkError('not-a-feed', `this is not an RSS, Atom or JSON feed (${detail})`, url);
}

function parseJsonFeed(text: string, base: string | undefined): ParsedFeed {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw notAFeed('it is not valid JSON', base ?? '');
  }
  const parsed = jsonFeedSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw notAFeed(`${issue.path.join('.') || 'the document'}: ${issue.message}`, base ?? '');
  }
  return { title: clean(parsed.data.title), items: parsed.data.items.flatMap((i) => fromJson(i, base)) };
}

async function parseXmlFeed(text: string, base: string | undefined): Promise<ParsedFeed> {
  let feed: Parser.Output<RssItem>;
  try {
    feed = await rss.parseString(text);
  } catch (e) {
    throw notAFeed((e as Error).message.split('\n')[0], base ?? '');
  }
  return { title: clean(feed.title), items: feed.items.flatMap((i) => fromRss(i, base)) };
}

function looksLikeJson(text: string, contentType: string): boolean {
  return /json/i.test(contentType) || text.trimStart().startsWith('{');
}

/**
 * RSS 2.0 (and 0.9x / 1.0) and Atom through rss-parser; JSON Feed 1.x through a zod schema. `baseUrl`, the feed's
 * own URL, resolves relative item links. Throws LinkError 'not-a-feed' with the reason.
 */
export async function parseFeed(text: string, contentType: string, baseUrl?: string): Promise<ParsedFeed> {
  return looksLikeJson(text, contentType) ? parseJsonFeed(text, baseUrl) : parseXmlFeed(text, baseUrl);
}
