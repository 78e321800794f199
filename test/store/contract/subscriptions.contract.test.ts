import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewSubscription, SubscriptionStore } from '../../../src/store/store.ts';
import { subscriptionBackends, type Database } from './backends.ts';

const T0 = new Date('2026-11-20T08:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const LEASE = 60_000;

const sub = (over: Partial<NewSubscription> = {}): NewSubscription => ({
  guildId: 'g1',
  channelId: 'c1',
  schedule: '0 8 * * *',
  timezone: 'UTC',
  postWhenEmpty: false,
  createdBy: 'u1',
  ...over,
});

for (const backend of subscriptionBackends) {
  describe.skipIf(backend.skip)(`SubscriptionStore contract — ${backend.label}`, () => {
    let database: Database<SubscriptionStore>;
    let store: SubscriptionStore;
    beforeEach(async () => {
      database = await backend.create();
      store = database.open();
    });
    afterEach(() => database.close());

    describe('subscriptions', () => {
      it('subscribe adds one per channel; again updates it in place and re-activates it', async () => {
        const first = await store.subscribe(sub(), T0);
        expect(first).toEqual({
          ...sub(),
          id: first.id,
          state: 'active',
          disabledReason: null,
          createdAt: T0.toISOString(),
          lastDocumentId: null,
          lastPostedAt: null,
          lastSlot: null,
        });
        await store.disable(first.id, 'missing access');
        const disabled = await store.subscription(first.id);
        expect(disabled).toMatchObject({ state: 'disabled', disabledReason: 'missing access' });

        const again = await store.subscribe(
          sub({ schedule: '0 * * * *', timezone: 'Europe/Oslo', createdBy: 'u2' }),
          at(5),
        );
        expect(again).toMatchObject({
          id: first.id,
          schedule: '0 * * * *',
          timezone: 'Europe/Oslo',
          state: 'active',
          disabledReason: null,
          createdBy: 'u1',
          createdAt: T0.toISOString(),
        });
        expect(await store.subscriptions()).toHaveLength(1);
      });

      it('lists by guild (a console subscription has none), active only on request, in id order', async () => {
        const a = await store.subscribe(sub({ channelId: 'a' }), T0);
        const b = await store.subscribe(sub({ channelId: 'b', guildId: 'g2' }), T0);
        const c = await store.subscribe(sub({ channelId: 'c', guildId: null, postWhenEmpty: true }), T0);
        const d = await store.subscribe(sub({ channelId: 'd' }), T0);
        await store.disable(d.id, 'gone');
        const ids = async (f?: Parameters<SubscriptionStore['subscriptions']>[0]) =>
          (await store.subscriptions(f)).map((s) => s.id);
        expect(await ids()).toEqual([a.id, b.id, c.id, d.id]);
        expect(await ids({ guildId: 'g1' })).toEqual([a.id, d.id]);
        expect(await ids({ guildId: 'g1', activeOnly: true })).toEqual([a.id]);
        expect(await ids({ guildId: null })).toEqual([c.id]);
        expect(await ids({ activeOnly: true })).toEqual([a.id, b.id, c.id]);
        expect((await store.subscription(c.id))?.postWhenEmpty).toBe(true);
        expect(await store.subscription(9999)).toBeNull();
      });

      it('unsubscribe removes the channel and its slots; a second time there is nothing to remove', async () => {
        const s = await store.subscribe(sub(), T0);
        await store.claimSlot(s.id, 'x', T0);
        expect(await store.unsubscribe('c1')).toBe(true);
        expect(await store.unsubscribe('c1')).toBe(false);
        expect(await store.subscription(s.id)).toBeNull();
        expect(await store.slots(s.id)).toEqual([]);
        expect(await store.subscribe(sub(), T0)).toMatchObject({ lastSlot: null, lastDocumentId: null });
      });
    });

    describe('slots', () => {
      it('a slot is claimed once: every other claim, even at the same moment, is refused', async () => {
        const s = await store.subscribe(sub(), T0);
        const other = database.open();
        const claims = await Promise.all([
          ...Array.from({ length: 4 }, () => store.claimSlot(s.id, 's1', T0)),
          ...Array.from({ length: 4 }, () => other.claimSlot(s.id, 's1', T0)),
        ]);
        expect(claims.filter(Boolean)).toHaveLength(1);
        expect(await store.slot(s.id, 's1')).toEqual({
          slot: 's1',
          state: 'pending',
          attempts: 1,
          reason: null,
          messageId: null,
          claimedAt: T0.toISOString(),
        });
        expect(await store.claimSlot(s.id, 's1', at(10 * LEASE))).toBe(false);
        expect(await store.slot(s.id, 'other')).toBeNull();
      });

      it('a pending claim is taken over only once its lease ran out, by one caller, counting the attempt', async () => {
        const s = await store.subscribe(sub(), T0);
        const other = database.open();
        expect(await store.claimSlot(s.id, 's1', T0, LEASE)).toBe(true);
        expect(await other.claimSlot(s.id, 's1', at(LEASE - 1), LEASE)).toBe(false);
        const racing = await Promise.all([
          store.claimSlot(s.id, 's1', at(LEASE), LEASE),
          other.claimSlot(s.id, 's1', at(LEASE), LEASE),
          other.claimSlot(s.id, 's1', at(LEASE), LEASE),
        ]);
        expect(racing.filter(Boolean)).toHaveLength(1);
        expect(await store.slot(s.id, 's1')).toMatchObject({ attempts: 2, claimedAt: at(LEASE).toISOString() });
        // the new claim has a lease of its own
        expect(await other.claimSlot(s.id, 's1', at(2 * LEASE - 1), LEASE)).toBe(false);
        expect(await other.claimSlot(s.id, 's1', at(2 * LEASE), LEASE)).toBe(true);
        expect((await store.slot(s.id, 's1'))?.attempts).toBe(3);

        await store.finishSlot(s.id, 's1', 'sent', at(2 * LEASE + 1), { messageId: 'm1' });
        expect(await other.claimSlot(s.id, 's1', at(100 * LEASE), 0)).toBe(false);
        expect(await store.slot(s.id, 's1')).toMatchObject({ state: 'sent', attempts: 3, messageId: 'm1' });
      });

      it('finishSlot moves "news since" for sent and skipped slots only; lastPostedAt only when sent', async () => {
        const s = await store.subscribe(sub(), T0);
        await store.claimSlot(s.id, 'a', T0);
        await store.finishSlot(s.id, 'a', 'failed', at(1), { reason: 'HTTP 502', upTo: 7 });
        let now = await store.subscription(s.id);
        expect(now).toMatchObject({ lastDocumentId: null, lastPostedAt: null });
        expect(now?.lastSlot).toEqual({ slot: 'a', state: 'failed', reason: 'HTTP 502' });

        await store.claimSlot(s.id, 'b', T0);
        await store.finishSlot(s.id, 'b', 'skipped', at(2), { reason: 'nothing new', upTo: 3 });
        now = await store.subscription(s.id);
        expect(now).toMatchObject({ lastDocumentId: 3, lastPostedAt: null });
        expect(now?.lastSlot).toEqual({ slot: 'b', state: 'skipped', reason: 'nothing new' });

        await store.claimSlot(s.id, 'c', T0);
        await store.finishSlot(s.id, 'c', 'sent', at(3), { messageId: 'm9', upTo: 5 });
        now = await store.subscription(s.id);
        expect(now).toMatchObject({ lastDocumentId: 5, lastPostedAt: at(3).toISOString() });
        expect(now?.lastSlot).toEqual({ slot: 'c', state: 'sent', reason: null });

        await store.claimSlot(s.id, 'd', T0);
        await store.finishSlot(s.id, 'd', 'sent', at(4));
        expect(await store.subscription(s.id)).toMatchObject({ lastDocumentId: 5, lastPostedAt: at(4).toISOString() });
        expect(await store.slot(s.id, 'c')).toMatchObject({ state: 'sent', messageId: 'm9', reason: null });
      });

      it('lists a subscription’s slots in slot order (bytewise), or those in one state', async () => {
        const s = await store.subscribe(sub(), T0);
        const o = await store.subscribe(sub({ channelId: 'c2' }), T0);
        for (const slot of ['now-2026-11-20T09:00:00.000Z', '2026-11-21T08:00:00.000Z', '2026-11-20T08:00:00.000Z'])
          await store.claimSlot(s.id, slot, T0);
        await store.claimSlot(o.id, 'elsewhere', T0);
        await store.finishSlot(s.id, '2026-11-21T08:00:00.000Z', 'sent', at(1));
        expect((await store.slots(s.id)).map((r) => r.slot)).toEqual([
          '2026-11-20T08:00:00.000Z',
          '2026-11-21T08:00:00.000Z',
          'now-2026-11-20T09:00:00.000Z',
        ]);
        expect((await store.slots(s.id, { state: 'pending' })).map((r) => r.slot)).toEqual([
          '2026-11-20T08:00:00.000Z',
          'now-2026-11-20T09:00:00.000Z',
        ]);
        expect((await store.slots(s.id, { state: 'sent' })).map((r) => r.slot)).toEqual(['2026-11-21T08:00:00.000Z']);
        expect((await store.subscription(s.id))?.lastSlot?.slot).toBe('now-2026-11-20T09:00:00.000Z');
      });
    });
  });
}
