import { describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { guildReader, type Reader } from '../../src/store/corpus.ts';
import { tempDir, tempStore, writeDoc } from '../helpers.ts';

const FIRST = `---
title: Minister quits
published: 2026-03-04
---
Finance Minister Petra Lindqvist resigned on March 3, 2026. "It is time," Lindqvist said.
`;
const SECOND = `---
title: Lindqvist resignation
published: 2026-03-10
---
Finance Minister Petra Lindqvist resigned on March 9, 2026, officials said.
`;

const own = (guild: string): Reader => ({ own: `guild:${guild}`, corpora: [`guild:${guild}`] });

async function ingestInto(store: ReturnType<typeof tempStore>['store'], reader: Reader, name: string, text: string) {
  const dir = tempDir();
  writeDoc(dir, name, text);
  const [outcome] = await ingestPaths(store.as(reader), [dir]);
  expect(outcome.ok).toBe(true);
  return outcome;
}

describe('merging and disagreements stay inside a corpus', () => {
  it('in one corpus the same person is one entity and two dates of one resignation disagree', async () => {
    const { store } = tempStore();
    await ingestInto(store, guildReader('1'), 'a.md', FIRST);
    await ingestInto(store, guildReader('1'), 'b.md', SECOND);
    const view = store.as(own('1'));
    expect((await view.findEntities('person', 'Lindqvist', 5)).map((e) => e.name)).toEqual(['Petra Lindqvist']);
    expect((await view.stats()).conflicts).toBeGreaterThan(0);
  });

  it('across two servers the same person is two entities, and their dates never disagree', async () => {
    const { store } = tempStore();
    await ingestInto(store, guildReader('1'), 'a.md', FIRST);
    await ingestInto(store, guildReader('2'), 'b.md', SECOND);
    for (const g of ['1', '2']) {
      const view = store.as(own(g));
      expect((await view.findEntities('person', 'Lindqvist', 5)).map((e) => e.name)).toEqual(['Petra Lindqvist']);
      expect((await view.stats()).conflicts).toBe(0);
      expect(await view.conflicts()).toEqual([]);
    }
    const ids = await Promise.all(
      ['1', '2'].map(async (g) => (await store.as(own(g)).findEntities('person', 'Petra Lindqvist', 1))[0].id),
    );
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('the same placeless event told in two servers is one event in each, never one across them', async () => {
    const { store } = tempStore();
    await ingestInto(store, guildReader('1'), 'a.md', FIRST);
    await ingestInto(store, guildReader('2'), 'b.md', FIRST.replace('title: Minister quits', 'title: Another wire'));
    for (const g of ['1', '2']) {
      const { rows } = await store.as(own(g)).listEvents({ dated: true, limit: 10 });
      const resignation = rows.find((e) => e.kind === 'resignation');
      expect(resignation?.sourceCount, `server ${g}`).toBe(1);
      expect(resignation?.sources[0].ref.document).toBe(g === '1' ? 'Minister quits' : 'Another wire');
    }
  });

  it('the same article in two servers is two documents; in a server that reads it already, it is known', async () => {
    const { store } = tempStore();
    const a = await ingestInto(store, guildReader('1'), 'a.md', FIRST);
    const b = await ingestInto(store, guildReader('2'), 'a.md', FIRST);
    expect(a.ok && b.ok && a.result.status === 'new' && b.result.status === 'new').toBe(true);
    const shared = await ingestInto(store, { own: 'shared', corpora: ['shared'] }, 'c.md', SECOND);
    expect(shared.ok && shared.result.status).toBe('new');
    const again = await ingestInto(store, guildReader('1'), 'c.md', SECOND);
    expect(again.ok && again.result.status).toBe('unchanged');
    expect((await store.as(own('1')).stats()).documents).toBe(1);
  });
});
