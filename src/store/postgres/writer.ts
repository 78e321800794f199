import { likeEscape } from '../read-bounds.ts';
import type { QueryResultRow } from 'pg';
import type { EntityKind } from '../store.ts';
import type { DocumentWriter, EntityRow, EventKey, EventLinks, Participant } from '../writer.ts';
import type { Client } from './pool.ts';

/** One statement's rows. */
type Rows = <R extends QueryResultRow>(sql: string, params?: unknown[]) => Promise<R[]>;

interface Sql {
  rows: Rows;
  /** How many rows a statement changed. */
  run(sql: string, params?: unknown[]): Promise<number>;
  /** The id an INSERT … RETURNING id gave. */
  insertId(sql: string, params?: unknown[]): Promise<number>;
}

function sql(client: Client): Sql {
  const rows: Rows = async <R extends QueryResultRow>(text: string, params: unknown[] = []) =>
    (await client.query<R>(text, params)).rows;
  return {
    rows,
    run: async (text, params = []) => (await client.query(text, params)).rowCount ?? 0,
    insertId: async (text, params = []) => (await rows<{ id: number }>(text, params))[0].id,
  };
}

const EVENT_KEY = 'id, kind, day, place_key AS "placeKey", future_only AS "futureOnly"';
type EventKeyRow = Omit<EventKey, 'futureOnly'> & { futureOnly: number };
const eventKeys = (rows: EventKeyRow[]) => rows.map((r): EventKey => ({ ...r, futureOnly: r.futureOnly === 1 }));

/**
 * The PostgreSQL ingest writer of one corpus, on one connection inside one transaction (see postgresWrite): the
 * same rows, in the same order where order is read, as sqliteWriter writes.
 */
export function postgresWriter(client: Client, corpusId: number, readable: number[]): DocumentWriter {
  if (!readable.length || ![corpusId, ...readable].every(Number.isInteger))
    throw new Error(`bad corpus ids: ${corpusId} ${readable}`);
  const q = sql(client);
  return {
    corpusId,
    ...savepoints(q),
    ...documentRows(q, corpusId, readable),
    ...documentRemoval(q, corpusId),
    ...entityLookups(q, corpusId),
    ...entityRows(q, corpusId),
    ...proposalLookups(q, corpusId),
    ...proposalRows(q, corpusId),
    ...quoteAndDateRows(q),
    ...eventRows(q, corpusId),
    ...eventDerivedRows(q),
    ...eventNeighbours(q, corpusId),
    ...eventLinkRows(q),
  };
}

/**
 * Savepoints, one round trip each: a fact's savepoint is released when the next one is made (or by COMMIT), not
 * when it ends. Whatever a released savepoint still held open was made inside it, and goes with it.
 */
function savepoints(q: Sql): Pick<DocumentWriter, 'savepoint'> {
  let made = 0;
  let unreleased: string | null = null;
  return {
    async savepoint(write) {
      const name = `fact${++made}`;
      await q.run(unreleased ? `RELEASE ${unreleased}; SAVEPOINT ${name}` : `SAVEPOINT ${name}`);
      unreleased = null;
      try {
        const result = await write();
        unreleased = name;
        return result;
      } catch (e) {
        unreleased = null;
        await q.run(`ROLLBACK TO ${name}; RELEASE ${name}`);
        throw e;
      }
    },
  };
}

type DocumentRows = Pick<
  DocumentWriter,
  'documentWithHash' | 'ownDocumentByKey' | 'ownDocument' | 'insertDocument' | 'insertSentences'
>;

function documentRows(q: Sql, corpusId: number, readable: number[]): DocumentRows {
  return {
    async documentWithHash(contentHash) {
      const found = await q.rows<{ id: number; key: string }>(
        'SELECT id, key FROM documents WHERE content_hash = $1 AND corpus_id = ANY($2::int[]) ORDER BY id LIMIT 1',
        [contentHash, readable],
      );
      return found[0] ?? null;
    },
    async ownDocumentByKey(key) {
      const found = await q.rows<{ id: number }>('SELECT id FROM documents WHERE key = $1 AND corpus_id = $2', [
        key,
        corpusId,
      ]);
      return found[0]?.id ?? null;
    },
    async ownDocument(id) {
      const found = await q.rows<{ id: number; key: string; title: string }>(
        'SELECT id, key, title FROM documents WHERE id = $1 AND corpus_id = $2',
        [id, corpusId],
      );
      return found[0] ?? null;
    },
    async insertDocument(doc) {
      return q.insertId(
        `INSERT INTO documents (corpus_id, key, content_hash, title, source, url, published_at, tags, body,
                                ingested_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          corpusId,
          doc.key,
          doc.contentHash,
          doc.title,
          doc.source,
          doc.url,
          doc.publishedAt,
          JSON.stringify(doc.tags),
          doc.body,
          new Date().toISOString(),
        ],
      );
    },
    async insertSentences(documentId, sentences) {
      if (!sentences.length) return [];
      const made = await q.rows<{ id: number; idx: number }>(
        `INSERT INTO sentences (document_id, idx, start_offset, end_offset, text)
         SELECT $1, i, b, e, t
         FROM unnest($2::int[], $3::int[], $4::int[], $5::text[]) WITH ORDINALITY AS u(i, b, e, t, n) ORDER BY n
         RETURNING id, idx`,
        [
          documentId,
          sentences.map((s) => s.index),
          sentences.map((s) => s.start),
          sentences.map((s) => s.end),
          sentences.map((s) => s.text),
        ],
      );
      const byIndex = new Map(made.map((r) => [r.idx, r.id]));
      return sentences.map((s) => byIndex.get(s.index) as number);
    },
  };
}

function documentRemoval(q: Sql, corpusId: number): Pick<DocumentWriter, 'removeDocument' | 'ownCounts'> {
  return {
    async removeDocument(documentId) {
      const touched = await q.rows<{ id: number }>(
        `SELECT DISTINCT m.entity_id AS id FROM mentions m JOIN sentences s ON s.id = m.sentence_id
         WHERE s.document_id = $1`,
        [documentId],
      );
      await q.run('DELETE FROM documents WHERE id = $1', [documentId]);
      if (touched.length)
        await q.run(
          `UPDATE entities SET mention_count = (SELECT count(*) FROM mentions m WHERE m.entity_id = entities.id)
           WHERE id = ANY($1::bigint[])`,
          [touched.map((t) => t.id)],
        );
      await q.run(
        `DELETE FROM entities WHERE corpus_id = $1
           AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = entities.id)
           AND NOT EXISTS (SELECT 1 FROM roles r WHERE r.entity_id = entities.id)`,
        [corpusId],
      );
      await q.run(
        `DELETE FROM proposals WHERE corpus_id = $1
           AND NOT EXISTS (SELECT 1 FROM proposal_reports r WHERE r.proposal_id = proposals.id)`,
        [corpusId],
      );
    },
    async ownCounts() {
      const bySentence = (table: string) =>
        `(SELECT count(*) FROM ${table} t JOIN sentences s ON s.id = t.sentence_id
          JOIN documents d ON d.id = s.document_id WHERE d.corpus_id = $1)`;
      const [counts] = await q.rows<{
        entities: number;
        proposals: number;
        events: number;
        quotes: number;
        dates: number;
      }>(
        `SELECT (SELECT count(*) FROM entities WHERE corpus_id = $1) AS entities,
                (SELECT count(*) FROM proposals WHERE corpus_id = $1) AS proposals,
                (SELECT count(*) FROM events WHERE corpus_id = $1) AS events,
                ${bySentence('quotes')} AS quotes,
                ${bySentence('dates')} AS dates`,
        [corpusId],
      );
      return counts;
    },
  };
}

const ENTITY_ROW = 'e.id, e.name, e.affiliation, e.place_kind AS "placeKind"';

function entityLookups(q: Sql, corpusId: number): Pick<DocumentWriter, 'entitiesByKeys' | 'entitiesBySkeleton'> {
  return {
    async entitiesByKeys(kind, keys) {
      if (!keys.length) return [];
      return q.rows<EntityRow>(
        `SELECT ${ENTITY_ROW} FROM entities e
         WHERE e.kind = $1 AND e.corpus_id = $2 AND e.name_key = ANY($3::text[])
         UNION
         SELECT ${ENTITY_ROW} FROM aliases a JOIN entities e ON e.id = a.entity_id
         WHERE e.kind = $1 AND e.corpus_id = $2 AND a.alias_key = ANY($3::text[])
         ORDER BY id`,
        [kind, corpusId, keys],
      );
    },
    async entitiesBySkeleton(kind, skeleton, limit) {
      return q.rows<EntityRow>(
        `SELECT DISTINCT ${ENTITY_ROW} FROM aliases a JOIN entities e ON e.id = a.entity_id
         WHERE e.kind = $1 AND a.skeleton = $2 AND e.corpus_id = $3 ORDER BY e.id LIMIT $4`,
        [kind, skeleton, corpusId, limit],
      );
    },
  };
}

type EntityRows = Pick<
  DocumentWriter,
  'insertEntity' | 'setAffiliation' | 'renameEntity' | 'addAliases' | 'addMention' | 'addRole' | 'recountMentions'
>;

function entityRows(q: Sql, corpusId: number): EntityRows {
  return {
    async insertEntity(e) {
      return q.insertId(
        `INSERT INTO entities (corpus_id, kind, name, name_key, affiliation, place_kind, first_document_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [corpusId, e.kind, e.name, e.nameKey, e.affiliation, e.placeKind, e.documentId],
      );
    },
    async setAffiliation(id, affiliation) {
      await q.run('UPDATE entities SET affiliation = $1 WHERE id = $2', [affiliation, id]);
    },
    async renameEntity(id, kind, name, nameKey) {
      const taken = await q.rows(
        'SELECT 1 FROM entities WHERE kind = $1 AND name_key = $2 AND corpus_id = $3 AND id <> $4',
        [kind, nameKey, corpusId, id],
      );
      if (!taken.length) await q.run('UPDATE entities SET name = $1, name_key = $2 WHERE id = $3', [name, nameKey, id]);
      return !taken.length;
    },
    async addAliases(id, aliases) {
      if (!aliases.length) return;
      await q.run(
        `INSERT INTO aliases (entity_id, alias, alias_key, skeleton)
         SELECT $1, a, k, s FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS u(a, k, s, n) ORDER BY n
         ON CONFLICT DO NOTHING`,
        [id, aliases.map((a) => a.alias), aliases.map((a) => a.key), aliases.map((a) => a.skeleton)],
      );
    },
    async addMention(entityId, sentenceId) {
      await q.run('INSERT INTO mentions (entity_id, sentence_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
        entityId,
        sentenceId,
      ]);
    },
    async addRole(entityId, role, affiliation, sentenceId) {
      await q.run(
        'INSERT INTO roles (entity_id, role, affiliation, sentence_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
        [entityId, role, affiliation, sentenceId],
      );
    },
    async recountMentions(documentId) {
      await q.run(
        `UPDATE entities SET mention_count = (SELECT count(*) FROM mentions m WHERE m.entity_id = entities.id)
         WHERE id IN (SELECT m.entity_id FROM mentions m JOIN sentences s ON s.id = m.sentence_id
                      WHERE s.document_id = $1)`,
        [documentId],
      );
    },
  };
}

/** The distinct words of phrase keys. */
const wordsOf = (keys: string[]) => [...new Set(keys.flatMap((k) => k.split(' ')).filter(Boolean))];

function proposalLookups(
  q: Sql,
  corpusId: number,
): Pick<DocumentWriter, 'proposalsByKeys' | 'proposalsNear' | 'proposalCountries'> {
  return {
    async proposalsByKeys(keys) {
      if (!keys.length) return [];
      const found = await q.rows<{ id: number }>(
        `SELECT id FROM proposals WHERE corpus_id = $1 AND name_key = ANY($2::text[])
         UNION SELECT a.proposal_id FROM proposal_aliases a JOIN proposals p ON p.id = a.proposal_id
         WHERE p.corpus_id = $1 AND a.alias_key = ANY($2::text[])
         ORDER BY id`,
        [corpusId, keys],
      );
      return found.map((r) => r.id);
    },
    async proposalsNear(keys) {
      const words = wordsOf(keys);
      if (!words.length) return [];
      // Every proposal sharing a word with a key. A key holding a word holds it as a substring too, so the LIKEs
      // (which the trigram index answers) only narrow the scan; the word overlap decides.
      return q.rows<{ id: number; key: string }>(
        `SELECT id, name_key AS key FROM proposals
         WHERE corpus_id = $1 AND name_key LIKE ANY($2::text[]) AND string_to_array(name_key, ' ') && $3::text[]
         ORDER BY id`,
        [corpusId, words.map((w) => `%${likeEscape(w)}%`), words],
      );
    },
    async proposalCountries(id) {
      const found = await q.rows<{ name: string }>(
        `SELECT DISTINCT e.name FROM proposal_reports r
         JOIN sentences s ON s.document_id = r.document_id
         JOIN mentions m ON m.sentence_id = s.id
         JOIN entities e ON e.id = m.entity_id AND e.kind = 'place' AND e.place_kind = 'country'
         WHERE r.proposal_id = $1 ORDER BY e.name`,
        [id],
      );
      return found.map((r) => r.name);
    },
  };
}

function proposalRows(
  q: Sql,
  corpusId: number,
): Pick<DocumentWriter, 'insertProposal' | 'addProposalAliases' | 'setProposalReport' | 'addProposalEvidence'> {
  return {
    async insertProposal(name, key, documentId) {
      const held = await q.rows<{ key: string }>(
        `SELECT name_key AS key FROM proposals
         WHERE corpus_id = $1 AND (name_key = $2 OR starts_with(name_key, $3))`,
        [corpusId, key, `${key} #`],
      );
      const taken = new Set(held.map((r) => r.key));
      let unique = key;
      for (let n = 2; taken.has(unique); n++) unique = `${key} #${n}`;
      return q.insertId(
        'INSERT INTO proposals (corpus_id, name, name_key, first_document_id) VALUES ($1, $2, $3, $4) RETURNING id',
        [corpusId, name, unique, documentId],
      );
    },
    async addProposalAliases(id, aliases) {
      if (!aliases.length) return;
      await q.run(
        `INSERT INTO proposal_aliases (proposal_id, alias, alias_key)
         SELECT $1, a, k FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS u(a, k, n) ORDER BY n
         ON CONFLICT DO NOTHING`,
        [id, aliases.map((a) => a.alias), aliases.map((a) => a.key)],
      );
    },
    async setProposalReport(id, documentId, status, proposedBy) {
      // SQLite's INSERT OR REPLACE: the later report is a new row (a new id), not the old one changed.
      await q.run(
        `INSERT INTO proposal_reports (proposal_id, document_id, status, proposed_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (proposal_id, document_id)
         DO UPDATE SET id = DEFAULT, status = EXCLUDED.status, proposed_by = EXCLUDED.proposed_by`,
        [id, documentId, status, JSON.stringify(proposedBy)],
      );
    },
    async addProposalEvidence(id, sentenceId) {
      await q.run('INSERT INTO proposal_evidence (proposal_id, sentence_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
        id,
        sentenceId,
      ]);
    },
  };
}

function quoteAndDateRows(q: Sql): Pick<DocumentWriter, 'insertQuote' | 'insertDate'> {
  return {
    async insertQuote(sentenceId, speakerId, speakerName, text) {
      await q.run('INSERT INTO quotes (sentence_id, speaker_id, speaker_name, text) VALUES ($1, $2, $3, $4)', [
        sentenceId,
        speakerId,
        speakerName,
        text,
      ]);
    },
    async insertDate(d) {
      await q.run(
        'INSERT INTO dates (sentence_id, text, iso, precision, what, what_key) VALUES ($1, $2, $3, $4, $5, $6)',
        [d.sentenceId, d.text, d.iso, d.precision, d.what, d.whatKey],
      );
    },
  };
}

function eventRows(
  q: Sql,
  corpusId: number,
): Pick<DocumentWriter, 'eventCandidates' | 'insertEvent' | 'addEventParticipants' | 'addEventSource'> {
  return {
    async eventCandidates(kind, placeKey, day, rawDate) {
      const found = await q.rows<{ id: number; who: Participant[] }>(
        `SELECT e.id,
                coalesce((SELECT json_agg(json_build_object('id', en.id, 'kind', en.kind, 'name', en.name)
                                          ORDER BY p.seq)
                          FROM event_participants p JOIN entities en ON en.id = p.entity_id
                          WHERE p.event_id = e.id), '[]'::json) AS who
         FROM events e WHERE e.corpus_id = $1 AND e.kind = $2 AND e.place_key = $3
           AND e.day IS NOT DISTINCT FROM $4::text AND (e.day IS NOT NULL OR e.raw_date IS NOT DISTINCT FROM $5::text)
         ORDER BY e.id LIMIT 50`,
        [corpusId, kind, placeKey, day, day ? null : rawDate],
      );
      return found.map((r) => ({ id: r.id, participants: r.who }));
    },
    async insertEvent(e) {
      return q.insertId(
        `INSERT INTO events (corpus_id, kind, place_id, place_key, day, precision, raw_date, label, first_document_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [corpusId, e.kind, e.placeId, e.placeKey, e.day, e.precision, e.rawDate, e.label, e.documentId],
      );
    },
    async addEventParticipants(id, entityIds) {
      if (!entityIds.length) return;
      await q.run(
        `INSERT INTO event_participants (event_id, entity_id)
         SELECT $1, p FROM unnest($2::bigint[]) WITH ORDINALITY AS u(p, n) ORDER BY n
         ON CONFLICT DO NOTHING`,
        [id, entityIds],
      );
    },
    async addEventSource(s) {
      await q.run(
        `INSERT INTO event_sources (event_id, sentence_id, document_id, date_text, iso, precision, future)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
        [s.eventId, s.sentenceId, s.documentId, s.dateText, s.iso, s.precision, s.future ? 1 : 0],
      );
    },
  };
}

/** Day-precision events of a kind and place come in the order SQLite's (kind, place_key, day) index gives. */
function eventNeighbours(
  q: Sql,
  corpusId: number,
): Pick<DocumentWriter, 'eventsBetween' | 'eventsOnDays' | 'eventsAround' | 'loneEvents'> {
  const near = (where: string, order: string, params: unknown[]) =>
    q
      .rows<EventKeyRow>(
        `SELECT ${EVENT_KEY} FROM events WHERE corpus_id = $1 AND kind = $2 AND place_key = $3 AND ${where}
         ORDER BY ${order} LIMIT $${params.length}`,
        params,
      )
      .then(eventKeys);
  return {
    async eventsBetween(kind, placeKey, from, to, limit) {
      return near('day BETWEEN $4 AND $5 AND length(day) = 10', 'day, id', [corpusId, kind, placeKey, from, to, limit]);
    },
    async eventsOnDays(kind, placeKey, days, limit) {
      if (!days.length) return [];
      return near('day = ANY($4::text[])', 'day, id', [corpusId, kind, placeKey, days, limit]);
    },
    async eventsAround(kind, placeKey, day, exclude, limit) {
      const side = (op: '<' | '>', order: 'DESC' | 'ASC') =>
        near(`day ${op} $4 AND length(day) = 10 AND id <> $5`, `day ${order}, id ${order}`, [
          corpusId,
          kind,
          placeKey,
          day,
          exclude,
          limit,
        ]);
      return [...(await side('<', 'DESC')), ...(await side('>', 'ASC'))];
    },
    async loneEvents(kind, placeKey, limit) {
      return near('lone = 1', 'id', [corpusId, kind, placeKey, limit]);
    },
  };
}

type EventLinkRows = Pick<DocumentWriter, 'eventLinks' | 'setDispute' | 'eventsOfDocument' | 'dropUnstatedEvent'>;

function eventLinkRows(q: Sql): EventLinkRows {
  return {
    async eventLinks(ids) {
      const links = new Map<number, EventLinks>(ids.map((id) => [id, { participants: [], documents: [] }]));
      if (!ids.length) return links;
      const who = await q.rows<{ event: number; id: number; kind: EntityKind }>(
        `SELECT p.event_id AS event, p.entity_id AS id, e.kind FROM event_participants p
         JOIN entities e ON e.id = p.entity_id WHERE p.event_id = ANY($1::bigint[]) ORDER BY p.event_id, p.entity_id`,
        [ids],
      );
      const docs = await q.rows<{ event: number; id: number; published: string | null }>(
        `SELECT DISTINCT s.event_id AS event, s.document_id AS id, d.published_at AS published FROM event_sources s
         JOIN documents d ON d.id = s.document_id WHERE s.event_id = ANY($1::bigint[]) ORDER BY 1, 2`,
        [ids],
      );
      for (const { event, ...p } of who) links.get(event)?.participants.push(p);
      for (const { event, ...d } of docs) links.get(event)?.documents.push(d);
      return links;
    },
    async setDispute(id, withId) {
      if (withId === undefined) {
        await q.run('DELETE FROM event_disputes WHERE event_id = $1', [id]);
        return;
      }
      await q.run(
        `INSERT INTO event_disputes (event_id, with_event_id, document_id)
         VALUES ($1, $2, (SELECT max(document_id) FROM event_sources WHERE event_id IN ($1, $2)))
         ON CONFLICT (event_id)
         DO UPDATE SET with_event_id = EXCLUDED.with_event_id, document_id = EXCLUDED.document_id`,
        [id, withId],
      );
    },
    async eventsOfDocument(documentId) {
      return eventKeys(
        await q.rows<EventKeyRow>(
          `SELECT DISTINCT e.id, e.kind, e.day, e.place_key AS "placeKey", e.future_only AS "futureOnly"
           FROM event_sources s JOIN events e ON e.id = s.event_id WHERE s.document_id = $1 ORDER BY e.id`,
          [documentId],
        ),
      );
    },
    async dropUnstatedEvent(id) {
      const dropped = await q.run(
        'DELETE FROM events WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM event_sources s WHERE s.event_id = $1)',
        [id],
      );
      return dropped > 0;
    },
  };
}

function eventDerivedRows(q: Sql): Pick<DocumentWriter, 'eventParts' | 'updateEvent' | 'clearLone'> {
  return {
    async eventParts(id, participants) {
      const [row] = await q.rows<{
        kind: string;
        placeKey: number;
        day: string | null;
        place: string | null;
        futureOnly: number;
      }>(
        `SELECT e.kind, e.place_key AS "placeKey", e.day, pl.name AS place,
                (SELECT coalesce(min(future), 0) FROM event_sources WHERE event_id = e.id) AS "futureOnly"
         FROM events e LEFT JOIN entities pl ON pl.id = e.place_id WHERE e.id = $1`,
        [id],
      );
      if (!row) return null;
      const parts = await q.rows<Participant>(
        `SELECT en.id, en.name, en.kind FROM event_participants p JOIN entities en ON en.id = p.entity_id
         WHERE p.event_id = $1 ORDER BY p.seq LIMIT $2`,
        [id, participants],
      );
      return { ...row, futureOnly: row.futureOnly === 1, participants: parts };
    },
    async updateEvent(id, d) {
      await q.run('UPDATE events SET label = $1, future_only = $2, lone = $3 WHERE id = $4', [
        d.label,
        d.futureOnly ? 1 : 0,
        d.lone ? 1 : 0,
        id,
      ]);
    },
    async clearLone(id) {
      await q.run('UPDATE events SET lone = 0 WHERE id = $1', [id]);
    },
  };
}
