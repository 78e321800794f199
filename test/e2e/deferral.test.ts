/**
 * Discord's 3-second rule, end to end: handlers slower than the router's deadline are deferred (callback type 5)
 * and answered later by editing @original, or — when the answer's privacy differs from the deferral — by deleting
 * it and following up. Autocomplete can't be deferred and must answer in time even when the lookup is slow.
 */
import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CommandModule } from '../../src/command.ts';
import { expectCleanReply } from './expect-reply.ts';
import { sleep, startParley, type Parley } from './harness.ts';

const sleepy: CommandModule = {
  data: new SlashCommandBuilder().setName('sleepy').setDescription('Answers after 1.5 s'),
  handle: async () => {
    await sleep(1500);
    return { title: 'Slept well', description: 'A public answer after 1.5 s.', sections: [], citations: [] };
  },
};

/** Admin-only, so the router defers privately; its answer is public, so the deferral is replaced by a follow-up. */
const sleepyAdmin: CommandModule = {
  data: new SlashCommandBuilder()
    .setName('sleepy-admin')
    .setDescription('Admins: a public answer after 1.2 s')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild),
  handle: async () => {
    await sleep(1200);
    return { title: 'Announced', description: 'Everyone sees this.', sections: [], citations: [] };
  },
};

const broken: CommandModule = {
  data: new SlashCommandBuilder().setName('broken').setDescription('Always throws'),
  handle: async () => {
    throw new Error('the handler broke');
  },
};

const slowLookup: CommandModule = {
  data: new SlashCommandBuilder()
    .setName('slow-lookup')
    .setDescription('Its autocomplete takes longer than Discord waits')
    .addStringOption((o) => o.setName('thing').setDescription('Anything').setAutocomplete(true)),
  handle: async () => ({ title: 'ok', sections: [], citations: [] }),
  autocomplete: async () => {
    await sleep(3000);
    return [{ name: 'too late', value: 'too late' }];
  },
};

let p: Parley;
beforeAll(async () => {
  p = await startParley({ extraCommands: [sleepy, sleepyAdmin, broken, slowLookup] });
});
afterAll(async () => {
  await p?.stop();
});
afterEach(() => expect(p.fake.violations).toEqual([]));

const route = (id: string) => new RegExp(`^/(interactions/${id}/|webhooks/)`);

describe('deferral', () => {
  it('a handler slower than 1 s is deferred in time, then the deferred reply is edited', async () => {
    const reply = await p.fake.sendCommand('sleepy');
    expectCleanReply(reply);
    expect(reply.deferred).toBe(true);
    expect(reply.record.callback).toMatchObject({ type: InteractionResponseType.DeferredChannelMessageWithSource });
    expect(reply.ackMs).toBeGreaterThanOrEqual(900);
    expect(reply.ackMs).toBeLessThan(3000);
    expect(reply.via).toBe('edit');
    expect(reply.ms).toBeGreaterThanOrEqual(1500);
    expect(reply.ephemeral).toBe(false);
    expect(reply.embeds[0].title).toBe('Slept well');
    expect(p.fake.requests.filter((r) => r.method === 'PATCH' && r.path.endsWith('/messages/@original'))).toHaveLength(
      1,
    );
  });

  it('/ingest (slow module) defers at once, privately, then edits', async () => {
    const file = p.fake.attachment('note.txt', 'The Secretary of State said the talks would resume in Geneva.');
    const reply = await p.fake.sendCommand('ingest', { file }, { admin: true });
    expectCleanReply(reply);
    expect(reply.deferred).toBe(true);
    expect(reply.ackMs).toBeLessThan(500);
    expect((reply.record.callback?.data as { flags?: number }).flags).toBe(MessageFlags.Ephemeral);
    expect(reply.via).toBe('edit');
    expect(reply.ephemeral).toBe(true);
  });

  it('a public answer to a private deferral deletes the deferred reply and follows up', async () => {
    const reply = await p.fake.sendCommand('sleepy-admin', {}, { admin: true });
    expectCleanReply(reply);
    expect(reply.deferred).toBe(true);
    expect((reply.record.callback?.data as { flags?: number }).flags).toBe(MessageFlags.Ephemeral);
    expect(reply.via).toBe('followup');
    expect(reply.ephemeral).toBe(false);
    expect(reply.record.deleted).toBe(true);
    const calls = p.fake.requests
      .filter((r) => route(reply.interactionId).test(r.path) && r.at >= reply.record.sentAt)
      .map(
        (r) =>
          `${r.method} ${r.path.replace(/\/webhooks\/\d+\/[^/]+/, '/webhooks/:app/:token').replace(/\/interactions\/.*/, '/interactions/:id/:token/callback')}`,
      );
    expect(calls).toEqual([
      'POST /interactions/:id/:token/callback',
      'DELETE /webhooks/:app/:token/messages/@original',
      'POST /webhooks/:app/:token',
    ]);
  });

  it('a handler that throws gets a private error reply with a ref that is in the log', async () => {
    const reply = await p.fake.sendCommand('broken');
    expectCleanReply(reply);
    expect(reply.ephemeral).toBe(true);
    const ref = /ref ([0-9A-F]{6})/.exec(reply.embeds[0].title ?? '')?.[1];
    expect(ref).toBeTruthy();
    expect(p.logs.some((l) => l.ref === ref && l.msg === 'command failed')).toBe(true);
  });

  it('a slow autocomplete answers [] within the 3 s Discord allows', async () => {
    const started = Date.now();
    const choices = await p.fake.autocomplete('slow-lookup', { thing: 'x' }, 'thing');
    expect(choices).toEqual([]);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(p.logs.some((l) => l.msg === 'autocomplete too slow')).toBe(true);
  });
});
