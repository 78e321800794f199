import { ApplicationCommandOptionType, type CommandInteractionOption } from 'discord.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordMessage } from '../../src/present/discord/embed.ts';
import { asInteraction, fakeInteraction } from '../discord/fake-interaction.ts';
import { expectWithinDiscordLimits } from '../present/discord-limits.ts';
import { seededBot } from './setup.ts';

let bot: Awaited<ReturnType<typeof seededBot>>;
beforeAll(async () => {
  bot = await seededBot();
});
afterAll(() => bot.scheduler.stop());

/** Hostile strings: unicode, FTS syntax, mentions, markdown, very long text. */
const hostile = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.constantFrom(
    '"',
    '*',
    '-',
    'NEAR(',
    'AND',
    'OR',
    'NOT',
    '"a" NEAR("b")',
    'x:y',
    '^',
    '(',
    ')',
    '{}',
    "'",
    '\\',
    '%',
    '_',
    '@everyone',
    '@here',
    '<@123456789012345678>',
    '<@&1>',
    '<#1>',
    '**bold** __u__ `code` ~~s~~ ||spoiler||',
    '‮rtl',
    '🇺🇦👍🏽',
    '',
  ),
  fc.string({ minLength: 5000, maxLength: 6000 }),
  fc
    .tuple(fc.constantFrom('Rubio', 'Geneva', 'peace plan', 'Stefanishyna'), fc.string({ maxLength: 20 }))
    .map(([a, b]) => `${a}${b}`),
);

const STRING_OPTIONS: Record<string, string[]> = {
  who: ['name'],
  where: ['place'],
  what: ['proposal'],
  quote: ['speaker', 'about'],
  ask: ['question'],
  timeline: [],
  brief: [],
  sources: [],
  help: [],
};

describe('every command with random option strings', () => {
  for (const [command, names] of Object.entries(STRING_OPTIONS)) {
    it(`/${command} never throws, stays inside Discord's limits and never pings`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(hostile, { minLength: names.length, maxLength: names.length }),
          fc.boolean(),
          async (values, admin) => {
            const data: CommandInteractionOption[] = names.map((name, i) => ({
              name,
              type: ApplicationCommandOptionType.String,
              value: values[i],
            }));
            const fake = fakeInteraction({ commandName: command, data, admin });
            await bot.router.onInteraction(asInteraction(fake));
            const sent = [...fake.reply.mock.calls, ...fake.editReply.mock.calls, ...fake.followUp.mock.calls].map(
              (c) => c[0] as DiscordMessage,
            );
            expect(sent).toHaveLength(1);
            expectWithinDiscordLimits(sent[0]);
            expect(sent[0].embeds[0].title).not.toMatch(/Something went wrong/);
          },
        ),
        { numRuns: 40 },
      );
    });
  }

  it('autocomplete answers at most 25 valid choices for any input', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          ['who', 'name'],
          ['where', 'place'],
          ['what', 'proposal'],
          ['quote', 'speaker'],
          ['digest', 'timezone'],
          ['digest', 'schedule'],
        ),
        hostile,
        async ([command, option], value) => {
          const fake = fakeInteraction({ commandName: command, focused: { name: option, value } });
          await bot.router.onInteraction(asInteraction(fake));
          const choices = fake.respond.mock.calls[0][0] as { name: string; value: string }[];
          expect(choices.length).toBeLessThanOrEqual(25);
          for (const c of choices) {
            expect(c.name.length).toBeGreaterThanOrEqual(1);
            expect(c.name.length).toBeLessThanOrEqual(100);
            expect(c.value.length).toBeGreaterThanOrEqual(1);
            expect(c.value.length).toBeLessThanOrEqual(100);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
