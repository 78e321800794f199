import fs from 'node:fs';
import path from 'node:path';
import { parseDocument, type SourceDocument } from '../../src/documents/document.ts';
import { ingestDocument } from '../../src/ingest/ingest.ts';
import { fold } from '../../src/text/names.ts';
import type { SqliteStore } from '../../src/store/sqlite-store.ts';
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

export async function ingestAll(store: SqliteStore, docs: SourceDocument[]): Promise<string[]> {
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

/** What a member would see, independent of row ids: people, proposals, events and flags as sorted text. */
export function projection(store: SqliteStore) {
  const all = (sql: string) => (store.db.prepare(sql).pluck().all() as string[]).sort();
  return {
    people: all(`SELECT e.name || ' [' || (SELECT group_concat(alias, '|') FROM (SELECT alias FROM aliases a
           WHERE a.entity_id = e.id ORDER BY alias)) || ']'
                 FROM entities e WHERE kind = 'person'`),
    proposals: all('SELECT name FROM proposals'),
    events: all(`SELECT e.kind || ' @' || coalesce(pl.name, '-') || ' ' || coalesce(e.day, e.raw_date, '-') || ' ' ||
                        (SELECT count(*) FROM event_sources s WHERE s.event_id = e.id)
                 FROM events e LEFT JOIN entities pl ON pl.id = e.place_id`),
    disputes: all(
      `SELECT a.kind || ' ' || a.day || ' vs ' || b.day FROM event_disputes x JOIN events a ON a.id = x.event_id
       JOIN events b ON b.id = x.with_event_id`,
    ),
  };
}

/** Whether the store holds an entity of a kind under any of the gold names. */
export function hasEntity(store: SqliteStore, kind: string, names: string[]): boolean {
  const keys = names.map((n) => fold(n));
  const known = store.db
    .prepare(`SELECT a.alias FROM aliases a JOIN entities e ON e.id = a.entity_id WHERE e.kind = ?`)
    .pluck()
    .all(kind) as string[];
  return known.some((a) => keys.includes(fold(a)));
}
