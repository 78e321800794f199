import { SOURCES_SHOWN } from './read-bounds.ts';
import { REF, toRef, type CorpusIn, type RefRow } from './sqlite-queries.ts';
import type { Db } from './sqlite.ts';
import type { EventDispute, EventRow, EventSource, StoreQueries } from './store.ts';

type EventOptions = Parameters<StoreQueries['listEvents']>[0];

function sourcesOf(db: Db, eventId: number, limit: number): EventSource[] {
  const rows = db
    .prepare(
      `SELECT es.date_text AS text, es.iso, es.precision, ${REF}
       FROM event_sources es JOIN sentences s ON s.id = es.sentence_id JOIN documents d ON d.id = s.document_id
       WHERE es.event_id = ? ORDER BY es.dated, es.sentence_id LIMIT ?`,
    )
    .all(eventId, limit) as (RefRow & {
    text: string | null;
    iso: string | null;
    precision: EventSource['precision'];
  })[];
  return rows.map((r) => ({ text: r.text, iso: r.iso, precision: r.precision, ref: toRef(r) }));
}

function eventRow(db: Db, id: number): EventRow {
  const e = db
    .prepare(
      `SELECT e.id, e.kind, e.label, pl.name AS place, e.day, e.precision, e.raw_date AS rawDate,
              (SELECT count(*) FROM event_sources s WHERE s.event_id = e.id) AS sourceCount,
              x.with_event_id AS disputeWith
       FROM events e LEFT JOIN entities pl ON pl.id = e.place_id LEFT JOIN event_disputes x ON x.event_id = e.id
       WHERE e.id = ?`,
    )
    .get(id) as Omit<EventRow, 'participants' | 'sources' | 'dispute'> & { disputeWith: number | null };
  const participants = db
    .prepare(
      'SELECT en.name FROM event_participants p JOIN entities en ON en.id = p.entity_id WHERE p.event_id = ? LIMIT 8',
    )
    .pluck()
    .all(id) as string[];
  const other = e.disputeWith
    ? (db.prepare('SELECT label, day FROM events WHERE id = ?').get(e.disputeWith) as
        { label: string; day: string | null } | undefined)
    : undefined;
  const { disputeWith, ...row } = e;
  return {
    ...row,
    participants,
    sources: sourcesOf(db, id, SOURCES_SHOWN),
    dispute: other && disputeWith ? { ...other, sources: sourcesOf(db, disputeWith, SOURCES_SHOWN) } : null,
  };
}

function eventFilter(o: EventOptions, c: CorpusIn): { join: string; where: string; params: number[] } {
  const params: number[] = [];
  let join = '';
  const where = [`e.day IS ${o.dated ? 'NOT ' : ''}NULL`, `e.corpus_id ${c}`];
  if (o.participantId) {
    join = 'JOIN event_participants p ON p.event_id = e.id AND p.entity_id = ?';
    params.push(o.participantId);
  }
  if (o.placeId) {
    where.push('e.place_id = ?');
    params.push(o.placeId);
  }
  if (o.happened) where.push('e.future_only = 0');
  if (o.afterDocumentId) {
    where.push('EXISTS (SELECT 1 FROM event_sources es WHERE es.event_id = e.id AND es.document_id > ?)');
    params.push(o.afterDocumentId);
  }
  return { join, where: where.join(' AND '), params };
}

export function listEvents(db: Db, c: CorpusIn, o: EventOptions): { rows: EventRow[]; total: number } {
  const { join, where, params } = eventFilter(o, c);
  const dir = o.newestFirst ? 'DESC' : 'ASC';
  const order = o.dated ? `e.day ${dir}, e.id ${dir}` : `e.first_document_id ${dir}, e.id ${dir}`;
  const total = db
    .prepare(`SELECT count(*) FROM events e ${join} WHERE ${where}`)
    .pluck()
    .get(...params) as number;
  const ids = db
    .prepare(`SELECT e.id FROM events e ${join} WHERE ${where} ORDER BY ${order} LIMIT ?`)
    .pluck()
    .all(...params, o.limit) as number[];
  return { total, rows: ids.map((id) => eventRow(db, id)) };
}

/** Flagged events, each once with every source's date; only those a document after `after` touches. */
export function disputeRows(db: Db, c: CorpusIn, after = 0): EventDispute[] {
  const rows = db
    .prepare(
      `SELECT x.event_id AS id, x.with_event_id AS other, e.label FROM event_disputes x
       JOIN events e ON e.id = x.event_id
       WHERE coalesce(x.document_id, 0) > ? AND e.corpus_id ${c} ORDER BY e.day LIMIT 200`,
    )
    .all(after) as { id: number; other: number; label: string }[];
  return rows.map((r) => ({ label: r.label, flagged: sourcesOf(db, r.id, 10), others: sourcesOf(db, r.other, 10) }));
}
