import fs from 'node:fs';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Answer } from '../../src/briefing/answer.ts';
import { parseDocument } from '../../src/documents/document.ts';
import { latestSlot } from '../../src/digest/schedule.ts';
import { DeliveryError, DigestScheduler, type Deliver } from '../../src/digest/scheduler.ts';
import { ingestDocument } from '../../src/ingest/ingest.ts';
import { openSqliteStore } from '../../src/store/index.ts';
import { SEED, tempStore } from '../helpers.ts';

const log = pino({ level: 'silent' });
const schedulers: DigestScheduler[] = [];
afterEach(() => schedulers.splice(0).forEach((s) => s.stop()));

function setup(opts: { deliver?: Deliver; now?: Date; file?: string } = {}) {
  const { store, file } = opts.file ? { store: openSqliteStore(opts.file), file: opts.file } : tempStore();
  const clock = { now: opts.now ?? new Date('2026-11-20T09:00:00Z') };
  const sent: { channel: string; answer: Answer; nonce: string }[] = [];
  const deliver = vi.fn<Deliver>(
    opts.deliver ??
      (async (sub, answer, nonce) => {
        sent.push({ channel: sub.channelId, answer, nonce });
        return { messageId: String(sent.length) };
      }),
  );
  const sleep = vi.fn(async (_ms: number) => {});
  const scheduler = new DigestScheduler({ store, deliver, log, now: () => clock.now, sleep, backoffMs: 10 });
  schedulers.push(scheduler);
  return { store, file, clock, sent, deliver, sleep, scheduler };
}

const subscription = {
  guildId: 'g1',
  channelId: '123456789012345678',
  schedule: '0 8 * * *',
  timezone: 'UTC',
  postWhenEmpty: false,
  createdBy: 'u1',
};
const seed = () => parseDocument('seed.txt', fs.readFileSync(SEED));
const second = () =>
  parseDocument(
    'second.md',
    Buffer.from(
      '---\ntitle: Talks resume\nsource: Wire\n---\nForeign Minister Elena Marchetti of Italy arrived in Rome ' +
        'on Monday. "We want a fair deal," Marchetti said.',
    ),
  );

describe('digest content', () => {
  it('the first digest is the story so far, then only what is new, and nothing new is skipped', async () => {
    const { store, scheduler, sent, clock } = setup();
    await ingestDocument(store, seed());
    const sub = await store.subscribe(subscription, clock.now);
    expect(await scheduler.runSlot(sub.id, '2026-11-20T08:00:00.000Z')).toBe('sent');
    expect(sent[0].answer.title).toMatch(/story so far/);
    expect(sent[0].answer.citations.length).toBeGreaterThan(0);

    expect(await scheduler.runSlot(sub.id, '2026-11-21T08:00:00.000Z')).toBe('skipped');
    expect(sent).toHaveLength(1);

    await ingestDocument(store, second());
    expect(await scheduler.runSlot(sub.id, '2026-11-22T08:00:00.000Z')).toBe('sent');
    const text = JSON.stringify(sent[1].answer);
    expect(sent[1].answer.title).toMatch(/new since/);
    expect(text).toContain('Talks resume');
    expect(text).not.toContain('Rubio');
  });

  it('a proposal whose status changes is news', async () => {
    const { store, scheduler, sent, clock } = setup();
    await ingestDocument(
      store,
      parseDocument(
        'a.txt',
        Buffer.from(
          'Norway presented a draft 20-point peace plan in Oslo on Monday. Foreign Minister Espen Barth Eide said ' +
            'the plan was a starting point.',
        ),
      ),
    );
    const sub = await store.subscribe(subscription, clock.now);
    await scheduler.runSlot(sub.id, 'first');
    await ingestDocument(
      store,
      parseDocument(
        'b.txt',
        Buffer.from(
          'Russia rejected the 20-point peace plan on Tuesday. Foreign Minister Sergei Lavrov said the plan was ' +
            'unacceptable.',
        ),
      ),
    );
    expect(await scheduler.runSlot(sub.id, 'second')).toBe('sent');
    const proposals = sent[1].answer.sections.find((s) => s.heading === 'Proposals');
    expect(proposals?.items[0].text).toMatch(/status changed: draft → .*rejected/);
    expect((await store.proposalNames()).filter((p) => /20-point/.test(p.name))).toHaveLength(1);
  });

  it('a subscription that asks for it gets a one-line "no new developments"', async () => {
    const { store, scheduler, sent, clock } = setup();
    await ingestDocument(store, seed());
    const sub = await store.subscribe({ ...subscription, postWhenEmpty: true }, clock.now);
    await scheduler.runSlot(sub.id, 'a');
    expect(await scheduler.runSlot(sub.id, 'b')).toBe('sent');
    expect(sent[1].answer.description).toMatch(/No new developments since/);
  });
});

describe('exactly once', () => {
  it('the same slot is posted once however often it runs', async () => {
    const { store, scheduler, deliver, clock } = setup();
    await ingestDocument(store, seed());
    const sub = await store.subscribe(subscription, clock.now);
    const results = await Promise.all([scheduler.runSlot(sub.id, 's'), scheduler.runSlot(sub.id, 's')]);
    expect(results.sort()).toEqual(['duplicate', 'sent']);
    expect(await scheduler.runSlot(sub.id, 's')).toBe('duplicate');
    expect(deliver).toHaveBeenCalledTimes(1);
  });

  it(
    'restart: a slot missed while down is posted once on start, never once per missed slot, and not again ' +
      'after another restart',
    async () => {
      const first = setup({ now: new Date('2026-11-20T13:30:00Z') });
      await ingestDocument(first.store, seed());
      const sub = await first.store.subscribe(
        { ...subscription, schedule: '0 * * * *' },
        new Date('2026-11-20T08:30:00Z'),
      );
      // The bot was down from 08:30 to 13:30: five hourly slots passed.
      await first.scheduler.start();
      expect(first.deliver).toHaveBeenCalledTimes(1);
      expect((await first.store.slots(sub.id)).map((s) => [s.slot, s.state])).toEqual([
        ['2026-11-20T13:00:00.000Z', 'sent'],
      ]);
      first.scheduler.stop();
      await first.store.close();

      const again = setup({ file: first.file, now: new Date('2026-11-20T13:40:00Z') });
      await again.scheduler.start();
      expect(again.deliver).not.toHaveBeenCalled();
      expect(await again.store.slots(sub.id)).toHaveLength(1);
    },
  );

  it('a crash between recording and sending: sent on restart inside the window, given up outside it', async () => {
    const { store, file } = tempStore();
    await ingestDocument(store, seed());
    const sub = await store.subscribe(subscription, new Date('2026-11-20T07:00:00Z'));
    expect(await store.claimSlot(sub.id, '2026-11-20T08:00:00.000Z', new Date('2026-11-20T08:00:00Z'))).toBe(true);
    await store.close(); // crashed before sending

    const inside = setup({ file, now: new Date('2026-11-20T10:00:00Z') });
    await inside.scheduler.catchUp();
    expect(inside.deliver).toHaveBeenCalledTimes(1);
    expect((await inside.store.slot(sub.id, '2026-11-20T08:00:00.000Z'))?.state).toBe('sent');

    await inside.store.claimSlot(sub.id, '2026-11-21T08:00:00.000Z', new Date('2026-11-21T08:00:00Z'));
    await inside.store.close();
    const outside = setup({ file, now: new Date('2026-11-21T15:00:00Z') });
    await outside.scheduler.catchUp();
    expect(outside.deliver).not.toHaveBeenCalled();
    const row = await outside.store.slot(sub.id, '2026-11-21T08:00:00.000Z');
    expect(row?.state).toBe('failed');
    expect(row?.reason).toMatch(/catch-up window/);
  });
});

describe('several processes', () => {
  const SLOT = '2026-11-20T08:00:00.000Z';

  it('a slot another process is sending is left alone until its lease runs out, then posted once', async () => {
    const { store, file } = tempStore();
    await ingestDocument(store, seed());
    const sub = await store.subscribe(subscription, new Date('2026-11-20T07:00:00Z'));
    // another process claimed the slot at 08:00 and is still sending it
    expect(await store.claimSlot(sub.id, SLOT, new Date('2026-11-20T08:00:00Z'))).toBe(true);

    const other = setup({ file, now: new Date('2026-11-20T08:05:00Z') });
    await other.scheduler.catchUp();
    await other.scheduler.retryAbandoned();
    expect(other.deliver).not.toHaveBeenCalled();
    expect(await other.store.slot(sub.id, SLOT)).toMatchObject({ state: 'pending', attempts: 1 });

    other.clock.now = new Date('2026-11-20T08:10:00Z'); // the 10-minute lease is over: that process died
    await Promise.all([other.scheduler.retryAbandoned(), other.scheduler.retryAbandoned()]);
    await other.scheduler.retryAbandoned();
    expect(other.deliver).toHaveBeenCalledTimes(1);
    expect(await other.store.slot(sub.id, SLOT)).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('an abandoned slot past the catch-up window is given up, not posted', async () => {
    const { store, file } = tempStore();
    const sub = await store.subscribe(subscription, new Date('2026-11-20T07:00:00Z'));
    await store.claimSlot(sub.id, SLOT, new Date('2026-11-20T08:00:00Z'));
    const other = setup({ file, now: new Date('2026-11-20T15:00:00Z') });
    await other.scheduler.retryAbandoned();
    expect(other.deliver).not.toHaveBeenCalled();
    expect(await other.store.slot(sub.id, SLOT)).toMatchObject({ state: 'failed', reason: /catch-up window/ });
  });

  it('stops retrying once a retry would run past half the lease, so no other process posts it meanwhile', async () => {
    const { store, scheduler, deliver, clock } = setup({
      deliver: async () => Promise.reject(new DeliveryError('rate limited', 429, 6 * 60_000)),
    });
    await ingestDocument(store, seed());
    const sub = await store.subscribe(subscription, clock.now);
    expect(await scheduler.runSlot(sub.id, 'x')).toBe('failed');
    expect(deliver).toHaveBeenCalledTimes(1);
    expect((await store.slot(sub.id, 'x'))?.reason).toMatch(/HTTP 429.*after 1 attempt; out of time/);
  });
});

describe('delivery failures', () => {
  it('403 disables the subscription with the reason stored', async () => {
    const onDisabled = vi.fn();
    const { store, scheduler, clock } = setup({
      deliver: async () => {
        throw new DeliveryError('Missing Access', 403);
      },
    });
    (scheduler as unknown as { o: { onDisabled: unknown } }).o.onDisabled = onDisabled;
    await ingestDocument(store, seed());
    const sub = await store.subscribe(subscription, clock.now);
    expect(await scheduler.runSlot(sub.id, 'x')).toBe('disabled');
    const after = await store.subscription(sub.id);
    expect(after?.state).toBe('disabled');
    expect(after?.disabledReason).toMatch(/missing access/);
    expect(after?.lastSlot).toMatchObject({ state: 'failed' });
    expect(onDisabled).toHaveBeenCalledOnce();
    expect(await scheduler.runSlot(sub.id, 'y')).toBe('failed');
  });

  it('404 (unknown channel) disables too', async () => {
    const { store, scheduler, clock } = setup({
      deliver: async () => Promise.reject(new DeliveryError('Unknown Channel', 404)),
    });
    await ingestDocument(store, seed());
    const sub = await store.subscribe(subscription, clock.now);
    expect(await scheduler.runSlot(sub.id, 'x')).toBe('disabled');
    expect((await store.subscription(sub.id))?.disabledReason).toMatch(/unknown channel/);
  });

  it('429 then success: posted once, after waiting retry_after', async () => {
    let calls = 0;
    const { store, scheduler, sleep, clock } = setup({
      deliver: async () => {
        calls++;
        if (calls === 1) throw new DeliveryError('rate limited', 429, 1500);
        return { messageId: 'm1' };
      },
    });
    await ingestDocument(store, seed());
    const sub = await store.subscribe(subscription, clock.now);
    expect(await scheduler.runSlot(sub.id, 'x')).toBe('sent');
    expect(calls).toBe(2);
    expect(sleep).toHaveBeenCalledWith(1500);
    expect(await store.slot(sub.id, 'x')).toMatchObject({ state: 'sent', messageId: 'm1' });
  });

  it('5xx every time: a bounded number of attempts, then the slot is failed with its reason', async () => {
    const { store, scheduler, deliver, sleep, clock } = setup({
      deliver: async () => Promise.reject(new DeliveryError('Bad Gateway', 502)),
    });
    await ingestDocument(store, seed());
    const sub = await store.subscribe(subscription, clock.now);
    expect(await scheduler.runSlot(sub.id, 'x')).toBe('failed');
    expect(deliver).toHaveBeenCalledTimes(4);
    expect(sleep.mock.calls.map((c) => c[0])).toEqual([10, 20, 40]);
    expect((await store.slot(sub.id, 'x'))?.reason).toMatch(/HTTP 502.*after 4 attempts/);
    expect((await store.subscription(sub.id))?.state).toBe('active');
  });
});

describe('schedules', () => {
  it('follows daylight saving in the subscription time zone', () => {
    const expr = '0 8 * * *';
    // New York leaves daylight saving on 1 Nov 2026: 08:00 local is 12:00 UTC before, 13:00 UTC after.
    expect(latestSlot(expr, 'America/New_York', new Date('2026-10-31T14:00:00Z'), 6 * 3600_000)?.toISOString()).toBe(
      '2026-10-31T12:00:00.000Z',
    );
    expect(latestSlot(expr, 'America/New_York', new Date('2026-11-02T14:00:00Z'), 6 * 3600_000)?.toISOString()).toBe(
      '2026-11-02T13:00:00.000Z',
    );
    expect(latestSlot(expr, 'America/New_York', new Date('2026-11-02T12:30:00Z'), 3600_000)).toBeNull();
  });

  it('a real node-cron schedule fires and posts', async () => {
    const { store, scheduler, sent } = setup({ now: undefined });
    (scheduler as unknown as { now: () => Date }).now = () => new Date();
    await ingestDocument(store, seed());
    await store.subscribe({ ...subscription, schedule: '* * * * * *' }, new Date());
    await scheduler.start();
    await vi.waitFor(() => expect(sent.length).toBeGreaterThanOrEqual(1), { timeout: 5000, interval: 100 });
    scheduler.stop();
    const subs = await store.subscriptions();
    expect(subs[0].lastSlot?.state).toMatch(/sent|skipped/);
  });
});
