import { EmbedBuilder, embedLength, type APIEmbed } from 'discord.js';
import { expect } from 'vitest';
import type { DiscordMessage } from '../../src/present/discord/embed.ts';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LIVE_MENTION = /@(everyone|here)|<@[!&]?\d/i;

/** Rebuilt through the builder's setters, which run discord.js's own validators (they throw on any breach). */
function rebuild(embed: APIEmbed): APIEmbed {
  const b = new EmbedBuilder();
  if (embed.title !== undefined) b.setTitle(embed.title);
  if (embed.description !== undefined) b.setDescription(embed.description);
  if (embed.color !== undefined) b.setColor(embed.color);
  if (embed.footer) b.setFooter(embed.footer);
  if (embed.fields) b.setFields(embed.fields);
  return b.toJSON();
}

export function embedTexts(message: DiscordMessage): string[] {
  return message.embeds.flatMap((e) => [
    e.title ?? '',
    e.description ?? '',
    e.footer?.text ?? '',
    ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
  ]);
}

/** Every limit from DESIGN.md "Discord limits every reply must respect". */
export function expectWithinDiscordLimits(message: DiscordMessage): void {
  expect(message.allowedMentions).toEqual({ parse: [] });
  expect(message.embeds.length).toBeGreaterThanOrEqual(1);
  expect(message.embeds.length).toBeLessThanOrEqual(10);
  let total = 0;
  for (const embed of message.embeds) {
    expect(rebuild(embed)).toEqual(embed);
    expect(EmbedBuilder.from(embed).toJSON()).toEqual(embed);
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(256);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(4096);
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(2048);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(25);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeGreaterThanOrEqual(1);
      expect(field.name.length).toBeLessThanOrEqual(256);
      expect(field.value.length).toBeGreaterThanOrEqual(1);
      expect(field.value.length).toBeLessThanOrEqual(1024);
    }
    expect(embed.title || embed.description || embed.fields?.length).toBeTruthy();
    total += embedLength(embed);
  }
  expect(total).toBeLessThanOrEqual(6000);
  const texts = embedTexts(message).join('\n');
  expect(texts).not.toMatch(LIVE_MENTION);
  expect(LONE_SURROGATE.test(texts)).toBe(false);
}
