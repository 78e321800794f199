import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/feeds/parse.ts';
import { LinkError } from '../../src/links/errors.ts';
import { ATOM, JSON_FEED, RSS } from './feeds.ts';

describe('parseFeed', () => {
  it('reads RSS 2.0: guid else link, content:encoded as text, relative links resolved', async () => {
    const feed = await parseFeed(RSS, 'application/rss+xml', 'https://gazette.example/rss.xml');
    expect(feed.title).toBe('The Harbour Gazette — Local');
    expect(feed.items).toEqual([
      {
        id: 'gazette-4411',
        link: 'https://gazette.example/news/ferry-pier',
        title: 'Council votes to rebuild the ferry pier',
        published: '2025-02-11',
        content: 'The council voted on Tuesday.\n\nWork begins in March.',
      },
      {
        id: 'https://gazette.example/news/library',
        link: 'https://gazette.example/news/library',
        title: 'Library opens on Sundays',
        published: '2025-02-10',
        content: 'From March the library & archive open on Sundays.',
      },
    ]);
  });

  it('reads Atom: entry id, alternate link, published before updated, summary when there is no content', async () => {
    const feed = await parseFeed(ATOM, 'application/atom+xml');
    expect(feed.title).toBe('Estuary Notes');
    expect(feed.items[0]).toEqual({
      id: 'tag:estuary.example,2025:tides-march',
      link: 'https://estuary.example/tides-march',
      title: 'Tide tables for March',
      published: '2025-02-12',
      content: 'High water at noon on the first.\n\nLow at six.',
    });
    expect(feed.items[1]).toMatchObject({ published: '2025-02-09', content: 'Just a summary.' });
  });

  it('reads JSON Feed 1.1: ids as strings, the url when there is no id, the date as written', async () => {
    const feed = await parseFeed(JSON_FEED, 'application/feed+json');
    expect(feed.title).toBe('Pier Watch');
    expect(feed.items).toEqual([
      {
        id: 'pw-1',
        link: 'https://pierwatch.example/1',
        title: 'Pilings arrive',
        published: '2025-03-03',
        content: 'The first pilings arrived.\n\nMore next week.',
      },
      { id: '2', link: 'https://pierwatch.example/2', published: '2025-03-04', content: 'Plain text item.' },
      { id: 'https://pierwatch.example/3', link: 'https://pierwatch.example/3', content: 'No id: the link stands in.' },
    ]);
  });

  it('recognises JSON by its first character when the type is generic', async () => {
    expect((await parseFeed(JSON_FEED, 'text/plain')).items).toHaveLength(3);
  });

  it.each([
    ['<html><body><p>A web page</p></body></html>', 'text/xml', /not an RSS, Atom or JSON feed/],
    ['{"version": "1.1", "items": []}', 'application/json', /version: a JSON Feed version URL/],
    ['{"version": "https://jsonfeed.org/version/1.1"}', 'application/json', /items/],
    ['{ not json', 'application/json', /not valid JSON/],
    ['<rss><channel><title>cut off', 'application/rss+xml', /not an RSS, Atom or JSON feed/],
  ])('refuses what is not a feed: %s', async (text, type, reason) => {
    const error = await parseFeed(text, type, 'https://x.example/feed').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LinkError);
    expect(error).toMatchObject({ kind: 'not-a-feed', url: 'https://x.example/feed' });
    expect((error as LinkError).reason).toMatch(reason);
  });
});
