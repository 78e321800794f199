import type { Feed, FeedFilter, FeedStore, PollRecord } from './feeds.ts';
import type { Db } from './sqlite.ts';

const FEED = `
  SELECT f.id, f.guild_id AS guildId, f.url, f.title, f.etag, f.last_modified AS lastModified,
         f.next_poll_at AS nextPollAt, f.last_polled_at AS lastPolledAt,
         f.consecutive_failures AS consecutiveFailures, f.last_error AS lastError,
         f.disabled_reason AS disabledReason, f.added_by AS addedBy, f.added_at AS addedAt,
         (SELECT count(*) FROM feed_items fi WHERE fi.feed_id = f.id) AS items
  FROM feeds f`;

function listFeeds(db: Db, filter: FeedFilter = {}): Feed[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.guildId !== undefined) {
    where.push('f.guild_id IS ?');
    params.push(filter.guildId);
  }
  if (filter.activeOnly || filter.dueBy) where.push('f.disabled_reason IS NULL');
  if (filter.dueBy) {
    where.push('f.next_poll_at <= ?');
    params.push(filter.dueBy.toISOString());
  }
  const sql = `${FEED}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY f.next_poll_at, f.id`;
  return db.prepare(sql).all(...params) as Feed[];
}

function recordPoll(db: Db, id: number, p: PollRecord): void {
  db.prepare(
    `UPDATE feeds SET etag = CASE WHEN @setEtag THEN @etag ELSE etag END,
       last_modified = CASE WHEN @setModified THEN @lastModified ELSE last_modified END,
       title = coalesce(@title, title), next_poll_at = @nextPollAt, last_polled_at = @polledAt,
       consecutive_failures = @failures, last_error = @lastError,
       disabled_reason = coalesce(@disabledReason, disabled_reason)
     WHERE id = @id`,
  ).run({
    id,
    setEtag: p.etag !== undefined ? 1 : 0,
    etag: p.etag ?? null,
    setModified: p.lastModified !== undefined ? 1 : 0,
    lastModified: p.lastModified ?? null,
    title: p.title ?? null,
    nextPollAt: p.nextPollAt.toISOString(),
    polledAt: p.polledAt.toISOString(),
    failures: p.consecutiveFailures,
    lastError: p.lastError,
    disabledReason: p.disabledReason ?? null,
  });
}

/** Due feeds, each pushed a lease ahead, in one write transaction: two processes never get the same feed. */
function claimDue(db: Db, now: Date, limit: number, leaseMs: number): Feed[] {
  return db
    .transaction(() => {
      const ids = db
        .prepare(
          `SELECT id FROM feeds WHERE disabled_reason IS NULL AND next_poll_at <= ? ORDER BY next_poll_at, id LIMIT ?`,
        )
        .pluck()
        .all(now.toISOString(), limit) as number[];
      if (!ids.length) return [];
      const marks = ids.map(() => '?').join(', ');
      const until = new Date(now.getTime() + leaseMs).toISOString();
      db.prepare(`UPDATE feeds SET next_poll_at = ? WHERE id IN (${marks})`).run(until, ...ids);
      return db.prepare(`${FEED} WHERE f.id IN (${marks}) ORDER BY f.id`).all(...ids) as Feed[];
    })
    .immediate();
}

/** Feeds and their seen items in the parley database (migration: the feeds and feed_items tables). */
export function sqliteFeeds(db: Db): FeedStore {
  const byId = db.prepare(`${FEED} WHERE f.id = ?`);
  const feed = (id: number) => (byId.get(id) as Feed | undefined) ?? null;
  const seen = db.prepare('SELECT 1 FROM feed_items WHERE feed_id = ? AND item_key = ?').pluck();
  const record = db.prepare(
    'INSERT OR IGNORE INTO feed_items (feed_id, item_key, document_key, seen_at) VALUES (?, ?, ?, ?)',
  );
  return {
    async addFeed(f, now) {
      const info = db
        .prepare(
          `INSERT OR IGNORE INTO feeds (guild_id, url, title, next_poll_at, added_by, added_at)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(f.guildId, f.url, f.title, now.toISOString(), f.addedBy, now.toISOString());
      return info.changes ? feed(Number(info.lastInsertRowid)) : null;
    },
    feeds: async (filter) => listFeeds(db, filter),
    feed: async (id) => feed(id),
    removeFeed: async (id) => db.prepare('DELETE FROM feeds WHERE id = ?').run(id).changes > 0,
    countFeeds: async (guildId) =>
      db.prepare('SELECT count(*) FROM feeds WHERE guild_id IS ?').pluck().get(guildId) as number,
    claimDueFeeds: async (now, limit, leaseMs) => claimDue(db, now, limit, leaseMs),
    recordPoll: async (id, poll) => recordPoll(db, id, poll),
    seenItem: async (feedId, itemKey) => seen.get(feedId, itemKey) !== undefined,
    recordItem: async (feedId, itemKey, documentKey, now) =>
      record.run(feedId, itemKey, documentKey, now.toISOString()).changes > 0,
  };
}
