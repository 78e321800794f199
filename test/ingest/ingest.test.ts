import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/documents/document.ts';
import { ingestDocument, ingestPaths } from '../../src/ingest/ingest.ts';
import { SEED, tempDir, tempStore, writeDoc } from '../helpers.ts';

const ARTICLE = [
  'Talks in Vienna',
  '',
  'Foreign Minister Anna Keller said on Monday that the talks in Vienna would continue. "We are close," Keller ' +
    'told reporters.',
  '',
].join('\n');

async function countAll(store: ReturnType<typeof tempStore>['store']) {
  const s = await store.stats();
  return s.documents + s.sentences + s.people + s.places + s.organizations + s.proposals + s.quotes + s.dates;
}

/** The sentences of the store's documents, in document and sentence order, as its reads give them. */
async function sentencesOf(store: ReturnType<typeof tempStore>['store']): Promise<string[]> {
  const out: string[] = [];
  for (const d of await store.documents()) {
    const refs = await store.sentenceRefs(d.id, [...Array(d.sentences).keys()]);
    out.push(...refs.map((r) => r.sentence));
  }
  return out;
}

describe('ingest', () => {
  it('stores the seed document with its sentences, searchable in FTS', async () => {
    const { store } = tempStore();
    const [o] = await ingestPaths(store, [SEED]);
    expect(o.ok).toBe(true);
    const s = await store.stats();
    expect(s.documents).toBe(1);
    expect(s.sentences).toBeGreaterThan(25);
    const [hit] = await store.search('"geneva"', 1, []);
    expect(hit.ref.sentence).toMatch(/Geneva/);
    const text = parseDocument('seed.txt', fs.readFileSync(SEED)).body;
    const stored = await sentencesOf(store);
    expect(stored).toHaveLength(s.sentences);
    let from = 0;
    for (const sentence of stored) {
      const at = text.indexOf(sentence, from);
      expect(at, sentence).toBeGreaterThanOrEqual(from);
      from = at + sentence.length;
    }
  });

  it('ingesting the same content twice is a no-op', async () => {
    const { store } = tempStore();
    const first = await ingestPaths(store, [SEED]);
    const before = await store.stats();
    const second = await ingestPaths(store, [SEED]);
    expect(first[0].ok && first[0].result.status).toBe('new');
    expect(second[0].ok && second[0].result.status).toBe('unchanged');
    expect(await store.stats()).toEqual(before);
  });

  it('a changed file replaces its old version', async () => {
    const { store, dir } = tempStore();
    const file = writeDoc(dir, 'talks.txt', ARTICLE);
    await ingestPaths(store, [file]);
    writeDoc(dir, 'talks.txt', ARTICLE.replace('Vienna would continue', 'Vienna would end'));
    const [o] = await ingestPaths(store, [file]);
    expect(o.ok && o.result.status).toBe('replaced');
    const docs = await store.documents();
    expect(docs).toHaveLength(1);
    const texts = await sentencesOf(store);
    expect(texts.join(' ')).toContain('would end');
    expect(texts.join(' ')).not.toContain('would continue');
  });

  for (const stage of ['document', 'sentences', 'entities', 'proposals', 'quotes', 'dates'] as const) {
    it(`a failure during "${stage}" leaves none of the document in the store`, async () => {
      const { store } = tempStore();
      const doc = parseDocument('seed.txt', fs.readFileSync(SEED));
      await expect(
        ingestDocument(store, doc, (s) => {
          if (s === stage) throw new Error(`injected failure at ${s}`);
        }),
      ).rejects.toThrow(/injected/);
      expect(await countAll(store)).toBe(0);
      // and the store is still usable afterwards
      expect((await ingestDocument(store, doc)).status).toBe('new');
    });
  }

  it('a failed replacement keeps the old version whole', async () => {
    const { store } = tempStore();
    await ingestDocument(store, parseDocument('a.txt', Buffer.from(ARTICLE)));
    const before = await store.stats();
    const changed = parseDocument('a.txt', Buffer.from(`${ARTICLE}\nA new paragraph about Geneva.`));
    await expect(
      ingestDocument(store, changed, (s) => {
        if (s === 'quotes') throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await store.stats()).toEqual(before);
  });

  it('reports each bad file with its name and reason, skips it and goes on', async () => {
    const { store, dir } = tempStore();
    writeDoc(dir, 'a-good.txt', ARTICLE);
    writeDoc(dir, 'b-empty.txt', '');
    writeDoc(dir, 'c-binary.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 3]));
    writeDoc(dir, 'd-latin1.txt', Buffer.from('Caf\xe9 talks in Z\xfcrich were held.', 'latin1'));
    writeDoc(dir, 'e-huge.txt', 'word '.repeat(450_000));
    writeDoc(dir, 'f-frontmatter.md', '---\ntitle: [unclosed\n---\nBody text.');
    writeDoc(dir, 'g-badfield.md', '---\npublished: last tuesday\n---\nBody text.');
    writeDoc(dir, 'h-unknown-key.md', '---\nauthr: Someone\n---\nBody text.');
    writeDoc(
      dir,
      'i-good.md',
      '---\ntitle: Second\nsource: Wire\npublished: 2025-11-23\ntags: [talks, geneva]\n---\nDelegates met in ' +
        'Geneva on Sunday.',
    );
    const outcomes = await ingestPaths(store, [dir]);
    const by = Object.fromEntries(outcomes.map((o) => [path.basename(o.key), o]));
    expect(by['a-good.txt'].ok).toBe(true);
    expect(by['i-good.md'].ok).toBe(true);
    const reason = (name: string) => {
      const o = by[name];
      return o.ok ? 'ok' : o.reason;
    };
    expect(reason('b-empty.txt')).toMatch(/empty/);
    expect(reason('c-binary.txt')).toMatch(/binary/);
    expect(reason('d-latin1.txt')).toMatch(/UTF-8/);
    expect(reason('e-huge.txt')).toMatch(/2 MB/);
    expect(reason('f-frontmatter.md')).toMatch(/front matter/);
    expect(reason('g-badfield.md')).toMatch(/published/);
    expect(reason('h-unknown-key.md')).toMatch(/authr|unrecognized/i);
    const docs = await store.documents();
    expect(docs.map((d) => d.title).sort()).toEqual(['Second', 'Talks in Vienna']);
    expect(docs.find((d) => d.title === 'Second')).toMatchObject({ source: 'Wire', publishedAt: '2025-11-23' });
  });

  it('a document without front matter gets its first sentence as title and no date', () => {
    const d = parseDocument('x.txt', Buffer.from('The U.S. envoy met officials. Then he left.'));
    expect(d.title).toBe('The U.S. envoy met officials.');
    expect(d.publishedAt).toBeNull();
  });

  it('reports a missing path', async () => {
    const { store } = tempStore();
    const [o] = await ingestPaths(store, [path.join(tempDir(), 'nope.txt')]);
    expect(o.ok).toBe(false);
  });
});

describe('front matter edge cases', () => {
  it('a headline with a colon in it is read as written, not refused', () => {
    const d = parseDocument(
      'x.md',
      Buffer.from('---\ntitle: Update: talks resume\nsource: Wire\npublished: 2025-03-02\n---\n\nText.'),
    );
    expect(d).toMatchObject({ title: 'Update: talks resume', source: 'Wire', publishedAt: '2025-03-02' });
  });

  it('an unclosed front matter block is refused, not read as text', () => {
    expect(() =>
      parseDocument('x.md', Buffer.from('---\ntitle: Oops\nNo closing line. The text starts here.')),
    ).toThrow(/no closing ---/);
  });
});
