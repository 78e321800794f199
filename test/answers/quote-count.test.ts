import { describe, expect, it } from 'vitest';
import type { Briefing } from '../../src/briefing/briefing.ts';
import { INVENTED, seedFiles, storeWith, text } from './setup.ts';

/** The quote count /brief shows, the count /quote shows, and how many /quote lists. */
async function counts(briefing: Briefing) {
  const brief = await briefing.brief();
  const quote = await briefing.quotes();
  const briefCount = Number(/(\d+) quotes?\b/.exec(brief.description ?? '')?.[1]);
  const quoteCount = Number(/^(\d+) quotes?\b/.exec(quote.description ?? '')?.[1]);
  return { briefCount, quoteCount, listed: quote.sections[0].items.length, quote };
}

describe('/brief and /quote count the same quotes', () => {
  it(
    'the invented article: two unattributed phrases (a scare quote and a title) ' + 'are neither counted nor listed',
    async () => {
      const { store, briefing } = await storeWith(INVENTED);
      expect((await store.stats()).quotes).toBe(5); // the store keeps all five quoted spans
      const { briefCount, quoteCount, listed, quote } = await counts(briefing);
      expect(briefCount).toBe(3);
      expect(quoteCount).toBe(3);
      expect(listed).toBe(3);
      expect(text(quote)).not.toMatch(/paper truce|Last Mackerel/);
      const said = (await briefing.brief()).sections.find((s) => s.heading === 'Said');
      expect(said?.items.map((i) => i.text).join(' ')).not.toMatch(/paper truce|Last Mackerel/);
    },
  );

  it('the seed: /brief says as many quotes as /quote lists', async () => {
    const { briefing } = await storeWith(...seedFiles());
    const { briefCount, quoteCount, listed } = await counts(briefing);
    expect(briefCount).toBe(quoteCount);
    expect(listed).toBe(quoteCount);
  });
});
