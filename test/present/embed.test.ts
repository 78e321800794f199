import { EmbedBuilder, MessageFlags } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { Answer, Citation } from '../../src/briefing/answer.ts';
import { COLOURS, toDiscordMessage } from '../../src/present/discord/embed.ts';
import { embedTexts, expectWithinDiscordLimits } from './discord-limits.ts';

const cite = (i: number, url: string | null = `https://news.example/${i}`): Citation => ({
  documentId: i % 7,
  document: `Report ${i} — Kyiv 🇺🇦 talks`,
  url,
  sentenceIndex: i,
  sentence: `Sentence ${i} says something about the plan, at some length, with “quotes” and 😀 emoji.`,
});

function small(extra: Partial<Answer> = {}): Answer {
  return {
    title: 'Marco Rubio',
    description: 'Acts for **United States**.',
    sections: [{ heading: 'Roles', items: [{ label: 'Rubio', text: 'Secretary of State', cite: [0] }] }],
    citations: [cite(0)],
    ...extra,
  };
}

describe('toDiscordMessage', () => {
  it('renders a small answer exactly', () => {
    expect(toDiscordMessage(small())).toEqual({
      embeds: [
        {
          color: COLOURS.answer,
          title: 'Marco Rubio',
          description: 'Acts for **United States**.',
          fields: [
            { name: 'Roles', value: '**Rubio** — Secretary of State [1]' },
            {
              name: 'Sources',
              value:
                '[1] [Report 0 — Kyiv 🇺🇦 talks](https://news.example/0) — “Sentence 0 says something about the plan, at some length, with “quotes” and 😀 emoji.”',
            },
          ],
          footer: { text: '1 source from 1 document' },
        },
      ],
      allowedMentions: { parse: [] },
    });
  });

  it('sets the ephemeral flag only when the answer asks for it', () => {
    expect(toDiscordMessage(small({ ephemeral: true })).flags).toBe(MessageFlags.Ephemeral);
    expect(toDiscordMessage(small()).flags).toBeUndefined();
    expect('flags' in toDiscordMessage(small({ ephemeral: false }))).toBe(false);
  });

  it('colours by kind', () => {
    expect(toDiscordMessage(small({ kind: 'error' })).embeds[0].color).toBe(COLOURS.error);
    expect(toDiscordMessage(small({ kind: 'notice' })).embeds[0].color).toBe(COLOURS.notice);
    expect(toDiscordMessage(small({ kind: 'answer' })).embeds[0].color).toBe(COLOURS.answer);
    expect(new Set(Object.values(COLOURS)).size).toBe(3);
  });

  it('links a citation only when it has an http(s) url, and keeps the link from breaking out', () => {
    const answer = small({
      sections: [{ heading: 'Said', items: [0, 1, 2, 3].map((i) => ({ text: `item ${i}`, cite: [i] })) }],
      citations: [cite(0), cite(1, null), cite(2, 'javascript:alert(1)'), cite(3, 'https://x.example/a_(b) c')],
    });
    const sources = toDiscordMessage(answer)
      .embeds[0].fields!.find((f) => f.name === 'Sources')!
      .value.split('\n');
    expect(sources[0]).toMatch(/^\[1\] \[Report 0 — Kyiv 🇺🇦 talks\]\(https:\/\/news\.example\/0\) — “/);
    expect(sources[1]).toMatch(/^\[2\] Report 1 — Kyiv 🇺🇦 talks — “Sentence 1/);
    expect(sources[2]).not.toContain('javascript');
    expect(sources[3]).toContain('(https://x.example/a_%28b%29%20c)');
  });

  it('clips a long cited sentence to a short piece', () => {
    const long = { ...cite(0), sentence: 'word '.repeat(400) };
    const value = toDiscordMessage(small({ citations: [long] })).embeds[0].fields![1].value;
    expect(value.length).toBeLessThan(250);
    expect(value).toMatch(/…”$/);
  });

  it('escapes echoed markdown and never pings', () => {
    const answer: Answer = {
      title: '@everyone **look** <@123>',
      description: 'Hi @here and <@&42> and <@!7>',
      sections: [
        {
          heading: '__Heading__',
          items: [{ label: '*Name*', text: 'A [link](https://evil.example) `code` ~~x~~ > quote @everyone', cite: [] }],
        },
      ],
      citations: [],
    };
    const message = toDiscordMessage(answer);
    expectWithinDiscordLimits(message);
    const [embed] = message.embeds;
    expect(embed.title).toBe('@\u200beveryone \\*\\*look\\*\\* \\<@\u200b123\\>');
    expect(embed.description).toBe('Hi @\u200bhere and <@\u200b&42> and <@\u200b!7>');
    expect(embed.fields![0]).toEqual({
      name: '\\_\\_Heading\\_\\_',
      value: '**\\*Name\\*** — A \\[link\\](https://evil.example) \\`code\\` \\~\\~x\\~\\~ \\> quote @\u200beveryone',
    });
  });

  it('skips empty sections and still renders an empty answer', () => {
    const message = toDiscordMessage({ title: '', sections: [{ heading: 'Nothing', items: [] }], citations: [] });
    expectWithinDiscordLimits(message);
    expect(message.embeds).toEqual([{ color: COLOURS.answer, title: 'parley' }]);
  });

  it('says how many more there are, with the section hint', () => {
    const answer: Answer = {
      title: 'Who is who',
      sections: [
        {
          heading: 'Ukraine',
          items: [{ label: 'A', text: 'x', cite: [] }],
          more: { count: 5, hint: 'narrow with /who name:…' },
        },
        { heading: 'More', items: [], more: { count: 12, hint: 'narrow with /who name:…' } },
      ],
      citations: [],
    };
    const fields = toDiscordMessage(answer).embeds[0].fields!;
    expect(fields).toEqual([
      { name: 'Ukraine', value: '**A** — x\n… and 5 more — narrow with /who name:…' },
      { name: 'More', value: '… and 12 more — narrow with /who name:…' },
    ]);
  });

  it('fits a huge answer inside every limit and counts what it cut', () => {
    const citations = Array.from({ length: 500 }, (_, i) => cite(i));
    const huge: Answer = {
      title: '🌍'.repeat(400),
      description: 'd'.repeat(6000),
      sections: Array.from({ length: 40 }, (_, s) => ({
        heading: `Section ${s} ${'h'.repeat(300)}`,
        items: Array.from({ length: 300 }, (_, i) => ({
          label: `Name ${i}`,
          text: `${'é🙂'.repeat(3000)}`,
          cite: [i, i + 1, 499],
        })),
        more: { count: 10, hint: 'narrow with /who name:…' },
      })),
      citations,
    };
    const message = toDiscordMessage(huge);
    expectWithinDiscordLimits(message);
    const texts = embedTexts(message).join('\n');
    expect(texts).toMatch(/\*\*Name 0\*\* — [é🙂]+… \[1, 2, 500\]/u);
    expect(texts).toMatch(/… and 309 more — narrow with \/who name:…/);
    expect(texts).toMatch(/… and \d+ more sections/);
    expect(texts).toMatch(/^\[1\] \[Report 0/m);
    expect(message.embeds[0].title!.endsWith('…')).toBe(true);
  });

  it('keeps sources when a single section has hundreds of items', () => {
    const answer: Answer = {
      title: 'Timeline',
      sections: [
        {
          heading: 'Dates',
          items: Array.from({ length: 400 }, (_, i) => ({ text: `Event number ${i} happened`, cite: [i] })),
        },
      ],
      citations: Array.from({ length: 400 }, (_, i) => cite(i)),
    };
    const message = toDiscordMessage(answer);
    expectWithinDiscordLimits(message);
    const fields = message.embeds.flatMap((e) => e.fields ?? []);
    const sources = fields.slice(fields.findIndex((f) => f.name === 'Sources'));
    expect(sources.length).toBeGreaterThan(0);
    const shownItems = fields
      .filter((f) => !sources.includes(f))
      .flatMap((f) => f.value.split('\n'))
      .filter((l) => l.startsWith('Event'));
    const more = /… and (\d+) more/.exec(fields.map((f) => f.value).join('\n'))!;
    expect(shownItems.length + Number(more[1])).toBe(400);
    // Every source listed belongs to an item that is shown.
    const listed = sources
      .flatMap((f) => f.value.split('\n'))
      .map((l) => /^\[(\d+)\]/.exec(l)?.[1])
      .filter(Boolean)
      .map(Number);
    expect(Math.max(...listed)).toBeLessThanOrEqual(shownItems.length);
  });

  it('spreads many small sections over several embeds rather than past 25 fields', () => {
    const answer: Answer = {
      title: 'Places',
      sections: Array.from({ length: 60 }, (_, i) => ({ heading: `P${i}`, items: [{ text: 'x', cite: [] }] })),
      citations: [],
    };
    const message = toDiscordMessage(answer);
    expectWithinDiscordLimits(message);
    expect(message.embeds.length).toBe(3);
    expect(message.embeds.flatMap((e) => e.fields).length).toBe(60);
    expect(message.embeds[1].title).toBeUndefined();
  });

  it('is accepted by discord.js builders validation (sanity: the validator does reject breaches)', () => {
    expect(() => new EmbedBuilder().setTitle('x'.repeat(257))).toThrow();
  });
});
