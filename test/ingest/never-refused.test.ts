import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/documents/document.ts';
import type { Extraction } from '../../src/extract/contract.ts';
import { ingestAttachment, ingestDocument, ingestPaths } from '../../src/ingest/ingest.ts';
import { writeDocument } from '../../src/ingest/write-document.ts';
import { splitSentences } from '../../src/text/sentences.ts';
import { tempStore, writeDoc } from '../helpers.ts';

const doc = (key: string, text: string) => parseDocument(key, Buffer.from(text));

function bareExtraction(id: string, overrides: Partial<Extraction>): Extraction {
  return {
    document: { id, title: id, source: null, publishedAt: null },
    people: [],
    places: [],
    organizations: [],
    proposals: [],
    quotes: [],
    events: [],
    dates: [],
    ...overrides,
  };
}

describe('a good document is never refused for what extraction found in it', () => {
  it('two documents that each name a one-word proposal are both stored, and stay two proposals', async () => {
    const { store } = tempStore();
    for (const [key, text] of [
      ['a.txt', 'The union rejected the deal on Monday.'],
      ['b.txt', 'The council approved the deal on Friday.'],
    ]) {
      const d = doc(key, text);
      const x = bareExtraction(key, {
        proposals: [{ name: 'deal', aliases: [], proposedBy: [], status: 'rejected', evidence: [0] }],
      });
      const r = await writeDocument(store, d, splitSentences(d.body), x);
      expect(r.status).toBe('new');
      expect(r.dropped).toEqual([]);
    }
    expect((await store.stats()).documents).toBe(2);
    expect((await store.stats()).proposals).toBe(2);
  });

  it('the same through the extractor: every article naming "the plan" or "a ceasefire" is stored', async () => {
    const { store } = tempStore();
    const texts = [
      'Mayor Lena Ortiz said the plan would cut bus fares. The plan was approved on Tuesday.',
      'Critics of the plan gathered outside city hall. "The plan is a gift to developers," said Tomas Reyes.',
      'Both sides agreed to a ceasefire on Sunday. The ceasefire held overnight.',
      'A ceasefire was proposed by mediators in Doha. The rebels rejected a ceasefire.',
    ];
    for (const [i, t] of texts.entries()) expect((await ingestDocument(store, doc(`${i}.txt`, t))).status).toBe('new');
    expect((await store.stats()).documents).toBe(texts.length);
  });

  it('a fact that cannot be merged is left out and named; the rest of the document is stored', async () => {
    const { store } = tempStore();
    const d = doc('c.txt', 'Minister Ana Silva spoke in Lisbon. "We are ready," she said.');
    const x = bareExtraction('c', {
      places: [{ name: 'Lisbon', aliases: [], kind: 'city', mentions: 1, sentences: [0] }],
      quotes: [{ speaker: 'Ana Silva', text: 'We are ready', sentence: 99 }],
    });
    const r = await writeDocument(store, d, splitSentences(d.body), x);
    expect(r.status).toBe('new');
    expect(r.dropped).toHaveLength(1);
    expect(r.dropped[0]).toMatch(/quote in sentence 99: .*sentence 99/);
    const s = await store.stats();
    expect([s.documents, s.places, s.quotes]).toEqual([1, 1, 0]);
  });
});

describe('attachments are known by their content', () => {
  it('two different files with the same name are two documents; the same text twice is one', async () => {
    const { store } = tempStore();
    const one = await ingestAttachment(store, 'article.txt', Buffer.from('The port of Gdansk reopened on Monday.'));
    const two = await ingestAttachment(
      store,
      'article.txt',
      Buffer.from('Dockworkers in Rotterdam ended their strike.'),
    );
    const again = await ingestAttachment(store, 'message.txt', Buffer.from('The port of Gdansk reopened on Monday.'));
    expect(one.ok && one.result.status).toBe('new');
    expect(two.ok && two.result.status).toBe('new');
    expect(again.ok && again.result.status).toBe('unchanged');
    expect((await store.documents()).map((d) => d.title).sort()).toEqual(['article', 'article']);
  });

  it('the file name is the title unless the text has one, or the name is a generic paste name', async () => {
    const { store } = tempStore();
    await ingestAttachment(
      store,
      'harbour_strike-day2.md',
      Buffer.from('Dockworkers in Rotterdam stayed out for a second day.'),
    );
    await ingestAttachment(
      store,
      'message.txt',
      Buffer.from('Ferry services to Tallinn resumed. Crews returned on Friday.'),
    );
    await ingestAttachment(
      store,
      'notes.md',
      Buffer.from('---\ntitle: Port reopens\n---\nThe port of Gdansk reopened.'),
    );
    expect((await store.documents()).map((d) => d.title).sort()).toEqual([
      'Ferry services to Tallinn resumed.',
      'Port reopens',
      'harbour strike day2',
    ]);
  });
});

describe('folder ingest goes past what it cannot read', () => {
  it('skips dangling links, link loops and pipes, each with a reason, and stores the rest', async () => {
    const { store, dir } = tempStore();
    const docs = path.join(dir, 'docs');
    fs.mkdirSync(docs);
    writeDoc(docs, 'good.txt', 'The port of Gdansk reopened on Monday.');
    fs.symlinkSync(path.join(docs, 'gone.txt'), path.join(docs, 'dangling.txt'));
    fs.symlinkSync(path.join(docs, 'loop-b.md'), path.join(docs, 'loop-a.md'));
    fs.symlinkSync(path.join(docs, 'loop-a.md'), path.join(docs, 'loop-b.md'));
    fs.symlinkSync(docs, path.join(docs, 'self'));
    execFileSync('mkfifo', [path.join(docs, 'x.md')]);
    const outcomes = await ingestPaths(store, [docs]);
    const byName = Object.fromEntries(outcomes.map((o) => [path.basename(o.key), o]));
    expect(byName['good.txt'].ok).toBe(true);
    const reason = (n: string) => (byName[n] && !byName[n].ok ? byName[n].reason : null);
    expect(reason('dangling.txt')).toMatch(/link to nothing/);
    expect(reason('loop-a.md')).toMatch(/loops/);
    expect(reason('x.md')).toMatch(/not a regular file/);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect((await store.stats()).documents).toBe(1);
  });
});
