/** What a page says about itself: Open Graph and article meta tags, JSON-LD, <title>, <link rel=canonical>. */

export interface PageMetadata {
  title?: string;
  siteName?: string;
  byline?: string;
  /** YYYY-MM-DD. */
  published?: string;
  canonicalUrl?: string;
}

interface Doc {
  querySelector(selector: string): { getAttribute(name: string): string | null; textContent: string | null } | null;
  querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }>;
}

type JsonObject = Record<string, unknown>;

const ARTICLE_TYPES = /^(?:\w*Article|BlogPosting|Report|LiveBlogPosting|WebPage)$/;

function clean(value: string | null | undefined): string | undefined {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text : undefined;
}

function meta(doc: Doc, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`);
    const value = clean(el?.getAttribute('content'));
    if (value) return value;
  }
  return undefined;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every object in the page's JSON-LD blocks, @graph members included; broken blocks are skipped. */
function jsonLdNodes(doc: Doc): JsonObject[] {
  const nodes: JsonObject[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    for (const item of [data].flat()) {
      if (!isObject(item)) continue;
      nodes.push(item, ...(Array.isArray(item['@graph']) ? item['@graph'].filter(isObject) : []));
    }
  }
  return nodes;
}

function jsonLdArticle(doc: Doc): JsonObject | undefined {
  const nodes = jsonLdNodes(doc);
  const typed = (node: JsonObject) =>
    [node['@type']].flat().some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t));
  return nodes.find((n) => typed(n) && n['@type'] !== 'WebPage') ?? nodes.find(typed);
}

/** "Jane Doe", {name: "Jane Doe"} or a list of either → "Jane Doe, John Roe". */
function names(value: unknown): string | undefined {
  const list = [value]
    .flat()
    .map((v) => (typeof v === 'string' ? v : isObject(v) && typeof v.name === 'string' ? v.name : undefined))
    .map((v) => clean(v))
    .filter((v): v is string => v !== undefined);
  return list.length > 0 ? list.join(', ') : undefined;
}

function stringField(node: JsonObject | undefined, key: string): string | undefined {
  const value = node?.[key];
  return typeof value === 'string' ? clean(value) : undefined;
}

/** The calendar day a timestamp names, as the publisher wrote it ("2024-03-05T23:30-05:00" → "2024-03-05"). */
export function isoDay(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const written = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim())?.[1];
  const day = written ?? (Number.isNaN(Date.parse(value)) ? undefined : new Date(value).toISOString().slice(0, 10));
  const real = day !== undefined && !Number.isNaN(Date.parse(day)) && new Date(day).toISOString().startsWith(day);
  return real ? day : undefined;
}

const SUFFIX_SEPARATOR = /\s+[|\-–—:·•]\s+/;

/**
 * "Talks resume in Oslo | The Daily Planet" → "Talks resume in Oslo". The last segment goes when it is the site's
 * name, or when it is short (≤ 4 words) and what is left still reads as a headline (≥ 3 words).
 */
export function stripSiteSuffix(title: string, siteName?: string): string {
  const parts = title.split(SUFFIX_SEPARATOR);
  if (parts.length < 2) return title;
  const last = parts[parts.length - 1];
  const rest = title.slice(0, title.lastIndexOf(last)).replace(/\s+[|\-–—:·•]\s+$/, '');
  const isSite = siteName !== undefined && last.toLowerCase() === siteName.toLowerCase();
  const looksLikeSite = last.split(/\s+/).length <= 4 && rest.split(/\s+/).length >= 3;
  return isSite || looksLikeSite ? rest : title;
}

function httpUrl(href: string | undefined, base: string): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** article:author is often a profile URL, not a name. */
function notUrl(value: string | undefined): string | undefined {
  return value && !/^https?:\/\//i.test(value) ? value : undefined;
}

function titleOf(doc: Doc, ld: JsonObject | undefined, siteName: string | undefined): string | undefined {
  const own = meta(doc, 'og:title', 'twitter:title') ?? stringField(ld, 'headline');
  if (own) return siteName ? stripSiteSuffix(own, siteName) : own;
  const title = clean(doc.querySelector('title')?.textContent);
  return title ? stripSiteSuffix(title, siteName) : undefined;
}

export function pageMetadata(doc: Doc, pageUrl: string): PageMetadata {
  const ld = jsonLdArticle(doc);
  const siteName = meta(doc, 'og:site_name') ?? names(ld?.publisher);
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
  const time = doc.querySelector('time[datetime]')?.getAttribute('datetime') ?? undefined;
  return {
    title: titleOf(doc, ld, siteName),
    siteName,
    byline: notUrl(meta(doc, 'author', 'article:author')) ?? names(ld?.author),
    published: isoDay(meta(doc, 'article:published_time') ?? stringField(ld, 'datePublished') ?? time),
    canonicalUrl: httpUrl(canonical, pageUrl) ?? httpUrl(meta(doc, 'og:url'), pageUrl),
  };
}
