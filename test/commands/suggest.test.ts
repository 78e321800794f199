import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededBot } from './setup.ts';

describe('autocomplete suggestions', () => {
  let bot: Awaited<ReturnType<typeof seededBot>>;
  beforeAll(async () => {
    bot = await seededBot();
  });
  afterAll(() => bot.scheduler.stop());

  it('finds a name by any word start, forgiving spelling variants', async () => {
    expect((await bot.briefing.suggest('person', 'zelensky')).map((s) => s.value)).toEqual(['Volodymyr Zelenskyy']);
    expect((await bot.briefing.suggest('person', 'vlad')).map((s) => s.value)).toEqual(['Vladimir Putin']);
    expect((await bot.briefing.suggest('person', 'RUB')).map((s) => s.value)).toEqual(['Marco Rubio']);
    expect(await bot.briefing.suggest('person', 'qqq')).toEqual([]);
  });

  it('suggests the closest names for a misspelling', async () => {
    const answer = await bot.briefing.who('Stefanishina');
    expect(answer.title).toBe('No one by that name');
    expect(answer.description).toMatch(/Did you mean \*\*Olga Stefanishyna\*\*/);
  });
});
