import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/briefing/answer.ts';
import { questionTerms } from '../../src/briefing/fts.ts';
import { INVENTED, seedFiles, storeWith } from './setup.ts';

const first = (a: Answer) => a.citations[a.sections[0]?.items[0]?.cite[0]]?.sentence ?? '';

describe('/ask over the invented article', async () => {
  const { store, briefing } = await storeWith(INVENTED);

  it('counts question words as the index stores them (stemmed), so a common word is known as common', async () => {
    const { sentences, counts } = await store.termFrequencies(['negotiations', 'Quota', 'timetable', 'Halvorsen']);
    expect(sentences).toBeGreaterThan(5);
    expect(counts.get('negotiations')).toBeGreaterThanOrEqual(1); // indexed as "negoti"
    expect(counts.get('Quota')).toBeGreaterThanOrEqual(1);
    expect(counts.get('Halvorsen')).toBe(4);
    expect(counts.get('timetable')).toBe(0);
  });

  it('strips possessives from question words', () => {
    expect(questionTerms("Halvorsen's timetable")).toEqual(['halvorsen', 'timetable']);
    expect(questionTerms('Halvorsen’s deadline')).toEqual(['halvorsen', 'deadline']);
  });

  it("a possessive name and a word the documents never use still finds the name's sentences", async () => {
    const a = await briefing.ask("Halvorsen's timetable");
    expect(a.kind).not.toBe('notice');
    expect(first(a)).toMatch(/Halvorsen/);
  });

  it('"Where were the talks?" answers with the sentence that places them', async () => {
    expect(first(await briefing.ask('Where were the talks?'))).toMatch(/held in Lisbon/);
    expect(first(await briefing.ask('Where were the talks held?'))).toMatch(/Lisbon/);
  });

  it('a "where" question about a person prefers a sentence naming a place', async () => {
    expect(first(await briefing.ask('Where is Eiriksson from?'))).toMatch(/Iceland/);
  });

  it('a question with none of the documents’ words is still "nothing found"', async () => {
    expect((await briefing.ask('zebra xylophone')).title).toBe('Nothing found');
  });
});

describe('/ask over the seed', async () => {
  const { briefing } = await storeWith(...seedFiles());

  it('a possessive with an unused word finds something', async () => {
    const a = await briefing.ask("Trump's timetable");
    expect(a.title).toBe('From the documents');
    expect(first(a)).toMatch(/Trump/);
  });

  it('"Where were the talks?" finds a sentence naming where they are held', async () => {
    const places = (await briefing.where()).sections[0].items.map((i) => i.label!);
    const answer = first(await briefing.ask('Where were the talks?'));
    expect(places.some((p) => answer.includes(p))).toBe(true);
  });
});
