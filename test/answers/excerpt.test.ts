import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clip, excerpt } from '../../src/briefing/format.ts';
import { INVENTED, seedFiles, storeWith, text } from './setup.ts';

const word = fc.stringMatching(/^[a-z]{1,9}$/);
const words = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max }).map((w) => w.join(' '));

describe('excerpt', () => {
  it('keeps a word that fits whole at the cut (no "…scheduled in…" for a sentence ending in the place)', () => {
    const s = 'The officials said the next round of quota negotiations would be scheduled in Lisbon and nowhere else.';
    const max = s.indexOf('Lisbon') + 'Lisbon'.length + 1; // the cut falls right after the place's last letter
    expect(clip(s, max)).toBe('The officials said the next round of quota negotiations would be scheduled in Lisbon…');
    expect(excerpt(s, 'Lisbon', max)).toMatch(/scheduled in Lisbon/);
    expect(excerpt(s, 'Lisbon', max).length).toBeLessThanOrEqual(max);
  });

  it('centres on the term: context on both sides, not only after it', () => {
    const s = `${'alpha '.repeat(40)}Lisbon ${'omega '.repeat(40)}`.trim();
    const out = excerpt(s, 'Lisbon', 80);
    expect(out).toMatch(/^…alpha .* Lisbon omega .*…$/);
    const at = out.indexOf('Lisbon');
    expect(Math.abs(at - (out.length - at - 'Lisbon'.length))).toBeLessThanOrEqual(8);
  });

  it('a term near the end fills the window from the end instead of dropping most of the sentence', () => {
    const s = `${'alpha '.repeat(60)}and finally the Lisbon memorandum.`;
    const out = excerpt(s, 'Lisbon', 120);
    expect(out.length).toBeGreaterThan(110);
    expect(out).toMatch(/Lisbon memorandum\.$/);
  });

  it('without the term it keeps the sentence start', () => {
    const s = `Start of the sentence ${'alpha '.repeat(60)}`;
    expect(excerpt(s, 'Lisbon', 80)).toMatch(/^Start of the sentence/);
  });

  it('finds an alias when the name is not in the sentence', () => {
    const s = `${'alpha '.repeat(60)}the WTO panel ${'omega '.repeat(60)}`;
    expect(excerpt(s, ['World Trade Organization', 'WTO'], 100)).toMatch(/WTO panel/);
  });

  it('property: never longer than max, always holds the term, starts the sentence when there is no term', () => {
    fc.assert(
      fc.property(
        words(0, 60),
        words(0, 60),
        fc.constantFrom('Lisbon', 'New Haven', 'Reykjavik'),
        fc.integer({ min: 30, max: 300 }),
        (before, after, place, max) => {
          const s = [before, `in ${place}`, after].filter(Boolean).join(' ');
          const out = excerpt(s, place, max);
          expect(out.length).toBeLessThanOrEqual(max);
          expect(out).toContain(place);
          const none = excerpt(`${before} ${after}`.trim(), 'Zzzz', max);
          expect(none.length).toBeLessThanOrEqual(max);
          if (before) expect(none.startsWith(before.split(' ')[0])).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('/where over the invented article', () => {
  it('the venue excerpt names the place even when it ends a long sentence', async () => {
    const { briefing } = await storeWith(INVENTED);
    const where = await briefing.where();
    const lisbon = where.sections.flatMap((s) => s.items).find((i) => i.label === 'Lisbon');
    expect(lisbon?.text).toMatch(/held in Lisbon/);
    expect(lisbon!.text.length).toBeLessThanOrEqual(200);
    expect(text(await briefing.where('Lisbon'))).toMatch(/held in Lisbon/);
  });
});

describe('/where excerpts hold the place they are listed for', () => {
  it.each([
    ['the invented article', [INVENTED]],
    ['the seed', seedFiles()],
  ])('%s', async (_name, files) => {
    const { briefing } = await storeWith(...files);
    const where = await briefing.where();
    for (const item of where.sections.flatMap((s) => s.items)) {
      const sentence = where.citations[item.cite[0]]?.sentence ?? '';
      if (sentence.toLowerCase().includes(item.label!.toLowerCase()))
        expect(item.text.toLowerCase()).toContain(item.label!.toLowerCase());
    }
  });
});
