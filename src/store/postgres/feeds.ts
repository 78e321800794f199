import type { Feed, FeedFilter, FeedStore, PollRecord } from '../feeds.ts';
import type { Pool } from './pool.ts';
import { iso } from './time.ts';

const COLUMNS = `f.id, f.guild_id, f.url, f.title, f.etag, f.last_modified, f.next_poll_at, f.last_polled_at,
  f.consecutive_failures, f.last_error, f.disabled_reason, f.added_by, f.added_at,
  (SELECT count(*) FROM feed_items fi WHERE fi.feed_id = f.id) AS items`;

interface FeedRow {
  id: number;
  guild_id: string | null;
  url: string;
  title: string | null;
  etag: string | null;
  last_modified: string | null;
  next_poll_at: Date;
  last_polled_at: Date | null;
  consecutive_failures: number;
  last_error: string | null;
  disabled_reason: string | null;
  added_by: string | null;
  added_at: Date;
  items: number;
}

const toFeed = (r: FeedRow): Feed => ({
  id: r.id,
  guildId: r.guild_id,
  url: r.url,
  title: r.title,
  etag: r.etag,
  lastModified: r.last_modified,
  nextPollAt: iso(r.next_poll_at) as string,
  lastPolledAt: iso(r.last_polled_at),
  consecutiveFailures: r.consecutive_failures,
  lastError: r.last_error,
  disabledReason: r.disabled_reason,
  addedBy: r.added_by,
  addedAt: iso(r.added_at) as string,
  items: r.items,
});

async function listFeeds(pool: Pool, filter: FeedFilter = {}): Promise<Feed[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.guildId !== undefined) {
    params.push(filter.guildId);
    where.push(`f.guild_id IS NOT DISTINCT FROM $${params.length}`);
  }
  if (filter.activeOnly || filter.dueBy) where.push('f.disabled_reason IS NULL');
  if (filter.dueBy) {
    params.push(filter.dueBy);
    where.push(`f.next_poll_at <= $${params.length}`);
  }
  const sql = `SELECT ${COLUMNS} FROM feeds f${where.length ? ` WHERE ${where.join(' AND ')}` : ''}
    ORDER BY f.next_poll_at, f.id`;
  return (await pool.query<FeedRow>(sql, params)).rows.map(toFeed);
}

/**
 * One statement: the due rows are locked as they are picked, rows another caller holds are skipped, and the lease
 * is written before the locks are let go, so concurrent callers get disjoint feeds.
 */
async function claimDue(pool: Pool, now: Date, limit: number, leaseMs: number): Promise<Feed[]> {
  const { rows } = await pool.query<FeedRow>(
    `WITH claimed AS (
       UPDATE feeds SET next_poll_at = $3 WHERE id IN (
         SELECT id FROM feeds WHERE disabled_reason IS NULL AND next_poll_at <= $1
         ORDER BY next_poll_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING *)
     SELECT ${COLUMNS} FROM claimed f ORDER BY f.id`,
    [now, limit, new Date(now.getTime() + leaseMs)],
  );
  return rows.map(toFeed);
}

async function recordPoll(pool: Pool, id: number, p: PollRecord): Promise<void> {
  await pool.query(
    `UPDATE feeds SET etag = CASE WHEN $2 THEN $3 ELSE etag END,
       last_modified = CASE WHEN $4 THEN $5 ELSE last_modified END,
       title = coalesce($6, title), next_poll_at = $7, last_polled_at = $8,
       consecutive_failures = $9, last_error = $10, disabled_reason = coalesce($11, disabled_reason)
     WHERE id = $1`,
    [
      id,
      p.etag !== undefined,
      p.etag ?? null,
      p.lastModified !== undefined,
      p.lastModified ?? null,
      p.title ?? null,
      p.nextPollAt,
      p.polledAt,
      p.consecutiveFailures,
      p.lastError,
      p.disabledReason ?? null,
    ],
  );
}

/** Feeds and their seen items in PostgreSQL (migration 2), shared by every process that polls. */
export function pgFeeds(pool: Pool): FeedStore {
  const feed = async (id: number) => {
    const { rows } = await pool.query<FeedRow>(`SELECT ${COLUMNS} FROM feeds f WHERE f.id = $1`, [id]);
    return rows[0] ? toFeed(rows[0]) : null;
  };
  const changed = (r: { rowCount: number | null }) => (r.rowCount ?? 0) > 0;
  return {
    async addFeed(f, now) {
      const { rows } = await pool.query<{ id: number }>(
        `INSERT INTO feeds (guild_id, url, title, next_poll_at, added_by, added_at) VALUES ($1, $2, $3, $4, $5, $4)
         ON CONFLICT DO NOTHING RETURNING id`,
        [f.guildId, f.url, f.title, now, f.addedBy],
      );
      return rows[0] ? feed(rows[0].id) : null;
    },
    feeds: (filter) => listFeeds(pool, filter),
    feed,
    removeFeed: async (id) => changed(await pool.query('DELETE FROM feeds WHERE id = $1', [id])),
    countFeeds: async (guildId) =>
      (
        await pool.query<{ n: number }>('SELECT count(*) AS n FROM feeds WHERE guild_id IS NOT DISTINCT FROM $1', [
          guildId,
        ])
      ).rows[0].n,
    claimDueFeeds: (now, limit, leaseMs) => claimDue(pool, now, limit, leaseMs),
    recordPoll: (id, poll) => recordPoll(pool, id, poll),
    seenItem: async (feedId, itemKey) =>
      changed(await pool.query('SELECT 1 FROM feed_items WHERE feed_id = $1 AND item_key = $2', [feedId, itemKey])),
    recordItem: async (feedId, itemKey, documentKey, now) =>
      changed(
        await pool.query(
          `INSERT INTO feed_items (feed_id, item_key, document_key, seen_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT DO NOTHING`,
          [feedId, itemKey, documentKey, now],
        ),
      ),
  };
}
