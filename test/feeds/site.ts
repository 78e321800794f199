/**
 * A made-up local news site for the wiring tests: story pages (with the boilerplate of test/links/pages.ts) and
 * RSS, Atom and JSON feeds of them, served from 127.0.0.1 by test/links/local-server.ts.
 */
import type { Route } from '../links/local-server.ts';

export interface Story {
  slug: string;
  title: string;
  published: string;
  paragraphs: string[];
}

const TOWNS = ['Lowmere', 'Saltby', 'Greywick', 'Ostervik', 'Tarnhaven', 'Mirefield'];
const PEOPLE = ['Marit Ostrander', 'Tobias Lindqvist', 'Hedda Brannstrom', 'Nils Arvesen', 'Sigrid Falk'];

/** Story n: its own town, people and numbers, long enough (≥ 300 characters) to be an article. */
export function story(n: number, version = 1): Story {
  const town = TOWNS[n % TOWNS.length];
  const person = PEOPLE[n % PEOPLE.length];
  const other = PEOPLE[(n + 2) % PEOPLE.length];
  const millions = (1 + (n % 9) + version / 10).toFixed(1);
  return {
    slug: `story-${n}`,
    title: `${town} harbour board approves plan number ${n}`,
    published: `2025-03-${String(1 + (n % 28)).padStart(2, '0')}`,
    paragraphs: [
      `The harbour board of ${town} voted on Tuesday to approve plan number ${n} for the old quay, after a ` +
        `debate that lasted most of the evening and drew a crowd of residents to the town hall.`,
      `Board chair ${person} said the decision ended months of uncertainty. "We owe the fishing crews a ` +
        `quay they can rely on, and this plan gives them one," she told the meeting.`,
      `The plan sets aside ${millions} million crowns for repairs. ${other}, who led the opposition, said ` +
        `the group would watch the costs closely but would not challenge the vote.`,
    ],
  };
}

export const BOILERPLATE_LINES = [
  'Accept all cookies',
  'Buy the new Quantum Blender today',
  'Sign up for our newsletter',
];

export function storyPage(s: Story, site = 'The Estuary Courier', byline = 'Ingrid Solberg'): string {
  return `<!DOCTYPE html>
<html lang="en"><head>
  <meta charset="utf-8">
  <title>${s.title} | ${site}</title>
  <meta property="og:title" content="${s.title}">
  <meta property="og:site_name" content="${site}">
  <meta property="article:published_time" content="${s.published}T09:00:00Z">
  <meta name="author" content="${byline}">
  <link rel="canonical" href="/news/${s.slug}">
</head><body>
  <div class="cookie-banner"><p>We use cookies. <button>${BOILERPLATE_LINES[0]}</button></p></div>
  <nav class="menu"><a href="/">Home</a> <a href="/local">Local</a></nav>
  <div class="ad-slot"><a href="/ad">${BOILERPLATE_LINES[1]}</a></div>
  <main><article>
    <h1>${s.title}</h1>
    <p class="byline">By ${byline}</p>
    ${s.paragraphs.map((p) => `<p>${p}</p>`).join('\n    ')}
  </article></main>
  <div class="newsletter"><p>${BOILERPLATE_LINES[2]}</p></div>
  <footer><p>© 2025 ${site}. All rights reserved.</p></footer>
</body></html>`;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function rssOf(base: string, stories: Story[], title = 'Estuary Courier — Local'): string {
  const items = stories.map(
    (s) => `<item><title>${escape(s.title)}</title><link>${base}/news/${s.slug}</link>
      <guid isPermaLink="false">courier-${s.slug}</guid>
      <pubDate>${new Date(`${s.published}T09:00:00Z`).toUTCString()}</pubDate>
      <description>${escape(s.paragraphs[0])}</description></item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${escape(title)}</title><link>${base}/</link><description>Local</description>
${items.join('\n')}
</channel></rss>`;
}

export function atomOf(base: string, stories: Story[]): string {
  const entries = stories.map(
    (s) => `<entry><title>${escape(s.title)}</title><id>tag:courier.example,2025:${s.slug}</id>
      <link rel="alternate" href="${base}/news/${s.slug}"/><published>${s.published}T09:00:00Z</published>
      <updated>${s.published}T09:00:00Z</updated><summary>${escape(s.paragraphs[0])}</summary></entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Courier Atom</title><id>urn:courier</id>
<updated>2025-03-01T00:00:00Z</updated>
${entries.join('\n')}
</feed>`;
}

export function jsonFeedOf(base: string, stories: Story[]): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Courier JSON',
    items: stories.map((s) => ({
      id: `json-${s.slug}`,
      url: `${base}/news/${s.slug}`,
      title: s.title,
      content_text: s.paragraphs.join('\n\n'),
      date_published: `${s.published}T09:00:00Z`,
    })),
  });
}

/** A route answering 304 when the request carries the ETag it sent, else the body with that ETag. */
export function withEtag(type: string, body: () => string, etag = '"v1"'): Route {
  return (req, res) => {
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': type, etag });
    res.end(body());
  };
}
