import type { SlotRow, Subscription, SubscriptionStore } from '../store.ts';
import { inTransaction, type Pool } from './pool.ts';
import { iso } from './time.ts';

// Slots are ordered as SQLite orders text (bytewise), not by the database's collation.
const SUBSCRIPTION = `
  SELECT sb.id, sb.guild_id, sb.channel_id, sb.schedule, sb.timezone, sb.post_when_empty, sb.state,
         sb.disabled_reason, sb.created_by, sb.created_at, sb.last_document_id, sb.last_posted_at,
         (SELECT json_build_object('slot', slot, 'state', state, 'reason', reason) FROM digest_slots ds
            WHERE ds.subscription_id = sb.id ORDER BY slot COLLATE "C" DESC LIMIT 1) AS last_slot
  FROM subscriptions sb`;

interface SubscriptionRow {
  id: number;
  guild_id: string | null;
  channel_id: string;
  schedule: string;
  timezone: string;
  post_when_empty: boolean;
  state: Subscription['state'];
  disabled_reason: string | null;
  created_by: string | null;
  created_at: Date;
  last_document_id: number | null;
  last_posted_at: Date | null;
  last_slot: Subscription['lastSlot'];
}

const toSubscription = (r: SubscriptionRow): Subscription => ({
  id: r.id,
  guildId: r.guild_id,
  channelId: r.channel_id,
  schedule: r.schedule,
  timezone: r.timezone,
  postWhenEmpty: r.post_when_empty,
  state: r.state,
  disabledReason: r.disabled_reason,
  createdBy: r.created_by,
  createdAt: iso(r.created_at) as string,
  lastDocumentId: r.last_document_id,
  lastPostedAt: iso(r.last_posted_at),
  lastSlot: r.last_slot,
});

const SLOT = `SELECT slot, state, attempts, reason, message_id, claimed_at FROM digest_slots`;

interface SlotDbRow {
  slot: string;
  state: SlotRow['state'];
  attempts: number;
  reason: string | null;
  message_id: string | null;
  claimed_at: Date | null;
}

const toSlot = (r: SlotDbRow): SlotRow => ({
  slot: r.slot,
  state: r.state,
  attempts: r.attempts,
  reason: r.reason,
  messageId: r.message_id,
  claimedAt: iso(r.claimed_at),
});

function subscriptionPart(
  pool: Pool,
): Pick<SubscriptionStore, 'subscribe' | 'unsubscribe' | 'subscriptions' | 'subscription' | 'disable'> {
  const get = async (id: number) => {
    const { rows } = await pool.query<SubscriptionRow>(`${SUBSCRIPTION} WHERE sb.id = $1`, [id]);
    return rows[0] ? toSubscription(rows[0]) : null;
  };
  return {
    async subscribe(s, now) {
      const { rows } = await pool.query<{ id: number }>(
        `INSERT INTO subscriptions (guild_id, channel_id, schedule, timezone, post_when_empty, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (channel_id) DO UPDATE SET schedule = excluded.schedule, timezone = excluded.timezone,
           post_when_empty = excluded.post_when_empty, state = 'active', disabled_reason = NULL
         RETURNING id`,
        [s.guildId, s.channelId, s.schedule, s.timezone, s.postWhenEmpty, s.createdBy, now],
      );
      return (await get(rows[0].id)) as Subscription;
    },

    async unsubscribe(channelId) {
      return ((await pool.query('DELETE FROM subscriptions WHERE channel_id = $1', [channelId])).rowCount ?? 0) > 0;
    },

    async subscriptions(filter = {}) {
      const where: string[] = [];
      const params: unknown[] = [];
      if (filter.guildId !== undefined) {
        params.push(filter.guildId);
        where.push(`sb.guild_id IS NOT DISTINCT FROM $${params.length}`);
      }
      if (filter.activeOnly) where.push("sb.state = 'active'");
      const sql = `${SUBSCRIPTION}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY sb.id`;
      return (await pool.query<SubscriptionRow>(sql, params)).rows.map(toSubscription);
    },

    subscription: get,

    async disable(id, reason) {
      await pool.query("UPDATE subscriptions SET state = 'disabled', disabled_reason = $1 WHERE id = $2", [reason, id]);
    },
  };
}

function slotPart(pool: Pool): Pick<SubscriptionStore, 'claimSlot' | 'slot' | 'slots' | 'finishSlot'> {
  return {
    async claimSlot(id, slot, now, reclaimAfterMs) {
      const inserted = await pool.query(
        `INSERT INTO digest_slots (subscription_id, slot, state, attempts, recorded_at, claimed_at)
         VALUES ($1, $2, 'pending', 1, $3, $3) ON CONFLICT DO NOTHING`,
        [id, slot, now],
      );
      if (inserted.rowCount) return true;
      if (reclaimAfterMs === undefined) return false;
      // Two callers racing: the second waits on the row lock, then finds the claim fresh and updates nothing.
      const reclaimed = await pool.query(
        `UPDATE digest_slots SET attempts = attempts + 1, claimed_at = $3
         WHERE subscription_id = $1 AND slot = $2 AND state = 'pending' AND coalesce(claimed_at, recorded_at) <= $4`,
        [id, slot, now, new Date(now.getTime() - reclaimAfterMs)],
      );
      return (reclaimed.rowCount ?? 0) > 0;
    },

    async slot(id, slot) {
      const { rows } = await pool.query<SlotDbRow>(`${SLOT} WHERE subscription_id = $1 AND slot = $2`, [id, slot]);
      return rows[0] ? toSlot(rows[0]) : null;
    },

    async slots(id, filter = {}) {
      const { rows } = await pool.query<SlotDbRow>(
        `${SLOT} WHERE subscription_id = $1 AND ($2::text IS NULL OR state = $2) ORDER BY slot COLLATE "C"`,
        [id, filter.state ?? null],
      );
      return rows.map(toSlot);
    },

    async finishSlot(id, slot, state, now, detail = {}) {
      await inTransaction(pool, async (c) => {
        await c.query(
          `UPDATE digest_slots SET state = $1, reason = $2, message_id = $3, finished_at = $4
           WHERE subscription_id = $5 AND slot = $6`,
          [state, detail.reason ?? null, detail.messageId ?? null, now, id, slot],
        );
        if (state === 'sent' || state === 'skipped') {
          await c.query(
            `UPDATE subscriptions SET last_document_id = coalesce($1, last_document_id),
             last_posted_at = CASE WHEN $2 THEN $3 ELSE last_posted_at END WHERE id = $4`,
            [detail.upTo ?? null, state === 'sent', now, id],
          );
        }
      });
    },
  };
}

/** Subscriptions and their slots in PostgreSQL (migration 2), shared by every process over the database. */
export function pgSubscriptions(pool: Pool): SubscriptionStore {
  return { ...subscriptionPart(pool), ...slotPart(pool) };
}
