import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ftsQuery, questionTerms } from '../../../src/briefing/fts.ts';
import type { Reader } from '../../../src/store/corpus.ts';
import type { EntityKind, SearchHit, Store } from '../../../src/store/store.ts';
import { needsPostgres, TEST_DATABASE_URL } from '../pg-database.ts';
import { bothBackends, READERS, type Backends } from './corpus-backends.ts';

const KINDS: EntityKind[] = ['person', 'place', 'organization'];

/** Search hits agree: the same sentences in the same order, scores equal but for floating-point rounding. */
function sameHits(pg: SearchHit[], sqlite: SearchHit[], label: string) {
  expect(
    pg.map((h) => h.ref),
    label,
  ).toEqual(sqlite.map((h) => h.ref));
  pg.forEach((h, i) => expect(h.score, `${label} #${i}`).toBeCloseTo(sqlite[i].score, 9));
}

describe.skipIf(!TEST_DATABASE_URL)(`reads agree on SQLite and PostgreSQL — ${needsPostgres}`, () => {
  let b: Backends;
  beforeAll(async () => {
    b = await bothBackends();
  }, 300_000);
  afterAll(async () => {
    await b?.close();
  });

  it('imports every row of every table', async () => {
    for (const [table, n] of Object.entries(b.imported.rows)) {
      expect(n, table).toBe(b.sqlite.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
      expect((await b.pool.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n, table).toBe(n);
    }
    expect(b.imported.rows.sentences).toBeGreaterThan(500);
    expect(b.imported.rows.event_disputes).toBeGreaterThan(0);
  });

  describe.each(READERS)('as the %s reader', (_, reader: Reader) => {
    const views = () => ({ sqlite: b.sqlite.as(reader) as Store, pg: b.postgres.as(reader) as Store });
    /** One read on both backends, with the arguments that it is asked with. */
    async function agree<T>(label: string, read: (s: Store) => Promise<T>): Promise<T> {
      const { sqlite, pg } = views();
      const expected = await read(sqlite);
      expect(await read(pg), label).toEqual(expected);
      return expected;
    }

    it('stats, examples, documents, conflicts, the latest document', async () => {
      const stats = await agree('stats', (s) => s.stats());
      await agree('examples', (s) => s.examples());
      const docs = await agree('documents', (s) => s.documents());
      expect(docs.length).toBe(stats.documents);
      await agree('documents(3)', (s) => s.documents(3));
      await agree('conflicts', (s) => s.conflicts());
      await agree('latestDocumentId', (s) => s.latestDocumentId());
      for (const typed of ['', 'a', 'TALKS', '%', 'stories/', 'no such title'])
        await agree(`ownDocuments(${typed})`, (s) => s.ownDocuments(typed, 5));
      for (const d of docs.slice(0, 4)) {
        const hash = b.sqlite.db.prepare('SELECT content_hash FROM documents WHERE id = ?').pluck().get(d.id) as string;
        await agree(`documentWithHash(${d.key})`, (s) => s.documentWithHash(hash));
      }
      await agree('documentWithHash(none)', (s) => s.documentWithHash('0'.repeat(64)));
    });

    it('news after several documents', async () => {
      const ids = (await views().sqlite.documents()).map((d) => d.id).sort((x, y) => x - y);
      for (const after of [0, ...ids.filter((_, i) => i % 5 === 0), ids.at(-1) ?? 0, 10_000])
        await agree(`news(${after})`, (s) => s.news(after));
    });

    it('people, names and entities', async () => {
      for (const limit of [1, 5, 500]) await agree(`listPeople(${limit})`, (s) => s.listPeople(limit));
      const people = await views().sqlite.listPeople(500);
      const affiliations = [...new Set(people.map((p) => p.affiliation).filter((a): a is string => !!a))];
      await agree('listPeople(affiliations)', (s) =>
        s.listPeople(50, { affiliations: [...affiliations.slice(0, 3).map((a) => a.toUpperCase()), 'none'] }),
      );
      for (const kind of KINDS) {
        const names = await agree(`topNames(${kind})`, (s) => s.topNames(kind, 40));
        for (const name of names) {
          const found = await agree(`findEntities(${kind}, ${name})`, (s) => s.findEntities(kind, name, 5));
          await agree(`findEntities(null, ${name})`, (s) => s.findEntities(null, name, 5));
          await agree(`findEntities(start of ${name})`, (s) => s.findEntities(kind, name.slice(0, 4), 5));
          for (const e of found) {
            await agree(`entity(${e.id})`, (s) => s.entity(e.id, 4));
            await agree(`firstRef(${e.id})`, (s) => s.firstRef(e.id));
          }
        }
      }
      for (const role of ['minister', 'the President', 'spokes', 'no such role'])
        await agree(`findEntities(role ${role})`, (s) => s.findEntities('person', role, 5));
      await agree('entity(unknown)', (s) => s.entity(10_000_000, 3));
    });

    it('every name, narrowed every way', async () => {
      const all = await agree('allNames()', (s) => s.allNames(null));
      const keys = all.slice(0, 30).map((n) => n.alias.toLowerCase());
      for (const kind of [null, ...KINDS]) {
        await agree(`allNames(${kind})`, (s) => s.allNames(kind));
        await agree(`allNames(${kind}, keys)`, (s) => s.allNames(kind, { keys: [...keys, 'zz unknown'] }));
        await agree(`allNames(${kind}, prefixes)`, (s) => s.allNames(kind, { prefixes: ['a', 'ke', 'mo', ''] }));
        await agree(`allNames(${kind}, wordPrefix)`, (s) => s.allNames(kind, { wordPrefix: 'mi', limit: 7 }));
        await agree(`allNames(${kind}, limit)`, (s) => s.allNames(kind, { limit: 3 }));
      }
      await agree('allNames(empty narrowing)', (s) => s.allNames(null, { keys: [], prefixes: [''] }));
    });

    it('places and proposals', async () => {
      for (const limit of [1, 50]) await agree(`listPlaces(${limit})`, (s) => s.listPlaces(limit));
      const names = await agree('proposalNames', (s) => s.proposalNames());
      for (const [limit, evidence, reports] of [
        [5, 2, 1],
        [100, 10, 10],
        [3, 0, undefined],
      ] as const)
        await agree(`listProposals(${limit})`, (s) => s.listProposals({ limit, evidence, reports }));
      const ids = [
        ...names
          .map((n) => n.id)
          .reverse()
          .slice(0, 6),
        10_000_000,
      ];
      await agree('listProposals(ids)', (s) => s.listProposals({ limit: 3, evidence: 3, ids }));
    });

    it('quotes by speaker and by what they are about', async () => {
      for (const limit of [1, 20, 500]) await agree(`listQuotes(${limit})`, (s) => s.listQuotes({ limit }));
      const speakers = await views().sqlite.allNames(null);
      const ids = [...new Set(speakers.map((n) => n.id))];
      let unresolved = 0;
      for (const id of ids) {
        const found = await agree(`listQuotes(speaker ${id})`, (s) => s.listQuotes({ speakerIds: [id], limit: 5 }));
        unresolved += found.rows.filter((q) => q.speakerId === null).length;
      }
      expect(unresolved, 'quotes found by the speaker’s name').toBeGreaterThan(0);
      await agree('listQuotes(speakers)', (s) => s.listQuotes({ speakerIds: ids.slice(0, 8), limit: 50 }));
      for (const about of ['talks', 'deal agreement', 'minister said', 'quota fish', 'budget', 'zzzz'])
        await agree(`listQuotes(about ${about})`, (s) => s.listQuotes({ aboutMatch: ftsQuery(about), limit: 200 }));
      await agree('listQuotes(speaker and about)', (s) =>
        s.listQuotes({ speakerIds: ids.slice(0, 20), aboutMatch: ftsQuery('talks said'), limit: 10 }),
      );
    });

    it('dates and events, with every option', async () => {
      const ids = (await views().sqlite.documents()).map((d) => d.id).sort((x, y) => x - y);
      const afters = [undefined, ids[Math.floor(ids.length / 2)], ids.at(-2)];
      for (const dated of [true, false])
        for (const newestFirst of [false, true])
          for (const afterDocumentId of afters) {
            const o = { dated, newestFirst, afterDocumentId };
            await agree(`listDates(${JSON.stringify(o)})`, (s) => s.listDates({ ...o, limit: 15 }));
            for (const happened of [false, true])
              await agree(`listEvents(${JSON.stringify({ ...o, happened })})`, (s) =>
                s.listEvents({ ...o, happened, limit: 12 }),
              );
          }
      for (const kind of ['person', 'place'] as const) {
        for (const e of await views().sqlite.allNames(kind, { limit: 40 })) {
          const by = kind === 'person' ? { participantId: e.id } : { placeId: e.id };
          await agree(`listEvents(${kind} ${e.name})`, (s) => s.listEvents({ dated: true, limit: 5, ...by }));
          await agree(`listEvents(undated ${kind} ${e.name})`, (s) => s.listEvents({ dated: false, limit: 5, ...by }));
        }
      }
    });

    it('search ranks as BM25 does, with the entity boost; word frequencies; sentence refs', async () => {
      const { sqlite, pg } = views();
      const docs = await sqlite.documents();
      const sentences = (await Promise.all(docs.slice(0, 12).map((d) => sqlite.sentenceRefs(d.id, [0, 2, 5])))).flat();
      const questions = [
        ...sentences.map((r) => r.sentence),
        'Where will the talks be held?',
        'fishing quota deal',
        'IMF loan negotiations',
      ];
      const names = await sqlite.allNames(null, { limit: 20 });
      for (const q of questions) {
        for (const join of ['OR', 'AND'] as const) {
          const match = ftsQuery(q, join);
          if (!match) continue;
          for (const boost of [[], [...new Set(names.map((n) => n.id))].slice(0, 6)]) {
            const label = `search(${match}, boost ${boost.length})`;
            sameHits(await pg.search(match, 5, boost), await sqlite.search(match, 5, boost), label);
          }
        }
        const words = [...questionTerms(q), 'Negotiations', 'zzzzq'];
        await agree(`termFrequencies(${words})`, (s) => s.termFrequencies(words));
      }
      const day = '"july 10" OR "10 july" OR "jul 10" OR "10 jul"';
      sameHits(await pg.search(day, 24, []), await sqlite.search(day, 24, []), 'search(day)');
      await agree('termFrequencies([])', (s) => s.termFrequencies([]));
      for (const d of docs.slice(0, 5))
        await agree(`sentenceRefs(${d.id})`, (s) => s.sentenceRefs(d.id, [3, 0, 1, 400, 3]));
      await agree('sentenceRefs(unknown)', (s) => s.sentenceRefs(10_000_000, [0]));
    });
  });
});
