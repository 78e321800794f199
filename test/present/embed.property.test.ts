import fc from 'fast-check';
import { MessageFlags } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { Answer, AnswerItem, AnswerSection, Citation } from '../../src/briefing/answer.ts';
import { COLOURS, toDiscordMessage } from '../../src/present/discord/embed.ts';
import { toText } from '../../src/present/text.ts';
import { expectWithinDiscordLimits } from './discord-limits.ts';

const nasty = fc.constantFrom(
  '@everyone',
  '@here',
  '@EVERYONE',
  '<@123>',
  '<@!123456789012345678>',
  '<@&1>',
  '<#1>',
  '**',
  '__',
  '~~',
  '`',
  '```',
  '\\',
  '\\\\',
  '[a](https://e.example)',
  '> ',
  '# ',
  '- ',
  '1. ',
  '\n',
  '\r\n',
  '\t',
  '\u0000',
  '\u001b[31m',
  '😀',
  '🇺🇦',
  'é',
  'e\u0301',
  '\u200b',
  '(',
  ')',
  '…',
  '“',
  '”',
  ' ',
  '',
);
const chunk = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  nasty,
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);
const mixed = fc.array(chunk, { maxLength: 12 }).map((parts) => parts.join(''));
const huge = fc
  .tuple(
    fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }), nasty.filter(Boolean)),
    fc.integer({ min: 1000, max: 6500 }),
  )
  .map(([unit, n]) => unit.repeat(Math.ceil(n / unit.length)));
const text = fc.oneof({ weight: 8, arbitrary: mixed }, { weight: 1, arbitrary: huge });

const citation: fc.Arbitrary<Citation> = fc.record({
  documentId: fc.nat(20),
  document: text,
  url: fc.option(fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), text), { nil: null }),
  sentenceIndex: fc.nat(500),
  sentence: text,
});

const item = (citations: number): fc.Arbitrary<AnswerItem> =>
  fc.record({
    label: fc.option(text, { nil: undefined }),
    text,
    cite: fc.array(fc.integer({ min: -2, max: citations + 2 }), { maxLength: 8 }),
  });

const section = (citations: number, maxItems: number): fc.Arbitrary<AnswerSection> =>
  fc.record({
    heading: text,
    items: fc.array(item(citations), { maxLength: maxItems }),
    more: fc.option(fc.record({ count: fc.nat(10_000), hint: text }), { nil: undefined }),
  });

const answer = (maxSections: number, maxItems: number): fc.Arbitrary<Answer> =>
  fc.array(citation, { maxLength: 60 }).chain((citations) =>
    fc.record({
      title: text,
      description: fc.option(text, { nil: undefined }),
      sections: fc.array(section(citations.length, maxItems), { maxLength: maxSections }),
      citations: fc.constant(citations),
      ephemeral: fc.option(fc.boolean(), { nil: undefined }),
      kind: fc.option(fc.constantFrom('answer' as const, 'notice' as const, 'error' as const), { nil: undefined }),
    }),
  );

/** The C0 controls other than tab and newline, and DEL, that `s` holds: plain text must hold none. */
function controlCharacters(s: string): string[] {
  const isControl = (n: number) => n <= 0x08 || (n >= 0x0b && n <= 0x1f) || n === 0x7f;
  return [...s].filter((c) => isControl(c.charCodeAt(0)));
}

function checkMessage(a: Answer): void {
  const message = toDiscordMessage(a);
  expectWithinDiscordLimits(message);
  expect(message.flags).toBe(a.ephemeral ? MessageFlags.Ephemeral : undefined);
  for (const embed of message.embeds) expect(embed.color).toBe(COLOURS[a.kind ?? 'answer']);
}

describe('toDiscordMessage on random answers', () => {
  it('stays inside every Discord limit, validates with discord.js and never pings', () => {
    fc.assert(fc.property(answer(12, 30), checkMessage), { numRuns: 150 });
  });

  it('holds with many sections of many short items', () => {
    const short = fc.string({ unit: 'grapheme', maxLength: 60 });
    const crowded = fc.record({
      title: short,
      sections: fc.array(
        fc.record({
          heading: short,
          items: fc.array(fc.record({ text: short, cite: fc.array(fc.nat(40), { maxLength: 3 }) }), { maxLength: 200 }),
        }),
        { minLength: 20, maxLength: 120 },
      ),
      citations: fc.array(citation, { minLength: 41, maxLength: 41 }),
    });
    fc.assert(fc.property(crowded, checkMessage), { numRuns: 40 });
  });
});

describe('toText on random answers', () => {
  it('prints plain text with no control characters', () => {
    fc.assert(
      fc.property(answer(6, 20), (a) => {
        const out = toText(a);
        expect(controlCharacters(out)).toEqual([]);
        if (a.citations.length) expect(out.split('\n').at(-1)).toMatch(new RegExp(`^  \\[${a.citations.length}\\] `));
      }),
      { numRuns: 100 },
    );
  });
});
