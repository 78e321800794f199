import { expect } from 'vitest';
import { expectWithinDiscordLimits } from '../present/discord-limits.ts';
import { messageProblems, type Reply } from './fake-discord/index.ts';
import type { Parley } from './harness.ts';

/** A reply as Discord received it: inside every limit, pinging no one, acknowledged within 3 s. */
export function expectCleanReply(reply: Reply): void {
  expect(reply.body.allowed_mentions).toEqual({ parse: [] });
  expect(messageProblems(reply.body, 'create')).toEqual([]);
  expectWithinDiscordLimits({ embeds: reply.embeds, allowedMentions: { parse: [] } });
  expect(reply.ackMs).toBeLessThan(3000);
}

/** Nothing the fake flagged and nothing parley logged at warn or above. */
export function expectNoTrouble(p: Parley): void {
  expect(p.fake.violations).toEqual([]);
  expect(p.problems()).toEqual([]);
}
