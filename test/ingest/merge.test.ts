import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/documents/document.ts';
import { ingestDocument } from '../../src/ingest/ingest.ts';
import { samePersonName } from '../../src/match/names.ts';
import { ROOT, tempDir, tempStore, writeDoc } from '../helpers.ts';

const doc = (key: string, text: string) => parseDocument(key, Buffer.from(text));

describe('one entity across documents', () => {
  it('spelling variants of a name become one person with every form as an alias', async () => {
    const { store } = tempStore();
    await ingestDocument(
      store,
      doc(
        'a.txt',
        'President Volodymyr Zelenskyy met European leaders in Brussels on Monday. Zelenskyy said the talks were ' +
          'useful.',
      ),
    );
    await ingestDocument(
      store,
      doc(
        'b.txt',
        'Ukrainian President Volodymyr Zelensky arrived in Paris. "We need guarantees," Zelensky told reporters.',
      ),
    );
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
  const a =
    '---\ntitle: Wire A\npublished: 2025-11-20\n---\nNorway and Iceland will hold talks in Geneva on November ' +
    '23, 2025, officials said.';
  const b =
    '---\ntitle: Paper B\npublished: 2025-11-21\n---\nNorway and Iceland will hold talks in Geneva on ' +
    'November 25, 2025, according to diplomats.';

  it('keeps both dates and flags the event once, listing the date of every source', async () => {
    const { store } = tempStore();
    await ingestDocument(store, doc('a.md', a));
    const r = await ingestDocument(store, doc('b.md', b));
    expect(r.conflicts).toBe(1);
    const list = await store.conflicts();
    expect(list).toHaveLength(1);
    const all = [...list[0].flagged, ...list[0].others];
    expect(all.map((s) => s.iso).sort()).toEqual(['2025-11-23', '2025-11-25']);
    expect(all.map((s) => s.ref.document).sort()).toEqual(['Paper B', 'Wire A']);
    expect(list[0].label).toMatch(/talks, Geneva/);
  });

  it('the same date from two sources is one event with two sources and no disagreement', async () => {
    const { store } = tempStore();
    await ingestDocument(store, doc('a.md', a));
    const r = await ingestDocument(
      store,
      doc('c.md', a.replace('Wire A', 'Wire C').replace('officials said', 'a spokesman said')),
    );
    expect(r.conflicts).toBe(0);
    const { rows } = await store.listEvents({ dated: true, limit: 10 });
    expect(rows).toHaveLength(1);
    expect(rows[0].sourceCount).toBe(2);
  });

  it('npm run cli -- conflicts lists them with both citations', () => {
    const dir = tempDir();
    writeDoc(dir, 'a.md', a);
    writeDoc(dir, 'b.md', b);
    const env = { ...process.env, PARLEY_DB: path.join(dir, 'c.db') };
    const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
    spawnSync(tsx, ['src/cli.ts', 'ingest', dir], { cwd: ROOT, env, encoding: 'utf8' });
    const out = spawnSync(tsx, ['src/cli.ts', 'conflicts'], { cwd: ROOT, env, encoding: 'utf8' }).stdout;
    expect(out).toMatch(/Wire A: “Norway and Iceland will hold talks in Geneva on November 23, 2025/);
    expect(out).toMatch(/Paper B: “Norway and Iceland will hold talks in Geneva on November 25, 2025/);
  });
});

describe('what is and is not the same event', () => {
  const talks = (title: string, when: string, where = 'Geneva') =>
    doc(
      `${title}.md`,
      `---\ntitle: ${title}\n---\nNegotiators from Norway and Iceland held talks in ${where} on ${when}.`,
    );

  it('a two-day round reported as either day is no disagreement', async () => {
    const { store } = tempStore();
    await ingestDocument(store, talks('Monday Wire', 'March 2, 2026'));
    const r = await ingestDocument(store, talks('Tuesday Paper', 'March 3, 2026'));
    expect(r.conflicts).toBe(0);
  });

  it('rounds weeks apart are two events, and talks elsewhere are another', async () => {
    const { store } = tempStore();
    await ingestDocument(store, talks('First', 'March 2, 2026'));
    expect((await ingestDocument(store, talks('Second', 'March 30, 2026'))).conflicts).toBe(0);
    expect((await ingestDocument(store, talks('Elsewhere', 'March 4, 2026', 'Oslo'))).conflicts).toBe(0);
    expect((await store.listEvents({ dated: true, limit: 10 })).total).toBe(3);
  });

  it('events with no participant in common never disagree', async () => {
    const { store } = tempStore();
    await ingestDocument(store, talks('A', 'March 2, 2026'));
    const other = doc(
      'b.md',
      '---\ntitle: B\n---\nNegotiators from Chile and Peru held talks in Geneva on March 5, 2026.',
    );
    expect((await ingestDocument(store, other)).conflicts).toBe(0);
  });

  it('a lone upcoming date far from what every other source says is flagged, in either order', async () => {
    const typo = doc(
      'typo.md',
      '---\ntitle: Typo Daily\n---\nNorway and Iceland are expected to hold talks scheduled in Geneva on March ' +
        '5, 2019.',
    );
    for (const order of [
      ['typo', 'x', 'y'],
      ['x', 'y', 'typo'],
    ]) {
      const { store } = tempStore();
      const docs: Record<string, ReturnType<typeof doc>> = {
        typo,
        x: talks('Wire X', 'March 5, 2026'),
        y: talks('Wire Y', 'March 5, 2026'),
      };
      for (const k of order) await ingestDocument(store, docs[k]);
      const list = await store.conflicts();
      expect(list).toHaveLength(1);
      expect(list[0].flagged.map((s) => s.ref.document)).toEqual(['Typo Daily']);
      expect(list[0].others.map((s) => s.iso)).toEqual(['2026-03-05', '2026-03-05']);
    }
  });

  it('a replaced document takes its events and its flags with it', async () => {
    const { store } = tempStore();
    await ingestDocument(store, doc('a.md', a()));
    await ingestDocument(store, doc('b.md', a().replace('March 2', 'March 5')));
    expect(await store.conflicts()).toHaveLength(1);
    await ingestDocument(store, doc('b.md', a().replace('March 2', 'March 2').replace('Negotiators', 'Delegates')));
    expect(await store.conflicts()).toHaveLength(0);
    expect((await store.listEvents({ dated: true, limit: 10 })).rows[0].sourceCount).toBe(2);
    function a() {
      return '---\ntitle: T\n---\nNegotiators from Norway and Iceland held talks in Geneva on March 2, 2026.';
    }
  });
});

describe('a generic proposal name across stories', () => {
  const storyA = (n: number) =>
    `Norway and Chile signed a peace agreement in Oslo on Monday, round ${n}. Chile said the peace agreement ` +
    `would hold, and Norway agreed.`;
  const storyB = 'Peru and Ghana reached a peace agreement in Accra. Ghana said the peace agreement ends the dispute.';

  it('"peace agreement" in two stories is two proposals; in two articles of one story, one', async () => {
    const { store } = tempStore();
    await ingestDocument(store, doc('a1.txt', storyA(1)));
    await ingestDocument(store, doc('a2.txt', storyA(2)));
    await ingestDocument(store, doc('b.txt', storyB));
    const proposals = await store.listProposals({ limit: 10, evidence: 1, reports: 10 });
    const peace = proposals.filter((p) => /peace agreement/i.test(p.name));
    expect(peace).toHaveLength(2);
    expect(peace.map((p) => p.reports.length).sort()).toEqual([1, 2]);
  });
});
