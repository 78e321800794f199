import { describe, expect, it } from 'vitest';
import { moreLine } from '../../src/present/discord/embed.ts';
import { INVENTED, storeWith, storeWithText, text } from './setup.ts';

// "1 sentences", "1 places", "1 quotes": a count of one must take the singular everywhere a count is printed.
const ONE_PLURAL = /\b1 (?:sentences|documents|people|places|proposals|quotes|mentions|times|sources)\b/;

const ONE_SENTENCE = `---
title: Harbour pilots strike
---
Harbour pilots in Rotterdam walked out on Monday, Pilots Union chair Wim de Groot said.
`;

describe('counts of one are singular', () => {
  it('/sources over a one-sentence document says "1 sentence" and "1 document"', async () => {
    const { briefing } = await storeWithText('one.txt', ONE_SENTENCE);
    const out = text(await briefing.sources());
    expect(out).toMatch(/\b1 sentence\b/);
    expect(out).toMatch(/\b1 document in the store/);
    expect(out).not.toMatch(ONE_PLURAL);
  });

  it('no command over a small store prints a count of one with a plural noun', async () => {
    const { briefing } = await storeWithText('one.txt', ONE_SENTENCE);
    const answers = [
      briefing.sources(),
      briefing.brief(),
      briefing.who(),
      briefing.where(),
      briefing.what(),
      briefing.quotes(),
      briefing.where('Rotterdam'),
    ];
    for (const a of await Promise.all(answers)) expect(text(a)).not.toMatch(ONE_PLURAL);
  });

  it('the invented article: /sources gives its sentence count with the right noun', async () => {
    const { briefing } = await storeWith(INVENTED);
    expect(text(await briefing.sources())).toMatch(/\b\d+ sentences\b/);
  });

  it('the embed closing line for left-out sources is singular for one', () => {
    const line = moreLine(undefined, ['more source', 'more sources']);
    expect(line(1)).toBe('… and 1 more source');
    expect(line(2)).toBe('… and 2 more sources');
  });
});
