import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { decodeBody } from './decode.ts';
import { LinkError } from './errors.ts';
import { guardedFetch, type GuardOptions } from './guarded-fetch.ts';
import { nodeText } from './html-text.ts';
import { isoDay, pageMetadata } from './metadata.ts';

/**
 * A page with less readable text than this is not an article: an index, a login wall, a cookie notice, a video
 * page with a one-line caption. 300 characters is about two sentences of news copy; a real story's first
 * paragraph or two already passes it, while the headline list of an index page that readability settles on
 * (a few teaser lines) usually does not.
 */
export const MIN_ARTICLE_CHARS = 300;

export const ARTICLE_CONTENT_TYPES = ['text/html', 'application/xhtml+xml', 'text/plain'] as const;

export interface Article {
  /** The link as given; the URL that answered after redirects; the page's own canonical URL (else finalUrl). */
  url: string;
  finalUrl: string;
  canonicalUrl: string;
  title: string;
  siteName?: string;
  byline?: string;
  /** YYYY-MM-DD. */
  published?: string;
  /** Readable text, paragraphs separated by blank lines. */
  text: string;
  contentType: string;
}

export type FetchArticleOptions = GuardOptions;

const TITLE_MAX = 120;

function firstLine(text: string): string {
  const line =
    text
      .split('\n')
      .find((l) => l.trim())
      ?.trim() ?? '';
  return line.length > TITLE_MAX ? `${line.slice(0, TITLE_MAX - 1).trimEnd()}…` : line;
}

function withoutBy(byline: string | null | undefined): string | undefined {
  const name = byline?.replace(/^\s*by\s+/i, '').trim();
  return name ? name : undefined;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

function parsePage(html: string) {
  const page = /<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  return parseHTML(page).document;
}

type Readable = NonNullable<ReturnType<Readability['parse']>>;

function readableText(article: Readable | null): string {
  return article?.content ? nodeText(parsePage(article.content).body) : '';
}

/** The article in an HTML page (a fetched page or an .html attachment): readable text and metadata, no fetch. */
export function articleFromHtml(html: string, baseUrl: string): Article {
  const document = parsePage(html);
  const meta = pageMetadata(document, baseUrl);
  const readable = new Readability(document as unknown as Document).parse();
  const text = readableText(readable);
  if (text.length < MIN_ARTICLE_CHARS) {
    const found = text.length === 0 ? 'no readable text' : `only ${text.length} characters of readable text`;
    throw new LinkError('not-an-article', `this page is not an article: it has ${found}`, baseUrl);
  }
  return {
    url: baseUrl,
    finalUrl: baseUrl,
    canonicalUrl: meta.canonicalUrl ?? baseUrl,
    title: meta.title ?? (readable?.title?.trim() || firstLine(text) || hostOf(baseUrl)),
    siteName: meta.siteName ?? (readable?.siteName?.trim() || undefined),
    byline: meta.byline ?? withoutBy(readable?.byline),
    published: meta.published ?? isoDay(readable?.publishedTime ?? undefined),
    text,
    contentType: 'text/html',
  };
}

/** A plain-text answer is the article as it is; its first line is the title. */
export function articleFromText(text: string, url: string): Article {
  const body = text.replace(/^\uFEFF/, '').trim();
  if (!body) throw new LinkError('not-an-article', 'the page is empty', url);
  return { url, finalUrl: url, canonicalUrl: url, title: firstLine(body), text: body, contentType: 'text/plain' };
}

/** Fetches a link under the guarded-fetch rules and reads the article in it. Throws LinkError with a reason. */
export async function fetchArticle(url: string, options: FetchArticleOptions = {}): Promise<Article> {
  const request = { accept: ARTICLE_CONTENT_TYPES, acceptName: 'a web page or plain text' };
  const fetched = await guardedFetch(url, request, options);
  const text = decodeBody(fetched.body, fetched.headers.get('content-type'));
  const article =
    fetched.contentType === 'text/plain'
      ? articleFromText(text, fetched.finalUrl)
      : articleFromHtml(text, fetched.finalUrl);
  return { ...article, url: fetched.url, contentType: fetched.contentType };
}
