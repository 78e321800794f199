import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedStore, NewFeed } from '../../../src/store/feeds.ts';
import { feedBackends, type Database } from './backends.ts';

const T0 = new Date('2026-11-20T08:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const MIN = 60_000;

const feedOf = (url: string, guildId: string | null = 'g1'): NewFeed => ({
  guildId,
  url: `https://news.example/${url}`,
  title: null,
  addedBy: 'u1',
});

const poll = (polledAt: Date, next: Date) => ({
  polledAt,
  nextPollAt: next,
  consecutiveFailures: 0,
  lastError: null,
});

for (const backend of feedBackends) {
  describe.skipIf(backend.skip)(`FeedStore contract — ${backend.label}`, () => {
    let database: Database<FeedStore>;
    let store: FeedStore;
    beforeEach(async () => {
      database = await backend.create();
      store = database.open();
    });
    afterEach(() => database.close());

    it('adds a feed due at once; the same URL again is refused in that server, not in another', async () => {
      const f = await store.addFeed({ ...feedOf('a'), title: 'A' }, T0);
      expect(f).toEqual({
        id: f!.id,
        guildId: 'g1',
        url: 'https://news.example/a',
        title: 'A',
        etag: null,
        lastModified: null,
        nextPollAt: T0.toISOString(),
        lastPolledAt: null,
        consecutiveFailures: 0,
        lastError: null,
        disabledReason: null,
        addedBy: 'u1',
        addedAt: T0.toISOString(),
        items: 0,
      });
      expect(await store.addFeed(feedOf('a'), at(1))).toBeNull();
      expect(await store.addFeed(feedOf('a', 'g2'), at(1))).toMatchObject({ guildId: 'g2' });
      expect(await store.addFeed(feedOf('a', null), at(1))).toMatchObject({ guildId: null });
      expect(await store.addFeed(feedOf('a', null), at(2))).toBeNull();
      expect(await store.feed(f!.id)).toEqual(f);
      expect(await store.feed(9999)).toBeNull();
    });

    it('lists and counts by server (null: the console), active and due ones, soonest first', async () => {
      const a = (await store.addFeed(feedOf('a'), at(3 * MIN)))!;
      const b = (await store.addFeed(feedOf('b'), at(1 * MIN)))!;
      const c = (await store.addFeed(feedOf('c', null), at(2 * MIN)))!;
      const d = (await store.addFeed(feedOf('d'), at(0)))!;
      await store.recordPoll(d.id, { ...poll(at(0), at(MIN)), disabledReason: 'gone' });
      const ids = async (f?: Parameters<FeedStore['feeds']>[0]) => (await store.feeds(f)).map((x) => x.id);
      expect(await ids()).toEqual([b.id, d.id, c.id, a.id]);
      expect(await ids({ guildId: 'g1' })).toEqual([b.id, d.id, a.id]);
      expect(await ids({ guildId: null })).toEqual([c.id]);
      expect(await ids({ activeOnly: true })).toEqual([b.id, c.id, a.id]);
      expect(await ids({ dueBy: at(2 * MIN) })).toEqual([b.id, c.id]);
      expect(await store.countFeeds('g1')).toBe(3);
      expect(await store.countFeeds(null)).toBe(1);
      expect(await store.countFeeds('g9')).toBe(0);
      expect(await store.removeFeed(a.id)).toBe(true);
      expect(await store.removeFeed(a.id)).toBe(false);
      expect(await store.countFeeds('g1')).toBe(2);
    });

    it('recordPoll keeps validators it is not given, clears those given as null; a disable sticks', async () => {
      const f = (await store.addFeed(feedOf('a'), T0))!;
      await store.recordPoll(f.id, { ...poll(at(1), at(15 * MIN)), etag: '"v1"', lastModified: 'Mon', title: 'T' });
      expect(await store.feed(f.id)).toMatchObject({
        etag: '"v1"',
        lastModified: 'Mon',
        title: 'T',
        lastPolledAt: at(1).toISOString(),
        nextPollAt: at(15 * MIN).toISOString(),
      });
      await store.recordPoll(f.id, { ...poll(at(2), at(30 * MIN)), consecutiveFailures: 2, lastError: 'HTTP 500' });
      expect(await store.feed(f.id)).toMatchObject({
        etag: '"v1"',
        lastModified: 'Mon',
        title: 'T',
        consecutiveFailures: 2,
        lastError: 'HTTP 500',
        disabledReason: null,
      });
      await store.recordPoll(f.id, { ...poll(at(3), at(45 * MIN)), etag: null, lastModified: null, title: null });
      expect(await store.feed(f.id)).toMatchObject({ etag: null, lastModified: null, title: 'T', lastError: null });
      await store.recordPoll(f.id, { ...poll(at(4), at(60 * MIN)), disabledReason: '5 failed polls' });
      await store.recordPoll(f.id, poll(at(5), at(75 * MIN)));
      expect((await store.feed(f.id))?.disabledReason).toBe('5 failed polls');
    });

    it('an item is seen once per feed; recording it again does nothing; removing the feed forgets them', async () => {
      const f = (await store.addFeed(feedOf('a'), T0))!;
      const g = (await store.addFeed(feedOf('b'), T0))!;
      expect(await store.seenItem(f.id, 'item-1')).toBe(false);
      expect(await store.recordItem(f.id, 'item-1', 'doc-1', T0)).toBe(true);
      expect(await store.seenItem(f.id, 'item-1')).toBe(true);
      expect(await store.recordItem(f.id, 'item-1', 'doc-1', at(1))).toBe(false);
      expect(await store.recordItem(f.id, 'item-2', null, at(1))).toBe(true);
      expect(await store.seenItem(g.id, 'item-1')).toBe(false);
      expect((await store.feed(f.id))?.items).toBe(2);
      expect((await store.feed(g.id))?.items).toBe(0);
      await store.removeFeed(f.id);
      const again = (await store.addFeed(feedOf('a'), T0))!;
      expect(await store.seenItem(again.id, 'item-1')).toBe(false);
    });

    it('claimDueFeeds hands out due active feeds, soonest first, and holds them for the lease', async () => {
      const a = (await store.addFeed(feedOf('a'), at(2)))!;
      const b = (await store.addFeed(feedOf('b'), at(1)))!;
      const c = (await store.addFeed(feedOf('c'), at(3)))!;
      const off = (await store.addFeed(feedOf('off'), at(0)))!;
      await store.recordPoll(off.id, { ...poll(at(0), at(0)), disabledReason: 'gone' });
      const later = (await store.addFeed(feedOf('later'), at(20 * MIN)))!;

      const first = await store.claimDueFeeds(at(MIN), 2, 10 * MIN);
      expect(first.map((f) => f.id).sort()).toEqual([a.id, b.id].sort());
      expect(first.every((f) => f.nextPollAt === at(11 * MIN).toISOString())).toBe(true);
      expect((await store.feed(a.id))?.nextPollAt).toBe(at(11 * MIN).toISOString());
      expect((await store.claimDueFeeds(at(MIN), 5, 10 * MIN)).map((f) => f.id)).toEqual([c.id]);
      expect(await store.claimDueFeeds(at(MIN), 5, 10 * MIN)).toEqual([]);

      // a poll recorded ends the hold; an unrecorded one (the poller died) is handed out again after the lease
      await store.recordPoll(b.id, poll(at(2 * MIN), at(30 * MIN)));
      const retaken = await store.claimDueFeeds(at(11 * MIN), 5, 10 * MIN);
      expect(retaken.map((f) => f.id).sort()).toEqual([a.id, c.id].sort());
      expect((await store.claimDueFeeds(at(20 * MIN), 5, 10 * MIN)).map((f) => f.id)).toEqual([later.id]);
    });

    it('claimDueFeeds over two connections at once: each due feed goes to exactly one caller', async () => {
      const ids: number[] = [];
      for (let i = 0; i < 30; i++) ids.push((await store.addFeed(feedOf(`f${i}`), at(i)))!.id);
      const other = database.open();
      const claims = await Promise.all(
        Array.from({ length: 12 }, (_, i) => (i % 2 ? other : store).claimDueFeeds(at(MIN), 3, 10 * MIN)),
      );
      // a caller may get fewer than it asked for while another holds rows; what is left is still due
      for (let batch; (batch = await other.claimDueFeeds(at(MIN), 3, 10 * MIN)).length;) claims.push(batch);
      const handed = claims.flat().map((f) => f.id);
      expect(handed).toHaveLength(new Set(handed).size);
      expect(handed.sort((x, y) => x - y)).toEqual(ids);
      expect(claims.every((batch) => batch.length <= 3)).toBe(true);
    });
  });
}
