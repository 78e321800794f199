/** Feeds written for these tests: the same made-up harbour town as test/links/pages.ts. */

export const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>The Harbour Gazette — Local</title>
    <link>https://gazette.example/local</link>
    <description>Local news</description>
    <item>
      <title>Council votes to rebuild the ferry pier</title>
      <link>https://gazette.example/news/ferry-pier</link>
      <guid isPermaLink="false">gazette-4411</guid>
      <pubDate>Tue, 11 Feb 2025 18:30:00 +0000</pubDate>
      <description>Short teaser.</description>
      <content:encoded><![CDATA[<p>The council voted on <b>Tuesday</b>.</p>
        <p>Work begins in March.</p>]]></content:encoded>
    </item>
    <item>
      <title>Library opens on Sundays</title>
      <link>/news/library</link>
      <pubDate>Mon, 10 Feb 2025 09:00:00 +0000</pubDate>
      <description>&lt;p&gt;From March the library &amp;amp; archive open on Sundays.&lt;/p&gt;</description>
    </item>
    <item>
      <title>An item with neither guid nor link</title>
    </item>
  </channel>
</rss>`;

export const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Estuary Notes</title>
  <id>urn:uuid:estuary-notes</id>
  <updated>2025-02-12T08:00:00Z</updated>
  <entry>
    <title>Tide tables for March</title>
    <id>tag:estuary.example,2025:tides-march</id>
    <link rel="alternate" href="https://estuary.example/tides-march"/>
    <published>2025-02-12T07:45:00+01:00</published>
    <updated>2025-02-12T08:00:00Z</updated>
    <content type="html">&lt;p&gt;High water at &lt;em&gt;noon&lt;/em&gt; on the first.&lt;/p&gt;
      &lt;p&gt;Low at six.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Summary only</title>
    <id>tag:estuary.example,2025:summary</id>
    <link href="https://estuary.example/summary"/>
    <updated>2025-02-09T10:00:00Z</updated>
    <summary>Just a summary.</summary>
  </entry>
</feed>`;

export const JSON_FEED = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Pier Watch',
  home_page_url: 'https://pierwatch.example/',
  items: [
    {
      id: 'pw-1',
      url: 'https://pierwatch.example/1',
      title: 'Pilings arrive',
      content_html: '<p>The first <strong>pilings</strong> arrived.</p><p>More next week.</p>',
      date_published: '2025-03-03T23:10:00-05:00',
    },
    { id: 2, url: 'https://pierwatch.example/2', content_text: 'Plain text item.', date_published: '2025-03-04' },
    { url: 'https://pierwatch.example/3', summary: 'No id: the link stands in.' },
    { title: 'Neither id nor url' },
  ],
});
