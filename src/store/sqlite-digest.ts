import { NEWS_DATES, NEWS_EVENTS } from './read-bounds.ts';
import type { Db } from './sqlite.ts';
import { disputeRows, listEvents } from './sqlite-event-queries.ts';
import { REF, toRef, type CorpusIn, type RefRow } from './sqlite-queries.ts';
import type {
  DigestReads,
  DocumentRow,
  News,
  SlotRow,
  StoreQueries,
  Subscription,
  SubscriptionStore,
} from './store.ts';

const SUBSCRIPTION = `
  SELECT sb.id, sb.guild_id AS guildId, sb.channel_id AS channelId, sb.schedule, sb.timezone,
         sb.post_when_empty AS postWhenEmpty,
         sb.state, sb.disabled_reason AS disabledReason, sb.created_by AS createdBy, sb.created_at AS createdAt,
         sb.last_document_id AS lastDocumentId, sb.last_posted_at AS lastPostedAt,
         (SELECT json_object('slot', slot, 'state', state, 'reason', reason) FROM digest_slots ds
            WHERE ds.subscription_id = sb.id ORDER BY slot DESC LIMIT 1) AS lastSlot
  FROM subscriptions sb`;

type SubscriptionRow = Omit<Subscription, 'postWhenEmpty' | 'lastSlot'> & {
  postWhenEmpty: number;
  lastSlot: string | null;
};
const toSubscription = (r: SubscriptionRow): Subscription => ({
  ...r,
  postWhenEmpty: r.postWhenEmpty === 1,
  lastSlot: r.lastSlot ? JSON.parse(r.lastSlot) : null,
});

/** Subscriptions: one per channel, active or disabled. */
function subscriptionStore(
  db: Db,
): Pick<SubscriptionStore, 'subscribe' | 'unsubscribe' | 'subscriptions' | 'subscription' | 'disable'> {
  const byId = db.prepare(`${SUBSCRIPTION} WHERE sb.id = ?`);
  const get = (id: number) => {
    const r = byId.get(id) as SubscriptionRow | undefined;
    return r ? toSubscription(r) : null;
  };
  return {
    async subscribe(s, now) {
      db.prepare(
        `INSERT INTO subscriptions (guild_id, channel_id, schedule, timezone, post_when_empty, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (channel_id) DO UPDATE SET schedule = excluded.schedule, timezone = excluded.timezone,
           post_when_empty = excluded.post_when_empty, state = 'active', disabled_reason = NULL`,
      ).run(s.guildId, s.channelId, s.schedule, s.timezone, s.postWhenEmpty ? 1 : 0, s.createdBy, now.toISOString());
      const id = db.prepare('SELECT id FROM subscriptions WHERE channel_id = ?').pluck().get(s.channelId) as number;
      return get(id) as Subscription;
    },

    async unsubscribe(channelId) {
      return db.prepare('DELETE FROM subscriptions WHERE channel_id = ?').run(channelId).changes > 0;
    },

    async subscriptions(filter = {}) {
      const where: string[] = [];
      const params: unknown[] = [];
      if (filter.guildId !== undefined) {
        where.push('sb.guild_id IS ?');
        params.push(filter.guildId);
      }
      if (filter.activeOnly) where.push("sb.state = 'active'");
      const sql = `${SUBSCRIPTION}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY sb.id`;
      return (db.prepare(sql).all(...params) as SubscriptionRow[]).map(toSubscription);
    },

    async subscription(id) {
      return get(id);
    },

    async disable(id, reason) {
      db.prepare("UPDATE subscriptions SET state = 'disabled', disabled_reason = ? WHERE id = ?").run(reason, id);
    },
  };
}

const SLOT = `SELECT slot, state, attempts, reason, message_id AS messageId, claimed_at AS claimedAt FROM digest_slots`;

/** Slots: each scheduled run of a subscription, claimed once (or re-claimed once its lease ran out), finished once. */
function slotStore(db: Db): Pick<SubscriptionStore, 'claimSlot' | 'slot' | 'slots' | 'finishSlot'> {
  const slotRow = db.prepare(`${SLOT} WHERE subscription_id = ? AND slot = ?`);
  const insert = db.prepare(
    `INSERT OR IGNORE INTO digest_slots (subscription_id, slot, state, attempts, recorded_at, claimed_at)
     VALUES (?, ?, 'pending', 1, ?, ?)`,
  );
  const reclaim = db.prepare(
    `UPDATE digest_slots SET attempts = attempts + 1, claimed_at = ?
     WHERE subscription_id = ? AND slot = ? AND state = 'pending' AND coalesce(claimed_at, recorded_at) <= ?`,
  );
  return {
    async claimSlot(id, slot, now, reclaimAfterMs) {
      const at = now.toISOString();
      return db
        .transaction(() => {
          if (insert.run(id, slot, at, at).changes) return true;
          if (reclaimAfterMs === undefined) return false;
          return reclaim.run(at, id, slot, new Date(now.getTime() - reclaimAfterMs).toISOString()).changes > 0;
        })
        .immediate();
    },

    async slot(id, slot) {
      return (slotRow.get(id, slot) as SlotRow | undefined) ?? null;
    },

    async slots(id, filter = {}) {
      const state = filter.state ?? null;
      return db
        .prepare(`${SLOT} WHERE subscription_id = ? AND (? IS NULL OR state = ?) ORDER BY slot`)
        .all(id, state, state) as SlotRow[];
    },

    async finishSlot(id, slot, state, now, detail = {}) {
      db.transaction(() => {
        db.prepare(
          `UPDATE digest_slots SET state = ?, reason = ?, message_id = ?, finished_at = ?
           WHERE subscription_id = ? AND slot = ?`,
        ).run(state, detail.reason ?? null, detail.messageId ?? null, now.toISOString(), id, slot);
        if (state === 'sent' || state === 'skipped') {
          db.prepare(
            `UPDATE subscriptions SET last_document_id = coalesce(?, last_document_id),
             last_posted_at = CASE WHEN ? THEN ? ELSE last_posted_at END WHERE id = ?`,
          ).run(detail.upTo ?? null, state === 'sent' ? 1 : 0, now.toISOString(), id);
        }
      })();
    },
  };
}

/** People new to the story, or with a role new since `after`, each cited where first mentioned since. */
function newPeople(db: Db, c: CorpusIn, after: number): News['people'] {
  return (
    db
      .prepare(
        `SELECT e.name, e.affiliation, coalesce(e.first_document_id > ?, 0) AS isNew,
                  (SELECT r.role FROM roles r JOIN sentences rs ON rs.id = r.sentence_id
                  WHERE r.entity_id = e.id AND rs.document_id > ? LIMIT 1) AS role,
                  min(s.id) AS sid
           FROM entities e JOIN mentions m ON m.entity_id = e.id JOIN sentences s ON s.id = m.sentence_id
           WHERE e.kind = 'person' AND e.corpus_id ${c} AND s.document_id > ?
           GROUP BY e.id HAVING isNew OR role IS NOT NULL ORDER BY isNew DESC, count(*) DESC`,
      )
      .all(after, after, after) as {
      name: string;
      affiliation: string | null;
      isNew: number;
      role: string | null;
      sid: number;
    }[]
  ).map((p) => {
    const ref = db
      .prepare(`SELECT ${REF} FROM sentences s JOIN documents d ON d.id = s.document_id WHERE s.id = ?`)
      .get(p.sid) as RefRow;
    return { name: p.name, affiliation: p.affiliation, isNew: p.isNew === 1, role: p.role, ref: toRef(ref) };
  });
}

/** Proposals new since `after`, or whose status changed since. */
function proposalChanges(db: Db, c: CorpusIn, after: number): News['proposals'] {
  const reports = db
    .prepare(
      `SELECT p.id, p.name, r.status, coalesce(p.first_document_id > ?, 0) AS isNew,
                (SELECT r0.status FROM proposal_reports r0 WHERE r0.proposal_id = p.id AND r0.document_id <= ?
                ORDER BY r0.document_id DESC LIMIT 1) AS before
         FROM proposal_reports r JOIN proposals p ON p.id = r.proposal_id
         WHERE r.document_id > ? AND p.corpus_id ${c}
         ORDER BY r.document_id`,
    )
    .all(after, after, after) as {
    id: number;
    name: string;
    status: string | null;
    isNew: number;
    before: string | null;
  }[];
  const evidence = db.prepare(
    `SELECT ${REF} FROM proposal_evidence e JOIN sentences s ON s.id = e.sentence_id
       JOIN documents d ON d.id = s.document_id
       WHERE e.proposal_id = ? AND s.document_id > ? ORDER BY s.document_id, s.idx LIMIT 1`,
  );
  const proposals: News['proposals'] = [];
  const seen = new Set<number>();
  for (const r of reports) {
    if (seen.has(r.id)) continue;
    const changed = !r.isNew && r.status && r.status !== r.before;
    if (!r.isNew && !changed) continue;
    seen.add(r.id);
    const ref = evidence.get(r.id, after) as RefRow | undefined;
    proposals.push({
      name: r.name,
      change: r.isNew ? 'new' : 'status',
      status: r.status,
      before: r.before,
      ref: ref ? toRef(ref) : null,
    });
  }
  return proposals;
}

/** Attributed quotes since `after`, in document order. */
function newQuotes(db: Db, c: CorpusIn, after: number): News['quotes'] {
  return (
    db
      .prepare(
        `SELECT qt.id, coalesce(e.name, qt.speaker_name) AS speaker, qt.speaker_id AS speakerId, qt.text, ${REF}
           FROM quotes qt JOIN sentences s ON s.id = qt.sentence_id JOIN documents d ON d.id = s.document_id
           LEFT JOIN entities e ON e.id = qt.speaker_id
           WHERE s.document_id > ? AND d.corpus_id ${c} AND qt.speaker_id IS NOT NULL ORDER BY s.document_id, s.idx`,
      )
      .all(after) as RefRow[]
  ).map((r) => ({
    id: r.id as number,
    speaker: r.speaker as string | null,
    speakerId: r.speakerId as number | null,
    text: r.text as string,
    ref: toRef(r),
  }));
}

const latestDocument = (db: Db, c: CorpusIn) =>
  (db.prepare(`SELECT coalesce(max(id), 0) FROM documents WHERE corpus_id ${c}`).pluck().get() as number) ?? 0;

/** What is new since a document: what a digest tells. */
export function newsStore(db: Db, c: CorpusIn, queries: Omit<StoreQueries, 'listEvents'>): DigestReads {
  return {
    async latestDocumentId() {
      return latestDocument(db, c);
    },

    async news(after) {
      const latestDocumentId = latestDocument(db, c);
      const documents = db
        .prepare(
          `SELECT d.id, d.key, d.title, d.source, d.url, d.published_at AS publishedAt, d.ingested_at AS ingestedAt,
                  (SELECT count(*) FROM sentences s WHERE s.document_id = d.id) AS sentences
           FROM documents d WHERE d.id > ? AND d.corpus_id ${c} ORDER BY d.id`,
        )
        .all(after) as DocumentRow[];
      if (!documents.length)
        return {
          latestDocumentId,
          documents,
          people: [],
          proposals: [],
          quotes: [],
          dates: [],
          events: [],
          conflicts: [],
        };
      const { rows: dates } = await queries.listDates({ dated: true, limit: NEWS_DATES, afterDocumentId: after });
      const { rows: events } = listEvents(db, c, {
        dated: true,
        limit: NEWS_EVENTS,
        newestFirst: true,
        happened: true,
        afterDocumentId: after,
      });
      return {
        latestDocumentId,
        documents,
        people: newPeople(db, c, after),
        proposals: proposalChanges(db, c, after),
        quotes: newQuotes(db, c, after),
        dates,
        events,
        conflicts: disputeRows(db, c, after),
      };
    },
  };
}

/** Subscriptions and their slots: the same for every reader (a subscription's guild gives its corpus). */
export function sqliteSubscriptions(db: Db): SubscriptionStore {
  return { ...subscriptionStore(db), ...slotStore(db) };
}
