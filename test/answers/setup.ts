import fs from 'node:fs';
import path from 'node:path';
import { ingestBytes, ingestPaths } from '../../src/ingest/ingest.ts';
import { toText } from '../../src/present/text.ts';
import type { Answer } from '../../src/briefing/answer.ts';
import { ROOT, tempStore, testApp } from '../helpers.ts';

/** An invented article (no relation to the shipped story) used to check the answers on text of our own. */
export const INVENTED = path.join(ROOT, 'test/fixtures/answers/harbour-quota-talks.txt');

export async function storeWith(...files: string[]) {
  const { store } = tempStore();
  for (const f of files) {
    const [outcome] = await ingestPaths(store, [f]);
    if (!outcome.ok) throw new Error(`${f}: ${outcome.reason}`);
  }
  return { store, briefing: (await testApp(store)).briefing };
}

export async function storeWithText(key: string, text: string) {
  const { store } = tempStore();
  const outcome = await ingestBytes(store, key, Buffer.from(text));
  if (!outcome.ok) throw new Error(outcome.reason);
  return { store, briefing: (await testApp(store)).briefing };
}

export const SEED_DIR = path.join(ROOT, 'data/documents');
export const seedFiles = () => fs.readdirSync(SEED_DIR).map((f) => path.join(SEED_DIR, f));

export const text = (a: Answer) => toText(a);
