import fs from 'node:fs';
import path from 'node:path';
import { parseDocument, type SourceDocument } from '../../src/documents/document.ts';
import { ingestDocument } from '../../src/ingest/ingest.ts';
import { fold } from '../../src/text/names.ts';
import type { EntityKind, EventRow, Store } from '../../src/store/store.ts';
import { ROOT } from '../helpers.ts';

/** Three developing stories of our own writing, 32 articles in the styles outlets use, with gold per story. */
export const STORIES_DIR = path.join(ROOT, 'test/fixtures/stories');
export const STORIES = fs
  .readdirSync(STORIES_DIR)
  .filter((d) => fs.existsSync(path.join(STORIES_DIR, d, 'store-gold.json')))
  .sort();

export interface StoreGold {
  people: { name: string; aliases?: string[]; roles?: string[]; affiliation?: string | null }[];
  organizations: { name: string; aliases?: string[] }[];
  events: { kind: string; participants: string[]; place: string | null; date: string; docs: string[] }[];
  disagreements: { kind: string; place: string | null; participants: string[]; dates: Record<string, string> }[];
}

export const storeGold = (story: string): StoreGold =>
  JSON.parse(fs.readFileSync(path.join(STORIES_DIR, story, 'store-gold.json'), 'utf8'));

export function storyDocuments(story: string): SourceDocument[] {
  const dir = path.join(STORIES_DIR, story, 'docs');
  return fs
    .readdirSync(dir)
    .sort()
    .map((f) => parseDocument(`stories/${story}/${f}`, fs.readFileSync(path.join(dir, f))));
}

/** A deterministic shuffle (mulberry32), so an order that fails can be replayed. */
export function shuffled<T>(list: T[], seed: number): T[] {
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export async function ingestAll(store: Store, docs: SourceDocument[]): Promise<string[]> {
  const refused: string[] = [];
  for (const d of docs) {
    try {
      const r = await ingestDocument(store, d);
      if (r.dropped.length) refused.push(`${d.key}: dropped ${r.dropped.join('; ')}`);
    } catch (e) {
      refused.push(`${d.key}: ${(e as Error).message}`);
    }
  }
  return refused;
}

/** Every event of the store, dated and undated, through the store's own reads. */
export async function allEvents(store: Store): Promise<EventRow[]> {
  const dated = await store.listEvents({ dated: true, limit: 1_000_000 });
  const undated = await store.listEvents({ dated: false, limit: 1_000_000 });
  return [...dated.rows, ...undated.rows];
}

/** What a member would see, independent of row ids: people, proposals, events and flags as sorted text. */
export async function projection(store: Store) {
  const aliases = new Map<number, { name: string; aliases: string[] }>();
  for (const n of await store.allNames('person')) {
    const e = aliases.get(n.id) ?? { name: n.name, aliases: [] };
    e.aliases.push(n.alias);
    aliases.set(n.id, e);
  }
  const events = await allEvents(store);
  return {
    people: [...aliases.values()].map((e) => `${e.name} [${[...new Set(e.aliases)].sort().join('|')}]`).sort(),
    proposals: (await store.proposalNames()).map((p) => p.name).sort(),
    events: events.map((e) => `${e.kind} @${e.place ?? '-'} ${e.day ?? e.rawDate ?? '-'} ${e.sourceCount}`).sort(),
    disputes: events
      .filter((e) => e.dispute)
      .map((e) => `${e.kind} ${e.day} vs ${e.dispute?.day}`)
      .sort(),
  };
}

/** Whether the store holds an entity of a kind under any of the gold names. */
export async function hasEntity(store: Store, kind: EntityKind, names: string[]): Promise<boolean> {
  const keys = names.map((n) => fold(n));
  const known = await store.allNames(kind);
  return known.some((a) => keys.includes(fold(a.alias)));
}
