import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fold } from '../../src/text/names.ts';
import { openSqliteStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/store.ts';
import { extractArticle } from '../extract/fixtures.ts';
import { f1, scoreDocument, type Gold, type Totals } from '../extract/scorer.ts';
import {
  allEvents,
  hasEntity,
  ingestAll,
  projection,
  shuffled,
  STORIES,
  STORIES_DIR,
  storeGold,
  storyDocuments,
} from './corpus.ts';

// Three developing stories (fisheries treaty talks, a bailout negotiation, coalition talks), 32 articles written by
// helpers who had not read the extractor, in outlet styles: datelines, bylines, captions, live blogs, op-eds,
// excerpts cut mid-sentence, hard line breaks, articles with and without publication dates. Gold per article and
// per story (people, events, disagreements). First scores, taken when they were written, are in the closing note
// of the session that added them; the bars below guard what the store does now.
const BARS = { people: 0.87, roles: 0.63, places: 0.82, proposals: 0.5, quotes: 0.7, dates: 0.85 };
const STORE_BARS = { peopleFound: 0.9, eventsFound: 0.3, falseFlagsPer10Docs: 1, trueFlags: 1 };

const docs = STORIES.flatMap(storyDocuments);

describe('the stories corpus', () => {
  it('has at least 30 articles on at least 3 stories', () => {
    expect(STORIES.length).toBeGreaterThanOrEqual(3);
    expect(docs.length).toBeGreaterThanOrEqual(30);
  });

  it('extraction per article meets its bars', () => {
    const totals: Totals = {};
    for (const story of STORIES) {
      const dir = path.join(STORIES_DIR, story);
      for (const gf of fs.readdirSync(path.join(dir, 'gold')).sort()) {
        const gold = JSON.parse(fs.readFileSync(path.join(dir, 'gold', gf), 'utf8')) as Gold;
        scoreDocument(extractArticle(path.join(dir, 'docs', gf.replace(/\.json$/, '.txt'))), gold, totals);
      }
    }
    const got = Object.fromEntries(Object.entries(totals).map(([k, t]) => [k, Number(f1(t).f1.toFixed(3))]));
    console.log('stories, per article:', got);
    for (const [k, bar] of Object.entries(BARS)) expect(got[k], k).toBeGreaterThanOrEqual(bar);
  });
});

describe('the stories ingested together', () => {
  const stores: Store[] = [];
  const refusals: string[][] = [];

  it('stores every article, in three random orders', async () => {
    for (const seed of [11, 23, 37]) {
      const store = openSqliteStore(':memory:');
      refusals.push(await ingestAll(store, shuffled(docs, seed)));
      stores.push(store);
      expect((await store.stats()).documents).toBe(docs.length);
    }
    expect(refusals).toEqual([[], [], []]);
  });

  it('gives the same people, events and disagreements whatever the order', async () => {
    const [a, b, c] = await Promise.all(stores.map(projection));
    for (const k of ['people', 'events', 'disputes'] as const) {
      expect(b[k], k).toEqual(a[k]);
      expect(c[k], k).toEqual(a[k]);
    }
    // Proposals that chain by shared words (A like B, B like C, A unlike C) may merge differently by order.
    expect(Math.abs(b.proposals.length - a.proposals.length)).toBeLessThanOrEqual(2);
  });

  it('finds the people, events and disagreements of the gold, and few false disagreements', async () => {
    const store = stores[0];
    let people = 0;
    let peopleGold = 0;
    let events = 0;
    let eventsGold = 0;
    let trueFlags = 0;
    const stored = await allEvents(store);
    const flagged = stored.filter((e) => e.dispute).map((e) => ({ kind: e.kind, day: e.day, other: e.dispute?.day }));
    for (const story of STORIES) {
      const g = storeGold(story);
      for (const p of g.people) {
        peopleGold++;
        if (await hasEntity(store, 'person', [p.name, ...(p.aliases ?? [])])) people++;
      }
      for (const e of g.events) {
        eventsGold++;
        const rows = stored.filter((r) => r.kind === e.kind && r.day === e.date).map((r) => r.place);
        if (rows.some((pl) => !e.place || !pl || fold(e.place).includes(fold(pl)))) events++;
      }
      for (const d of g.disagreements) {
        const days = new Set(Object.values(d.dates));
        if (flagged.some((f) => f.kind === d.kind && days.has(f.day ?? '') && days.has(f.other ?? ''))) trueFlags++;
      }
    }
    const falseFlags = flagged.length - trueFlags;
    const figures = {
      people: people / peopleGold,
      events: events / eventsGold,
      trueFlags,
      falseFlags,
      flagged: flagged.length,
    };
    console.log('stories, merged store:', figures);
    expect(figures.people).toBeGreaterThanOrEqual(STORE_BARS.peopleFound);
    expect(figures.events).toBeGreaterThanOrEqual(STORE_BARS.eventsFound);
    expect(trueFlags).toBeGreaterThanOrEqual(STORE_BARS.trueFlags);
    expect(falseFlags).toBeLessThanOrEqual((STORE_BARS.falseFlagsPer10Docs * docs.length) / 10);
  });

  it('keeps no more disagreement rows than events', async () => {
    for (const store of stores) {
      const s = await store.stats();
      expect(s.conflicts).toBeLessThanOrEqual(s.events);
    }
  });
});
