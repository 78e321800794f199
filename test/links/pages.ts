/** Pages written for these tests (a made-up town and story), with the boilerplate real news pages carry. */

export const ARTICLE_PARAGRAPHS = [
  'The council of Lowmere voted on Tuesday to rebuild the old ferry pier before the spring tides, ending a ' +
    'dispute that has divided the harbour town for almost three years.',
  'Councillor Marit Ostrander, who chairs the works committee, said the vote settled the matter. "We have ' +
    'argued about this pier for long enough, and the ferry crews need an answer before the weather turns," ' +
    'she told the meeting.',
  'The plan sets aside 4.2 million crowns for new pilings and a widened landing stage. Work is due to begin ' +
    'in March and to finish by the end of August, according to the committee papers.',
  'Opponents had argued for a new pier further up the estuary. Their spokesman, Tobias Lindqvist, said the ' +
    'group would not challenge the decision but would watch the costs closely.',
];

export const BOILERPLATE = [
  'We use cookies to improve your experience',
  'Accept all cookies',
  'Advertisement',
  'Buy the new Quantum Blender today',
  'Most read',
  'Celebrity chef opens floating restaurant',
  'Related stories',
  'Ten tips for winter gardening',
  'Sign up for our morning newsletter',
  'All rights reserved',
  'Home',
  'Weather',
];

const JSON_LD = {
  '@context': 'https://schema.org',
  '@type': 'NewsArticle',
  headline: 'Lowmere council votes to rebuild the ferry pier',
  datePublished: '2025-02-11T18:30:00+01:00',
  author: [{ '@type': 'Person', name: 'Ingrid Solberg' }],
  publisher: { '@type': 'Organization', name: 'The Harbour Gazette' },
};

export function articlePage(options: { ogTitle?: boolean; authorMeta?: boolean; jsonLd?: boolean } = {}): string {
  const { ogTitle = true, authorMeta = true, jsonLd = true } = options;
  const paragraphs = ARTICLE_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n        ');
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>Lowmere council votes to rebuild the ferry pier | The Harbour Gazette</title>
    ${ogTitle ? '<meta property="og:title" content="Lowmere council votes to rebuild the ferry pier">' : ''}
    <meta property="og:site_name" content="The Harbour Gazette">
    <meta property="og:url" content="https://gazette.example/news/ferry-pier">
    <meta property="article:published_time" content="2025-02-11T18:30:00+01:00">
    ${authorMeta ? '<meta name="author" content="Ingrid Solberg">' : ''}
    <link rel="canonical" href="/news/2025/02/ferry-pier">
    ${jsonLd ? `<script type="application/ld+json">${JSON.stringify(JSON_LD)}</script>` : ''}
    <script>window.analytics = { track: function () {} };</script>
  </head>
  <body>
    <div class="cookie-banner" id="gdpr-consent">
      <p>We use cookies to improve your experience. <button>Accept all cookies</button></p>
    </div>
    <header class="site-header">
      <nav class="menu"><a href="/">Home</a> <a href="/local">Local</a> <a href="/weather">Weather</a></nav>
    </header>
    <div class="ad-slot" id="top-ad"><span>Advertisement</span><a href="/ad">Buy the new Quantum Blender today</a></div>
    <main>
      <article class="story">
        <h1>Lowmere council votes to rebuild the ferry pier</h1>
        <p class="byline">By Ingrid Solberg</p>
        <time datetime="2025-02-11">11 February 2025</time>
        ${paragraphs}
      </article>
      <aside class="sidebar most-read">
        <h2>Most read</h2>
        <ul>
          <li><a href="/a">Celebrity chef opens floating restaurant</a></li>
          <li><a href="/b">Storm warning</a></li>
        </ul>
      </aside>
      <section class="related">
        <h2>Related stories</h2>
        <ul><li><a href="/c">Ten tips for winter gardening</a></li></ul>
      </section>
    </main>
    <div class="newsletter-signup"><p>Sign up for our morning newsletter</p></div>
    <footer class="site-footer"><p>© 2025 The Harbour Gazette. All rights reserved.</p></footer>
  </body>
</html>`;
}

/** A section front: a list of headlines, no story. */
export const INDEX_PAGE = `<!DOCTYPE html>
<html><head><title>Local news | The Harbour Gazette</title></head>
<body>
  <nav><a href="/">Home</a></nav>
  <main><h1>Local news</h1>
    <ul>
      <li><a href="/1">Pier vote due on Tuesday</a></li>
      <li><a href="/2">Library opens on Sundays</a></li>
      <li><a href="/3">School run road closed</a></li>
    </ul>
  </main>
</body></html>`;
