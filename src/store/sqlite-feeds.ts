import type { Db } from './sqlite.ts';

/** A feed a server follows. guildId null: the console's / the shared corpus's feed. */
export interface Feed {
  id: number;
  guildId: string | null;
  url: string;
  title: string | null;
  etag: string | null;
  lastModified: string | null;
  /** ISO time the feed is next due. */
  nextPollAt: string;
  lastPolledAt: string | null;
  consecutiveFailures: number;
  lastError: string | null;
  /** Set once the feed is given up on; a disabled feed is never polled. */
  disabledReason: string | null;
  addedBy: string | null;
  addedAt: string;
  /** How many of its items were seen (ingested or refused). */
  items: number;
}

export interface NewFeed {
  guildId: string | null;
  url: string;
  title: string | null;
  addedBy: string | null;
}

/** What a poll leaves behind: the new validators, when it is next due, the failure count and reasons. */
export interface PollRecord {
  etag?: string | null;
  lastModified?: string | null;
  title?: string | null;
  nextPollAt: Date;
  polledAt: Date;
  consecutiveFailures: number;
  lastError: string | null;
  disabledReason?: string | null;
}

export interface FeedStore {
  /** Adds a feed, due at once; null when the server already follows that URL. */
  addFeed(feed: NewFeed, now: Date): Feed | null;
  feeds(filter?: { guildId?: string | null; dueBy?: Date; activeOnly?: boolean }): Feed[];
  feed(id: number): Feed | null;
  removeFeed(id: number): boolean;
  countFeeds(guildId: string | null): number;
  recordPoll(id: number, poll: PollRecord): void;
  /** Whether the item was already seen; recording it again does nothing. */
  seenItem(feedId: number, itemKey: string): boolean;
  recordItem(feedId: number, itemKey: string, documentKey: string | null, now: Date): boolean;
}

const FEED = `
  SELECT f.id, f.guild_id AS guildId, f.url, f.title, f.etag, f.last_modified AS lastModified,
         f.next_poll_at AS nextPollAt, f.last_polled_at AS lastPolledAt,
         f.consecutive_failures AS consecutiveFailures, f.last_error AS lastError,
         f.disabled_reason AS disabledReason, f.added_by AS addedBy, f.added_at AS addedAt,
         (SELECT count(*) FROM feed_items fi WHERE fi.feed_id = f.id) AS items
  FROM feeds f`;

function listFeeds(db: Db, filter: Parameters<FeedStore['feeds']>[0] = {}): Feed[] {
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

/** Feeds and their seen items in the parley database (migration: the feeds and feed_items tables). */
export function sqliteFeeds(db: Db): FeedStore {
  const byId = db.prepare(`${FEED} WHERE f.id = ?`);
  const feed = (id: number) => (byId.get(id) as Feed | undefined) ?? null;
  const seen = db.prepare('SELECT 1 FROM feed_items WHERE feed_id = ? AND item_key = ?').pluck();
  const record = db.prepare(
    'INSERT OR IGNORE INTO feed_items (feed_id, item_key, document_key, seen_at) VALUES (?, ?, ?, ?)',
  );
  return {
    addFeed(f, now) {
      const info = db
        .prepare(
          `INSERT OR IGNORE INTO feeds (guild_id, url, title, next_poll_at, added_by, added_at)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(f.guildId, f.url, f.title, now.toISOString(), f.addedBy, now.toISOString());
      return info.changes ? feed(Number(info.lastInsertRowid)) : null;
    },
    feeds: (filter) => listFeeds(db, filter),
    feed,
    removeFeed: (id) => db.prepare('DELETE FROM feeds WHERE id = ?').run(id).changes > 0,
    countFeeds: (guildId) =>
      db.prepare('SELECT count(*) FROM feeds WHERE guild_id IS ?').pluck().get(guildId) as number,
    recordPoll: (id, poll) => recordPoll(db, id, poll),
    seenItem: (feedId, itemKey) => seen.get(feedId, itemKey) !== undefined,
    recordItem: (feedId, itemKey, documentKey, now) =>
      record.run(feedId, itemKey, documentKey, now.toISOString()).changes > 0,
  };
}
