import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { forgetDocument } from '../../src/ingest/forget.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { openSqliteStore } from '../../src/store/index.ts';
import { ROOT, SEED, sqliteConnection, tempStore, writeDoc } from '../helpers.ts';

const ARTICLE = 'Talks in Vienna\n\nForeign Minister Anna Keller said on Monday that the talks would go on.\n';

describe('the figures a store remembers between writes', () => {
  it('follow its own writes and those of another connection to the same file (another process)', async () => {
    const { store, file, dir } = tempStore();
    const other = openSqliteStore(file);
    expect(await store.count('documents')).toBe(0);
    expect((await store.stats()).documents).toBe(0);
    expect((await store.examples()).person).toBeNull();

    await ingestPaths(store, [writeDoc(dir, 'a.txt', ARTICLE)]);
    expect(await store.count('documents')).toBe(1);
    expect(await store.count('person')).toBe(1);
    expect((await store.examples()).person).toBe('Anna Keller');
    const before = await store.listPeople(20);
    expect(before.map((p) => p.name)).toEqual(['Anna Keller']);
    before.pop(); // a caller's change to a list it was given is its own
    expect((await store.listPeople(20)).map((p) => p.name)).toEqual(['Anna Keller']);

    expect(await other.count('documents')).toBe(1);
    await ingestPaths(other, [SEED]);
    expect(await other.count('documents')).toBe(2);
    // The first connection sees the second's commit at its next read.
    expect(await store.count('documents')).toBe(2);
    expect((await store.stats()).documents).toBe(2);
    expect(await store.count('person')).toBeGreaterThan(1);
    expect((await store.examples()).person).not.toBe('Anna Keller');
    expect((await store.listPeople(20)).length).toBeGreaterThan(1);
    expect((await store.listQuotes({ limit: 5 })).total).toBeGreaterThan(0);
    await other.close();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('entity_roles, the roles a search by role scans', () => {
  it('stays the count of role sentences per entity and role through ingest, replacement and forgetting', async () => {
    const { store, file, dir } = tempStore();
    await ingestPaths(store, [`${ROOT}/test/fixtures/stories/coalition-talks/docs`]);
    const raw = sqliteConnection(file);
    const truth = () =>
      raw.prepare('SELECT entity_id, role, count(*) AS n FROM roles GROUP BY 1, 2 ORDER BY 1, 2').all();
    const kept = () => raw.prepare('SELECT entity_id, role, sentences AS n FROM entity_roles ORDER BY 1, 2').all();
    expect(truth().length).toBeGreaterThan(5);
    expect(kept()).toEqual(truth());
    const docs = await store.documents();
    for (const d of docs.slice(0, 4)) expect(await forgetDocument(store, d.id)).not.toBeNull();
    expect(kept()).toEqual(truth());
    expect(await store.findEntities('person', 'the minister', 3)).not.toEqual([]);
    raw.close();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
