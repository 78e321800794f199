import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import { parseDocument } from '../src/documents/document.ts';
import { extract, type ExtractInput } from '../src/extract/index.ts';
import { splitSentences } from '../src/text/sentences.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MIN_ARTICLES = 500;

function loadArticles(): ExtractInput[] {
  const files = [
    ...fs.readdirSync(path.join(ROOT, 'data/documents')).map((f) => path.join(ROOT, 'data/documents', f)),
    ...fs
      .readdirSync(path.join(ROOT, 'test/fixtures/articles'))
      .map((f) => path.join(ROOT, 'test/fixtures/articles', f)),
  ].filter((f) => /\.(txt|md)$/.test(f));
  return files.map((f) => {
    const d = parseDocument(f, fs.readFileSync(f));
    return { id: path.basename(f), title: d.title, source: d.source, publishedAt: d.publishedAt, body: d.body };
  });
}

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

/**
 * Per-article extraction time against compromise's bare `nlp(text)` on the same articles, in the same process,
 * over the seed and the fixture articles repeated to at least 500 articles. Prints a short table.
 */
export async function benchExtract(): Promise<{ ratio: number; articlesPerSecond: number }> {
  const base = loadArticles();
  const articles: ExtractInput[] = [];
  while (articles.length < MIN_ARTICLES) articles.push(...base);
  // warm up both (JIT, lexicon loading)
  for (const a of base) {
    nlp(a.body);
    extract(a);
  }
  const rounds = 3;
  let nlpMs = Infinity;
  let exMs = Infinity;
  for (let r = 0; r < rounds; r++) {
    let t0 = process.hrtime.bigint();
    for (const a of articles) nlp(a.body);
    nlpMs = Math.min(nlpMs, ms(t0));
    t0 = process.hrtime.bigint();
    for (const a of articles) extract(a, splitSentences(a.body));
    exMs = Math.min(exMs, ms(t0));
  }
  const n = articles.length;
  const chars = articles.reduce((s, a) => s + a.body.length, 0);
  const ratio = exMs / nlpMs;
  const articlesPerSecond = (n / exMs) * 1000;
  const rows: Array<[string, string, string, string]> = [
    ['', 'ms/article', 'articles/s', 'MB/s'],
    [
      'compromise nlp(text)',
      (nlpMs / n).toFixed(2),
      ((n / nlpMs) * 1000).toFixed(0),
      (chars / 1048576 / (nlpMs / 1000)).toFixed(2),
    ],
    [
      'parley extract()',
      (exMs / n).toFixed(2),
      articlesPerSecond.toFixed(0),
      (chars / 1048576 / (exMs / 1000)).toFixed(2),
    ],
  ];
  console.log(
    `extract bench: ${n} articles (${base.length} distinct, ${(chars / n).toFixed(0)} chars each on average), ` +
      `best of ${rounds}`,
  );
  for (const r of rows)
    console.log(`  ${r[0].padEnd(22)} ${r[1].padStart(11)} ${r[2].padStart(11)} ${r[3].padStart(7)}`);
  console.log(`  ratio extract / nlp: ${ratio.toFixed(2)}× (aim ≤ 2×)`);
  return { ratio, articlesPerSecond };
}
