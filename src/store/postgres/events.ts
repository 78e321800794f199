import { SOURCES_SHOWN } from '../read-bounds.ts';
import type { EventDispute, EventRow, EventSource, StoreQueries } from '../store.ts';
import { C, REF, rows, toRef, value, type CorpusIn, type Queryable, type RefRow } from './sql.ts';

/** Bounds of the PostgreSQL event reads (the statements shown are read-bounds.ts's). */
const PARTICIPANTS_SHOWN = 8;
const DISPUTE_SOURCES = 10;
const DISPUTES_LISTED = 200;

type EventOptions = Parameters<StoreQueries['listEvents']>[0];

/** The first `limit` statements of each event, in publication order, by event id. */
async function sourcesOf(db: Queryable, eventIds: number[], limit: number): Promise<Map<number, EventSource[]>> {
  const found = await rows<RefRow & { eventId: number; text: string | null; iso: string | null; precision: null }>(
    db,
    // Each event's first statements off event_sources_by_date, however many documents state it.
    `SELECT x.* FROM unnest($1::bigint[]) AS ev(id) CROSS JOIN LATERAL (
       SELECT es.event_id AS "eventId", es.date_text AS text, es.iso, es.precision, ${REF},
              es.dated AS "sortDate", es.sentence_id AS "sortId"
       FROM event_sources es JOIN sentences s ON s.id = es.sentence_id JOIN documents d ON d.id = s.document_id
       WHERE es.event_id = ev.id ORDER BY es.dated ${C}, es.sentence_id LIMIT $2) x
     ORDER BY x."eventId", x."sortDate" ${C}, x."sortId"`,
    [[...new Set(eventIds)], limit],
  );
  const by = new Map<number, EventSource[]>(eventIds.map((id) => [id, []]));
  for (const r of found) by.get(r.eventId)?.push({ text: r.text, iso: r.iso, precision: r.precision, ref: toRef(r) });
  return by;
}

type EventHead = Omit<EventRow, 'participants' | 'sources' | 'dispute'> & {
  disputeWith: number | null;
  disputeLabel: string | null;
  disputeDay: string | null;
};

/** Events by id, in the order given, each with its participants, first sources and the event it disputes. */
async function eventRows(db: Queryable, ids: number[]): Promise<EventRow[]> {
  if (!ids.length) return [];
  const [heads, people] = await Promise.all([
    rows<EventHead>(
      db,
      `SELECT e.id, e.kind, e.label, pl.name AS place, e.day, e.precision, e.raw_date AS "rawDate",
              (SELECT count(*) FROM event_sources s WHERE s.event_id = e.id) AS "sourceCount",
              o.id AS "disputeWith", o.label AS "disputeLabel", o.day AS "disputeDay"
       FROM events e LEFT JOIN entities pl ON pl.id = e.place_id LEFT JOIN event_disputes x ON x.event_id = e.id
       LEFT JOIN events o ON o.id = x.with_event_id
       WHERE e.id = ANY($1::bigint[])`,
      [ids],
    ),
    rows<{ eventId: number; name: string }>(
      db,
      `SELECT "eventId", name FROM (
         SELECT p.event_id AS "eventId", en.name,
                row_number() OVER (PARTITION BY p.event_id ORDER BY p.entity_id) AS n
         FROM event_participants p JOIN entities en ON en.id = p.entity_id WHERE p.event_id = ANY($1::bigint[])) x
       WHERE n <= ${PARTICIPANTS_SHOWN} ORDER BY "eventId", n`,
      [ids],
    ),
  ]);
  const others = heads.flatMap((h) => (h.disputeWith ? [h.disputeWith] : []));
  const sources = await sourcesOf(db, [...ids, ...others], SOURCES_SHOWN);
  const byId = new Map(heads.map((h) => [h.id, h]));
  return ids.map((id) => {
    const { disputeWith, disputeLabel, disputeDay, ...head } = byId.get(id) as EventHead;
    return {
      ...head,
      participants: people.filter((p) => p.eventId === id).map((p) => p.name),
      sources: sources.get(id) ?? [],
      dispute: disputeWith
        ? { label: disputeLabel as string, day: disputeDay, sources: sources.get(disputeWith) ?? [] }
        : null,
    };
  });
}

function eventFilter(o: EventOptions, c: CorpusIn): { join: string; where: string; params: number[] } {
  const params: number[] = [];
  const p = (v: number) => `$${params.push(v)}`;
  let join = '';
  const where = [`e.day IS ${o.dated ? 'NOT ' : ''}NULL`, `e.corpus_id ${c}`];
  if (o.participantId) join = `JOIN event_participants p ON p.event_id = e.id AND p.entity_id = ${p(o.participantId)}`;
  if (o.placeId) where.push(`e.place_id = ${p(o.placeId)}`);
  if (o.happened) where.push('e.future_only = 0');
  if (o.afterDocumentId)
    where.push(
      `EXISTS (SELECT 1 FROM event_sources es WHERE es.event_id = e.id AND es.document_id > ${p(o.afterDocumentId)})`,
    );
  return { join, where: where.join(' AND '), params };
}

export async function listEvents(
  db: Queryable,
  c: CorpusIn,
  o: EventOptions,
): Promise<{ rows: EventRow[]; total: number }> {
  const { join, where, params } = eventFilter(o, c);
  const dir = o.newestFirst ? 'DESC' : 'ASC';
  // SQLite sorts NULL first: an event whose first document was forgotten
  const nulls = o.newestFirst ? 'NULLS LAST' : 'NULLS FIRST';
  const order = o.dated ? `e.day ${C} ${dir}, e.id ${dir}` : `e.first_document_id ${dir} ${nulls}, e.id ${dir}`;
  const [total, ids] = await Promise.all([
    value<number>(db, `SELECT count(*) FROM events e ${join} WHERE ${where}`, params),
    rows<{ id: number }>(
      db,
      `SELECT e.id FROM events e ${join} WHERE ${where} ORDER BY ${order} LIMIT $${params.length + 1}`,
      [...params, o.limit],
    ),
  ]);
  return {
    total,
    rows: await eventRows(
      db,
      ids.map((r) => r.id),
    ),
  };
}

/** Flagged events, each once with every source's date; only those a document after `after` touches. */
export async function disputeRows(db: Queryable, c: CorpusIn, after = 0): Promise<EventDispute[]> {
  const found = await rows<{ id: number; other: number; label: string }>(
    db,
    `SELECT x.event_id AS id, x.with_event_id AS other, e.label FROM event_disputes x
     JOIN events e ON e.id = x.event_id
     WHERE coalesce(x.document_id, 0) > $1 AND e.corpus_id ${c} ORDER BY e.day ${C} NULLS FIRST, x.event_id
     LIMIT ${DISPUTES_LISTED}`,
    [after],
  );
  const sources = await sourcesOf(
    db,
    found.flatMap((r) => [r.id, r.other]),
    DISPUTE_SOURCES,
  );
  return found.map((r) => ({ label: r.label, flagged: sources.get(r.id) ?? [], others: sources.get(r.other) ?? [] }));
}
