import type { ExtractedEvent } from '../extract/contract.ts';
import {
  dayNumber,
  disputesAmong,
  disputeWindow,
  eventLabel,
  isOneOff,
  isoDay,
  LONE_DAYS,
  sameDayOtherYears,
  type EventFacts,
  type LabelPart,
} from '../match/events.ts';
import { nameKey } from '../text/names.ts';
import type { Db } from './sqlite.ts';

const surnameKey = (name: string) => nameKey(name).split(' ').pop() ?? '';

/** An entity the document names, resolved to its row in the store. */
export interface ResolvedEntity extends LabelPart {
  id: number;
}

interface EventToStore {
  /** The corpus of the stating document: an event merges only with events of its own corpus. */
  corpusId: number;
  event: ExtractedEvent;
  documentId: number;
  sentenceId: number;
  participants: ResolvedEntity[];
  place: ResolvedEntity | null;
}

/** Where a dispute may have changed: one kind at one place around one day. */
export interface Neighbourhood {
  kind: string;
  /** The place's entity id, or for an event with no place minus its corpus id: never shared by two corpora. */
  placeKey: number;
  day: string | null;
}

/**
 * Stores one event statement: merged into the event it states (same kind, place, date, a shared participant) or new.
 */
export function storeEvent(db: Db, x: EventToStore): Neighbourhood {
  const { event: e, place } = x;
  const placeKey = place?.id ?? -x.corpusId;
  const day = e.date?.iso ?? null;
  const ids = x.participants.map((p) => p.id);
  const candidates = db
    .prepare(
      `SELECT e.id, (SELECT group_concat(en.id || ':' || en.kind || ':' || en.name, char(31))
       FROM event_participants p
                     JOIN entities en ON en.id = p.entity_id WHERE p.event_id = e.id) AS who
       FROM events e WHERE e.kind = ? AND e.place_key = ? AND e.day IS ? AND (e.day IS NOT NULL OR e.raw_date IS ?)
       LIMIT 50`,
    )
    .all(e.kind, placeKey, day, day ? null : (e.date?.text ?? null)) as { id: number; who: string | null }[];
  // A participant in common: the same entity, or a person of the same surname (one not yet linked to the other).
  const mine = new Set(
    x.participants.flatMap((p) => [`#${p.id}`, ...(p.kind === 'person' ? [`~${surnameKey(p.name)}`] : [])]),
  );
  const shares = (c: { who: string | null }) =>
    !c.who ||
    !ids.length ||
    c.who.split('\u001f').some((w) => {
      const [id, kind, ...name] = w.split(':');
      return mine.has(`#${id}`) || (kind === 'person' && mine.has(`~${surnameKey(name.join(':'))}`));
    });
  let id = candidates.find(shares)?.id;
  if (id === undefined) {
    id = Number(
      db
        .prepare(
          `INSERT INTO events (corpus_id, kind, place_id, place_key, day, precision, raw_date, label, first_document_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          x.corpusId,
          e.kind,
          place?.id ?? null,
          placeKey,
          day,
          e.date?.precision ?? null,
          day ? null : (e.date?.text ?? null),
          e.kind,
          x.documentId,
        ).lastInsertRowid,
    );
  }
  const addParticipant = db.prepare('INSERT OR IGNORE INTO event_participants (event_id, entity_id) VALUES (?, ?)');
  for (const p of ids) addParticipant.run(id, p);
  db.prepare(
    `INSERT OR IGNORE INTO event_sources (event_id, sentence_id, document_id, date_text, iso, precision, future)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, x.sentenceId, x.documentId, e.date?.text ?? null, day, e.date?.precision ?? null, e.future ? 1 : 0);
  refreshEvent(db, id);
  if (placeKey > 0 && day?.length === 10) endLoneness(db, e.kind, placeKey, day, id);
  return { kind: e.kind, placeKey, day };
}

/**
 * Recomputes what an event derives from its parts: its label, whether every source speaks of it as to come, and
 * whether it is lone (to come, and nothing of its kind and place within two months).
 */
function refreshEvent(db: Db, id: number): void {
  const parts = db
    .prepare(
      `SELECT en.id, en.name, en.kind FROM event_participants p JOIN entities en ON en.id = p.entity_id
       WHERE p.event_id = ? ORDER BY p.rowid LIMIT 6`,
    )
    .all(id) as ResolvedEntity[];
  const row = db
    .prepare(
      `SELECT e.kind, e.place_key AS placeKey, e.day, pl.name AS place,
              (SELECT coalesce(min(future), 0) FROM event_sources WHERE event_id = e.id) AS futureOnly
       FROM events e LEFT JOIN entities pl ON pl.id = e.place_id WHERE e.id = ?`,
    )
    .get(id) as
    { kind: string; placeKey: number; day: string | null; place: string | null; futureOnly: number } | undefined;
  if (!row) return;
  const lone =
    row.futureOnly === 1 &&
    row.placeKey > 0 &&
    row.day?.length === 10 &&
    !hasNeighbour(db, row.kind, row.placeKey, row.day, id);
  db.prepare('UPDATE events SET label = ?, future_only = ?, lone = ? WHERE id = ?').run(
    eventLabel(row.kind, parts, row.place),
    row.futureOnly,
    lone ? 1 : 0,
    id,
  );
}

function hasNeighbour(db: Db, kind: string, placeKey: number, day: string, id: number): boolean {
  const d = dayNumber(day);
  return !!db
    .prepare(
      `SELECT 1 FROM events WHERE kind = ? AND place_key = ? AND day BETWEEN ? AND ? AND length(day) = 10 AND id != ?
       LIMIT 1`,
    )
    .get(kind, placeKey, isoDay(d - LONE_DAYS), isoDay(d + LONE_DAYS), id);
}

/** An event at a day ends the loneness of the upcoming events of its kind and place near it, and their flags. */
function endLoneness(db: Db, kind: string, placeKey: number, day: string, id: number): void {
  const d = dayNumber(day);
  const near = db
    .prepare('SELECT id FROM events WHERE kind = ? AND place_key = ? AND lone = 1 AND id != ? AND day BETWEEN ? AND ?')
    .pluck()
    .all(kind, placeKey, id, isoDay(d - LONE_DAYS), isoDay(d + LONE_DAYS)) as number[];
  for (const x of near) {
    db.prepare('UPDATE events SET lone = 0 WHERE id = ?').run(x);
    setDispute(db, x, undefined);
  }
}

type EventKeyRow = { id: number; kind: string; day: string; placeKey: number; futureOnly: number };
const KEY_COLUMNS = 'id, kind, day, place_key AS placeKey, future_only AS futureOnly';

function facts(db: Db, rows: EventKeyRow[]): EventFacts[] {
  const who = db.prepare(
    `SELECT p.entity_id AS id, e.kind FROM event_participants p JOIN entities e ON e.id = p.entity_id
     WHERE p.event_id = ?`,
  );
  const docs = db.prepare(
    `SELECT DISTINCT s.document_id AS id, d.published_at AS published FROM event_sources s
     JOIN documents d ON d.id = s.document_id WHERE s.event_id = ?`,
  );
  return rows.map((r) => {
    const parts = who.all(r.id) as { id: number; kind: string }[];
    const sources = docs.all(r.id) as { id: number; published: string | null }[];
    return {
      ...r,
      futureOnly: r.futureOnly === 1,
      participants: parts.map((p) => p.id),
      people: parts.filter((p) => p.kind === 'person').map((p) => p.id),
      documents: sources.map((x) => x.id),
      published: sources.map((x) => x.published),
    };
  });
}

/** Flags an event against the one it contradicts (dated by the later document of the two), or clears its flag. */
function setDispute(db: Db, id: number, withId: number | undefined): void {
  if (withId === undefined) {
    db.prepare('DELETE FROM event_disputes WHERE event_id = ?').run(id);
    return;
  }
  db.prepare(
    `INSERT OR REPLACE INTO event_disputes (event_id, with_event_id, document_id)
     VALUES (?, ?, (SELECT max(document_id) FROM event_sources WHERE event_id IN (?, ?)))`,
  ).run(id, withId, id, withId);
}

/** Day-precision events of one kind and place between two days, through the (kind, place, day) index. */
function eventsBetween(db: Db, kind: string, placeKey: number, from: number, to: number): EventKeyRow[] {
  return db
    .prepare(
      `SELECT ${KEY_COLUMNS} FROM events WHERE kind = ? AND place_key = ? AND day BETWEEN ? AND ?
       AND length(day) = 10 LIMIT 500`,
    )
    .all(kind, placeKey, isoDay(from), isoDay(to)) as EventKeyRow[];
}

function eventsOnDays(db: Db, kind: string, placeKey: number, days: string[]): EventKeyRow[] {
  return db
    .prepare(
      `SELECT ${KEY_COLUMNS} FROM events WHERE kind = ? AND place_key = ? AND day
       IN (${days.map(() => '?').join(',')}) LIMIT 100`,
    )
    .all(kind, placeKey, ...days) as EventKeyRow[];
}

/**
 * Re-decides the disputes of the events near one day of one kind and place, and of that kind and place's lone
 * upcoming dates. Returns how many events are now flagged there.
 */
export function refreshDisputes(db: Db, n: Neighbourhood): number {
  if ((n.placeKey <= 0 && !isOneOff(n.kind)) || !n.day || n.day.length !== 10) return 0;
  const w = disputeWindow(n.kind);
  const d = dayNumber(n.day);
  const otherYears = eventsOnDays(db, n.kind, n.placeKey, sameDayOtherYears(n.day));
  const near = facts(db, [...eventsBetween(db, n.kind, n.placeKey, d - 2 * w, d + 2 * w), ...otherYears]);
  const owned = near.filter((e) => Math.abs(dayNumber(e.day) - d) <= w || e.day.slice(4) === n.day?.slice(4));
  const found = disputesAmong(near);
  for (const e of owned) setDispute(db, e.id, found.get(e.id));
  return owned.filter((e) => found.has(e.id)).length + (n.placeKey > 0 ? refreshLoneDates(db, n.kind, n.placeKey) : 0);
}

/** The nearest day-precision event of a kind and place before and after a day, other than the given ones. */
function nearestEvents(db: Db, kind: string, placeKey: number, day: string, exclude: number): EventFacts[] {
  const before = db.prepare(
    `SELECT ${KEY_COLUMNS} FROM events WHERE kind = ? AND place_key = ? AND day < ? AND length(day) = 10 AND id != ?
     ORDER BY day DESC LIMIT 3`,
  );
  const after = db.prepare(
    `SELECT ${KEY_COLUMNS} FROM events WHERE kind = ? AND place_key = ? AND day > ? AND length(day) = 10 AND id != ?
     ORDER BY day LIMIT 3`,
  );
  const rows = [
    ...before.all(kind, placeKey, day, exclude),
    ...after.all(kind, placeKey, day, exclude),
  ] as EventKeyRow[];
  return facts(db, rows);
}

/**
 * Each lone upcoming event of a kind and place is flagged against the best supported far event it shares a participant
 * with.
 */
function refreshLoneDates(db: Db, kind: string, placeKey: number): number {
  const lone = db
    .prepare(`SELECT ${KEY_COLUMNS} FROM events WHERE kind = ? AND place_key = ? AND lone = 1 LIMIT 50`)
    .all(kind, placeKey) as EventKeyRow[];
  let flagged = 0;
  for (const e of facts(db, lone)) {
    const others = nearestEvents(db, kind, placeKey, e.day, e.id).filter(
      (o) =>
        o.participants.some((p) => e.participants.includes(p)) && !o.documents.some((x) => e.documents.includes(x)),
    );
    const target = others.sort((a, b) => b.documents.length - a.documents.length)[0];
    setDispute(db, e.id, target?.id);
    if (target) flagged++;
  }
  return flagged;
}

/** Upcoming events of a neighbourhood's kind and place within two months of its day: they may be lone again. */
function upcomingNear(db: Db, n: Neighbourhood): number[] {
  const d = dayNumber(n.day ?? '');
  return db
    .prepare(
      'SELECT id FROM events WHERE kind = ? AND place_key = ? AND future_only = 1 AND day BETWEEN ? AND ? LIMIT 100',
    )
    .pluck()
    .all(n.kind, n.placeKey, isoDay(d - LONE_DAYS), isoDay(d + LONE_DAYS)) as number[];
}

interface EventsOfDocument {
  ids: number[];
  neighbourhoods: Neighbourhood[];
}

/** The events a document states and the neighbourhoods they lie in, read before it is removed. */
export function eventsOfDocument(db: Db, documentId: number): EventsOfDocument {
  const rows = db
    .prepare(
      `SELECT DISTINCT e.id, e.kind, e.place_key AS placeKey, e.day FROM event_sources s
       JOIN events e ON e.id = s.event_id WHERE s.document_id = ?`,
    )
    .all(documentId) as (Neighbourhood & { id: number })[];
  return {
    ids: rows.map((r) => r.id),
    neighbourhoods: rows.map(({ kind, placeKey, day }) => ({ kind, placeKey, day })),
  };
}

/**
 * After a document is removed: its events that no source states any more go, the rest and their neighbours are
 * re-decided.
 */
export function pruneEvents(db: Db, gone: EventsOfDocument): void {
  const drop = db.prepare(
    'DELETE FROM events WHERE id = ? AND NOT EXISTS (SELECT 1 FROM event_sources s WHERE s.event_id = ?)',
  );
  for (const id of gone.ids) if (drop.run(id, id).changes === 0) refreshEvent(db, id);
  for (const n of gone.neighbourhoods) {
    if (n.placeKey > 0 && n.day?.length === 10) for (const id of upcomingNear(db, n)) refreshEvent(db, id);
    refreshDisputes(db, n);
  }
}
