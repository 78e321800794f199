/**
 * Scheduled digests through discord.js to the fake's channels, with Discord failing the way it does:
 * 429 with retry_after, 5xx, a response lost after the message was made, 403 and 404.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { messageProblems, type MessageBody } from './fake-discord/index.ts';
import { startParley, type Parley } from './harness.ts';

let p: Parley;
const schedulerSleep = vi.fn(async (_ms: number) => {});
beforeAll(async () => {
  p = await startParley({ scheduler: { sleep: schedulerSleep, backoffMs: 1 } });
});
afterAll(async () => {
  await p?.stop();
});
afterEach(() => expect(p.fake.violations).toEqual([]));

let slotCounter = 0;
const nextSlot = () => `2026-01-${String(++slotCounter).padStart(2, '0')}T08:00:00.000Z`;

async function subscribe(channelId: string) {
  return p.digests.subscribe({
    guildId: p.fake.guild.id,
    channelId,
    schedule: '0 8 * * *',
    createdBy: p.fake.users.admin.id,
  });
}

/** Runs a slot; the outcome comes with the slot's stored reason so a failure explains itself. */
async function run(id: number, slot = nextSlot()) {
  const outcome = await p.scheduler.runSlot(id, slot);
  return { outcome, reason: (await p.store.slots(id)).find((s) => s.slot === slot)?.reason ?? null };
}

const posts = (channelId: string) => p.fake.requestsTo('POST', `/channels/${channelId}/messages`);

function expectValidDigest(body: unknown) {
  expect(messageProblems(body as MessageBody, 'create')).toEqual([]);
  expect(body).toMatchObject({ allowed_mentions: { parse: [] }, enforce_nonce: true });
}

describe('digest delivery', () => {
  it('a 429 with retry_after is waited out by discord.js: delivered exactly once', async () => {
    const channel = p.fake.addChannel('digest-429', { hidden: true });
    const sub = await subscribe(channel);
    p.fake.failChannel(channel, { status: 429, retryAfter: 0.3 });
    const slot = nextSlot();

    expect(await run(sub.id, slot)).toMatchObject({ outcome: 'sent' });
    const tries = posts(channel);
    expect(tries.map((r) => r.status)).toEqual([429, 200]);
    expect(tries[1].at - tries[0].at).toBeGreaterThanOrEqual(250);
    expectValidDigest(tries[1].body);
    // The channel was not in GUILD_CREATE, so discord.js fetched it first.
    expect(p.fake.requestsTo('GET', `/channels/${channel}`)).toHaveLength(1);

    const accepted = p.fake.messagesIn(channel);
    expect(accepted).toHaveLength(1);
    expect(accepted[0].embeds[0].title).toMatch(/story so far/);
    expect(await p.store.slots(sub.id)).toEqual([
      expect.objectContaining({ slot, state: 'sent', messageId: accepted[0].id }),
    ]);

    expect(await run(sub.id, slot)).toMatchObject({ outcome: 'duplicate' });
    expect(p.fake.messagesIn(channel)).toHaveLength(1);
    expect(schedulerSleep).not.toHaveBeenCalled();
  });

  it('a 500 once is retried by discord.js: delivered exactly once', async () => {
    const channel = p.fake.addChannel('digest-500');
    const sub = await subscribe(channel);
    p.fake.failChannel(channel, { status: 500 });
    expect(await run(sub.id)).toMatchObject({ outcome: 'sent' });
    expect(posts(channel).map((r) => r.status)).toEqual([500, 200]);
    expect(p.fake.messagesIn(channel)).toHaveLength(1);
  });

  it(
    'a post whose response is lost (502 after the message was made) is not duplicated: the nonce dedupes the ' +
      'retry',
    async () => {
      const channel = p.fake.addChannel('digest-lost-response');
      const sub = await subscribe(channel);
      p.fake.failChannel(channel, { status: 502, commit: true });
      expect(await run(sub.id)).toMatchObject({ outcome: 'sent' });
      const tries = posts(channel);
      expect(tries.map((r) => r.status)).toEqual([502, 200]);
      const nonces = tries.map((r) => (r.body as MessageBody).nonce);
      expect(nonces[0]).toBeTruthy();
      expect(nonces[1]).toBe(nonces[0]);
      expect(p.fake.messagesIn(channel)).toHaveLength(1);
    },
  );

  it('a channel that keeps failing with 503 is retried by the scheduler, then the slot is marked failed', async () => {
    const channel = p.fake.addChannel('digest-down');
    const sub = await subscribe(channel);
    p.fake.failChannel(channel, { status: 503, times: Infinity });
    const slot = nextSlot();
    expect(await run(sub.id, slot)).toMatchObject({ outcome: 'failed' });
    expect(p.fake.messagesIn(channel)).toHaveLength(0);
    // discord.js tries twice per delivery (rest.retries = 1), the scheduler makes 4 deliveries: bounded.
    expect(posts(channel)).toHaveLength(8);
    expect(schedulerSleep).toHaveBeenCalledTimes(3);
    const [row] = await p.store.slots(sub.id);
    expect(row).toMatchObject({ slot, state: 'failed' });
    expect(row.reason).toMatch(/HTTP 503.*after 4 attempts/);
    expect((await p.store.subscription(sub.id))?.state).toBe('active');
  });

  it('a 403 disables the subscription with the reason, tells the admins, and posts nothing more', async () => {
    const channel = p.fake.addChannel('digest-forbidden');
    const sub = await subscribe(channel);
    p.fake.failChannel(channel, { status: 403, times: Infinity });
    const notices = p.fake.messagesIn(p.fake.systemChannelId).length;

    expect(await run(sub.id)).toMatchObject({ outcome: 'disabled' });
    const stored = await p.store.subscription(sub.id);
    expect(stored?.state).toBe('disabled');
    expect(stored?.disabledReason).toMatch(/missing access to the channel/);
    expect(stored?.disabledReason).toMatch(/403/);
    expect(p.scheduler.nextRun(stored!)).toBeNull();
    expect(posts(channel)).toHaveLength(1);

    const told = p.fake.messagesIn(p.fake.systemChannelId).slice(notices);
    expect(told).toHaveLength(1);
    expect(told[0].embeds[0].title).toBe('Digest disabled');
    expect(told[0].embeds[0].description).toContain(`<#${channel}>`);
    const notice = p.fake.requestsTo('POST', `/channels/${p.fake.systemChannelId}/messages`).at(-1)!;
    expect(notice.body).toMatchObject({ allowed_mentions: { parse: [] } });

    expect(await run(sub.id)).toMatchObject({ outcome: 'failed' });
    expect(posts(channel)).toHaveLength(1);

    const list = await p.fake.sendCommand('digest list', {}, { admin: true });
    expect(JSON.stringify(list.embeds)).toMatch(/disabled.*missing access/);
  });

  it('a deleted channel (404 on fetch) disables the subscription as an unknown channel', async () => {
    const channel = p.fake.addChannel('digest-deleted', { hidden: true });
    const sub = await subscribe(channel);
    p.fake.deleteChannel(channel);
    expect(await run(sub.id)).toMatchObject({ outcome: 'disabled' });
    expect(p.fake.requestsTo('GET', `/channels/${channel}`).map((r) => r.status)).toEqual([404]);
    expect(posts(channel)).toHaveLength(0);
    const stored = await p.store.subscription(sub.id);
    expect(stored?.state).toBe('disabled');
    expect(stored?.disabledReason).toMatch(/unknown channel.*404/);
  });
});
