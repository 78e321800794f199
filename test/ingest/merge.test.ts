import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/documents/document.ts';
import { ingestDocument } from '../../src/ingest/ingest.ts';
import { samePersonName } from '../../src/ingest/names.ts';
import { ROOT, tempDir, tempStore, writeDoc } from '../helpers.ts';

const doc = (key: string, text: string) => parseDocument(key, Buffer.from(text));

describe('one entity across documents', () => {
  it('spelling variants of a name become one person with every form as an alias', async () => {
    const { store } = tempStore();
    await ingestDocument(store, doc('a.txt', 'President Volodymyr Zelenskyy met European leaders in Brussels on Monday. Zelenskyy said the talks were useful.'));
    await ingestDocument(store, doc('b.txt', 'Ukrainian President Volodymyr Zelensky arrived in Paris. "We need guarantees," Zelensky told reporters.'));
    await ingestDocument(store, doc('c.txt', 'Volodymyr Zelenskiy spoke to the parliament in Kyiv on Friday.'));
    const matches = await store.findEntities('person', 'zelensky', 5);
    expect(matches).toHaveLength(1);
    const person = await store.entity(matches[0].id, 50);
    expect(person?.documents).toHaveLength(3);
    expect(person?.aliases.join('|')).toMatch(/Zelensky\b/);
    expect(person?.aliases.join('|')).toMatch(/Zelenskiy/);
    expect(person?.affiliation).toBe('Ukraine');
  });

  it('two people who share a surname but not a first name stay apart', async () => {
    const { store } = tempStore();
    await ingestDocument(store, doc('a.txt', 'Foreign Minister Anna Keller said the talks in Vienna would resume.'));
    await ingestDocument(store, doc('b.txt', 'Finance Minister Thomas Keller presented the budget in Vienna.'));
    const people = await store.listPeople(10);
    expect(people.map((p) => p.name).sort()).toEqual(['Anna Keller', 'Thomas Keller']);
  });

  it('names match only when the first names agree or one is an initial', () => {
    expect(samePersonName('Marco Rubio', 'Rubio')).toBe(true);
    expect(samePersonName('J. Kushner', 'Jared Kushner')).toBe(true);
    expect(samePersonName('Anna Keller', 'Thomas Keller')).toBe(false);
    expect(samePersonName('Anna Keller', 'Anna Kellerman')).toBe(false);
    expect(samePersonName('Dan Driscoll', 'Daniel Driscoll')).toBe(true);
    expect(samePersonName('Andriy Yermak', 'Andrii Yermak')).toBe(true);
    expect(samePersonName('Jo Smith', 'John Smith')).toBe(false);
  });

  it('a place named in two documents is one place', async () => {
    const { store } = tempStore();
    await ingestDocument(store, doc('a.txt', 'Negotiators met in Geneva on Sunday.'));
    await ingestDocument(store, doc('b.txt', 'The talks in Geneva continued on Monday.'));
    const places = await store.listPlaces(10);
    expect(places.filter((p) => p.name === 'Geneva')).toHaveLength(1);
    expect(places.find((p) => p.name === 'Geneva')?.mentions).toBe(2);
  });
});

describe('disagreements between sources', () => {
  const a = '---\ntitle: Wire A\npublished: 2025-11-20\n---\nThe peace talks in Geneva are scheduled for November 23, 2025, officials said.';
  const b = '---\ntitle: Paper B\npublished: 2025-11-21\n---\nThe peace talks in Geneva are scheduled for November 25, 2025, according to diplomats.';

  it('keeps both dates and records the disagreement', async () => {
    const { store } = tempStore();
    await ingestDocument(store, doc('a.md', a));
    const r = await ingestDocument(store, doc('b.md', b));
    expect(r.conflicts).toBe(1);
    const [c] = await store.conflicts();
    expect([c.a.iso, c.b.iso].sort()).toEqual(['2025-11-23', '2025-11-25']);
    expect([c.a.document, c.b.document].sort()).toEqual(['Paper B', 'Wire A']);
    const { rows: dates } = await store.listDates({ dated: true, limit: 10 });
    expect(dates.filter((d) => d.conflictsWith.length)).toHaveLength(2);
  });

  it('the same date from two sources is no disagreement', async () => {
    const { store } = tempStore();
    await ingestDocument(store, doc('a.md', a));
    const r = await ingestDocument(store, doc('c.md', a.replace('Wire A', 'Wire C').replace('officials said', 'a spokesman said')));
    expect(r.conflicts).toBe(0);
  });

  it('npm run cli -- conflicts lists them with both citations', () => {
    const dir = tempDir();
    writeDoc(dir, 'a.md', a);
    writeDoc(dir, 'b.md', b);
    const env = { ...process.env, PARLEY_DB: path.join(dir, 'c.db') };
    const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
    spawnSync(tsx, ['src/cli.ts', 'ingest', dir], { cwd: ROOT, env, encoding: 'utf8' });
    const out = spawnSync(tsx, ['src/cli.ts', 'conflicts'], { cwd: ROOT, env, encoding: 'utf8' }).stdout;
    expect(out).toMatch(/Wire A: “The peace talks in Geneva are scheduled for November 23, 2025/);
    expect(out).toMatch(/Paper B: “The peace talks in Geneva are scheduled for November 25, 2025/);
  });
});

describe('the same event worded differently', () => {
  it('talks in one place dated days apart by two sources are a disagreement; months apart they are two rounds', async () => {
    const { store } = tempStore();
    await ingestDocument(store, doc('a.md', '---\ntitle: Northline Wire\n---\nU.S. negotiators will meet Ukrainian officials in Geneva on November 23, 2025.'));
    const r = await ingestDocument(store, doc('b.md', '---\ntitle: Kyiv Ledger\n---\nThe Geneva talks were held on November 22, 2025, a day earlier than first reported.'));
    expect(r.conflicts).toBeGreaterThanOrEqual(1);
    const later = await ingestDocument(store, doc('c.md', '---\ntitle: Archive\n---\nAn earlier round of talks in Geneva took place on March 3, 2025.'));
    expect(later.conflicts).toBe(0);
    const elsewhere = await ingestDocument(store, doc('d.md', '---\ntitle: Other\n---\nTalks in Istanbul were held on November 21, 2025.'));
    expect(elsewhere.conflicts).toBe(0);
  });
});
