import type { Db } from './sqlite.ts';
import type { CorpusIn } from './sqlite-queries.ts';
import type { EntityKind } from './store.ts';
import type { DocumentWriter, EventKey, EventLinks, EntityRow, Participant } from './writer.ts';

const marks = (n: number) => Array.from({ length: n }, () => '?').join(',');
const EVENT_KEY = 'id, kind, day, place_key AS placeKey, future_only AS futureOnly';
type EventKeyRow = Omit<EventKey, 'futureOnly'> & { futureOnly: number };
const eventKeys = (rows: unknown[]) =>
  (rows as EventKeyRow[]).map((r): EventKey => ({ ...r, futureOnly: r.futureOnly === 1 }));

/**
 * The SQLite ingest writer of one corpus. better-sqlite3 is synchronous: every method does its work at once and
 * returns a settled promise, so a document's whole write runs inside one BEGIN … COMMIT (see SqliteStore.write).
 */
export function sqliteWriter(db: Db, corpusId: number, readable: CorpusIn): DocumentWriter {
  return {
    corpusId,
    ...documentRows(db, corpusId, readable),
    ...documentRemoval(db, corpusId),
    ...entityLookups(db, corpusId),
    ...entityRows(db, corpusId),
    ...proposalRows(db, corpusId),
    ...quoteAndDateRows(db),
    ...eventRows(db, corpusId),
    ...eventDerivedRows(db),
    ...eventNeighbours(db, corpusId),
    ...eventLinkRows(db),
  };
}

const run = (db: Db, sql: string, ...params: unknown[]) => db.prepare(sql).run(...params);
const insertId = (db: Db, sql: string, ...params: unknown[]) => Number(run(db, sql, ...params).lastInsertRowid);

/** Documents and their sentences, looked up and written. */
function documentRows(
  db: Db,
  corpusId: number,
  readable: CorpusIn,
): Pick<
  DocumentWriter,
  'savepoint' | 'documentWithHash' | 'ownDocumentByKey' | 'ownDocument' | 'insertDocument' | 'insertSentences'
> {
  let savepoints = 0;
  return {
    async savepoint(write) {
      const name = `fact${++savepoints}`;
      db.exec(`SAVEPOINT ${name}`);
      try {
        const result = await write();
        db.exec(`RELEASE ${name}`);
        return result;
      } catch (e) {
        db.exec(`ROLLBACK TO ${name}`);
        db.exec(`RELEASE ${name}`);
        throw e;
      }
    },
    async documentWithHash(contentHash) {
      const row = db
        .prepare(`SELECT id, key FROM documents WHERE content_hash = ? AND corpus_id ${readable} ORDER BY id LIMIT 1`)
        .get(contentHash) as { id: number; key: string } | undefined;
      return row ?? null;
    },
    async ownDocumentByKey(key) {
      const id = db.prepare('SELECT id FROM documents WHERE key = ? AND corpus_id = ?').pluck().get(key, corpusId);
      return (id as number | undefined) ?? null;
    },
    async ownDocument(id) {
      const row = db.prepare('SELECT id, key, title FROM documents WHERE id = ? AND corpus_id = ?').get(id, corpusId);
      return (row as { id: number; key: string; title: string } | undefined) ?? null;
    },
    async insertDocument(doc) {
      return insertId(
        db,
        `INSERT INTO documents (corpus_id, key, content_hash, title, source, url, published_at, tags, body,
                                ingested_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
      );
    },
    async insertSentences(documentId, sentences) {
      const insert = db.prepare(
        'INSERT INTO sentences (document_id, idx, start_offset, end_offset, text) VALUES (?, ?, ?, ?, ?)',
      );
      return sentences.map((s) => Number(insert.run(documentId, s.index, s.start, s.end, s.text).lastInsertRowid));
    },
  };
}

/** A document taken out, and what the corpus holds. */
type DocumentRemoval = Pick<DocumentWriter, 'removeDocument' | 'ownCounts'>;

function documentRemoval(db: Db, corpusId: number): DocumentRemoval {
  const count = (sql: string) => db.prepare(sql).pluck().get(corpusId) as number;
  const bySentence = (table: string) =>
    count(`SELECT count(*) FROM ${table} t JOIN sentences s ON s.id = t.sentence_id
           JOIN documents d ON d.id = s.document_id WHERE d.corpus_id = ?`);
  return {
    async removeDocument(documentId) {
      const touched = db
        .prepare(
          `SELECT DISTINCT m.entity_id FROM mentions m JOIN sentences s ON s.id = m.sentence_id
           WHERE s.document_id = ?`,
        )
        .pluck()
        .all(documentId) as number[];
      run(db, 'DELETE FROM documents WHERE id = ?', documentId);
      const recount = db.prepare(
        `UPDATE entities SET mention_count = (SELECT count(*) FROM mentions m WHERE m.entity_id = entities.id)
         WHERE id = ?`,
      );
      for (const id of touched) recount.run(id);
      run(
        db,
        `DELETE FROM entities WHERE corpus_id = ?
           AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = entities.id)
           AND NOT EXISTS (SELECT 1 FROM roles r WHERE r.entity_id = entities.id)`,
        corpusId,
      );
      run(
        db,
        `DELETE FROM proposals WHERE corpus_id = ?
           AND NOT EXISTS (SELECT 1 FROM proposal_reports r WHERE r.proposal_id = proposals.id)`,
        corpusId,
      );
    },
    async ownCounts() {
      return {
        entities: count('SELECT count(*) FROM entities WHERE corpus_id = ?'),
        proposals: count('SELECT count(*) FROM proposals WHERE corpus_id = ?'),
        events: count('SELECT count(*) FROM events WHERE corpus_id = ?'),
        quotes: bySentence('quotes'),
        dates: bySentence('dates'),
      };
    },
  };
}

/** Entities found by key or skeleton. */
type EntityLookups = Pick<DocumentWriter, 'entitiesByKeys' | 'entitiesBySkeleton'>;

function entityLookups(db: Db, corpusId: number): EntityLookups {
  return {
    async entitiesByKeys(kind, keys) {
      if (!keys.length) return [];
      return db
        .prepare(
          `SELECT e.id, e.name, e.affiliation, e.place_kind AS placeKind FROM entities e
           WHERE e.kind = ? AND e.corpus_id = ? AND e.name_key IN (${marks(keys.length)})
           UNION
           SELECT e.id, e.name, e.affiliation, e.place_kind AS placeKind FROM aliases a
           JOIN entities e ON e.id = a.entity_id
           WHERE e.kind = ? AND e.corpus_id = ? AND a.alias_key IN (${marks(keys.length)})`,
        )
        .all(kind, corpusId, ...keys, kind, corpusId, ...keys) as EntityRow[];
    },
    async entitiesBySkeleton(kind, skeleton, limit) {
      return db
        .prepare(
          `SELECT DISTINCT e.id, e.name, e.affiliation, e.place_kind AS placeKind FROM aliases a
           JOIN entities e ON e.id = a.entity_id
           WHERE e.kind = ? AND a.skeleton = ? AND e.corpus_id = ? LIMIT ?`,
        )
        .all(kind, skeleton, corpusId, limit) as EntityRow[];
    },
  };
}

/** Entities written: rows, names, aliases, mentions and roles. */
function entityRows(
  db: Db,
  corpusId: number,
): Pick<
  DocumentWriter,
  'insertEntity' | 'setAffiliation' | 'renameEntity' | 'addAliases' | 'addMention' | 'addRole' | 'recountMentions'
> {
  return {
    async insertEntity(e) {
      return insertId(
        db,
        `INSERT INTO entities (corpus_id, kind, name, name_key, affiliation, place_kind, first_document_id)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        corpusId,
        e.kind,
        e.name,
        e.nameKey,
        e.affiliation,
        e.placeKind,
        e.documentId,
      );
    },
    async setAffiliation(id, affiliation) {
      run(db, 'UPDATE entities SET affiliation = ? WHERE id = ?', affiliation, id);
    },
    async renameEntity(id, kind, name, nameKey) {
      const taken = db
        .prepare('SELECT 1 FROM entities WHERE kind = ? AND name_key = ? AND corpus_id = ? AND id != ?')
        .get(kind, nameKey, corpusId, id);
      if (!taken) run(db, 'UPDATE entities SET name = ?, name_key = ? WHERE id = ?', name, nameKey, id);
      return !taken;
    },
    async addAliases(id, aliases) {
      const insert = db.prepare(
        'INSERT OR IGNORE INTO aliases (entity_id, alias, alias_key, skeleton) VALUES (?, ?, ?, ?)',
      );
      for (const a of aliases) insert.run(id, a.alias, a.key, a.skeleton);
    },
    async addMention(entityId, sentenceId) {
      run(db, 'INSERT OR IGNORE INTO mentions (entity_id, sentence_id) VALUES (?, ?)', entityId, sentenceId);
    },
    async addRole(entityId, role, affiliation, sentenceId) {
      run(
        db,
        'INSERT OR IGNORE INTO roles (entity_id, role, affiliation, sentence_id) VALUES (?, ?, ?, ?)',
        entityId,
        role,
        affiliation,
        sentenceId,
      );
    },
    async recountMentions(documentId) {
      run(
        db,
        `UPDATE entities SET mention_count = (SELECT count(*) FROM mentions m WHERE m.entity_id = entities.id)
         WHERE id IN (SELECT DISTINCT m.entity_id FROM mentions m JOIN sentences s ON s.id = m.sentence_id
         WHERE s.document_id = ?)`,
        documentId,
      );
    },
  };
}

/** Proposals found and written, with their aliases, reports and evidence. */
function proposalRows(
  db: Db,
  corpusId: number,
): Pick<
  DocumentWriter,
  | 'proposalsByKeys'
  | 'proposalsNear'
  | 'proposalCountries'
  | 'insertProposal'
  | 'addProposalAliases'
  | 'setProposalReport'
  | 'addProposalEvidence'
> {
  return {
    async proposalsByKeys(keys) {
      if (!keys.length) return [];
      const ids = db
        .prepare(
          `SELECT id FROM proposals WHERE corpus_id = ? AND name_key IN (${marks(keys.length)})
           UNION SELECT a.proposal_id FROM proposal_aliases a JOIN proposals p ON p.id = a.proposal_id
           WHERE p.corpus_id = ? AND a.alias_key IN (${marks(keys.length)})`,
        )
        .pluck()
        .all(corpusId, ...keys, corpusId, ...keys) as number[];
      return ids.sort((x, y) => x - y);
    },
    async proposalsNear() {
      // Every proposal of the corpus: a corpus holds hundreds, and the comparison is cheap beside the insert.
      return db.prepare('SELECT id, name_key AS key FROM proposals WHERE corpus_id = ? ORDER BY id').all(corpusId) as {
        id: number;
        key: string;
      }[];
    },
    async proposalCountries(id) {
      return db
        .prepare(
          `SELECT DISTINCT e.name FROM proposal_reports r
           JOIN sentences s ON s.document_id = r.document_id
           JOIN mentions m ON m.sentence_id = s.id
           JOIN entities e ON e.id = m.entity_id AND e.kind = 'place' AND e.place_kind = 'country'
           WHERE r.proposal_id = ?`,
        )
        .pluck()
        .all(id) as string[];
    },
    async insertProposal(name, key, documentId) {
      const taken = db.prepare('SELECT 1 FROM proposals WHERE name_key = ? AND corpus_id = ?').pluck();
      let unique = key;
      for (let n = 2; taken.get(unique, corpusId); n++) unique = `${key} #${n}`;
      return insertId(
        db,
        'INSERT INTO proposals (corpus_id, name, name_key, first_document_id) VALUES (?, ?, ?, ?)',
        corpusId,
        name,
        unique,
        documentId,
      );
    },
    async addProposalAliases(id, aliases) {
      const insert = db.prepare(
        'INSERT OR IGNORE INTO proposal_aliases (proposal_id, alias, alias_key) VALUES (?, ?, ?)',
      );
      for (const a of aliases) insert.run(id, a.alias, a.key);
    },
    async setProposalReport(id, documentId, status, proposedBy) {
      run(
        db,
        `INSERT OR REPLACE INTO proposal_reports (proposal_id, document_id, status, proposed_by)
         VALUES (?, ?, ?, ?)`,
        id,
        documentId,
        status,
        JSON.stringify(proposedBy),
      );
    },
    async addProposalEvidence(id, sentenceId) {
      run(db, 'INSERT OR IGNORE INTO proposal_evidence (proposal_id, sentence_id) VALUES (?, ?)', id, sentenceId);
    },
  };
}

/** Quotes and dates written. */
type QuoteAndDateRows = Pick<DocumentWriter, 'insertQuote' | 'insertDate'>;

function quoteAndDateRows(db: Db): QuoteAndDateRows {
  return {
    async insertQuote(sentenceId, speakerId, speakerName, text) {
      run(
        db,
        'INSERT INTO quotes (sentence_id, speaker_id, speaker_name, text) VALUES (?, ?, ?, ?)',
        sentenceId,
        speakerId,
        speakerName,
        text,
      );
    },
    async insertDate(d) {
      run(
        db,
        'INSERT INTO dates (sentence_id, text, iso, precision, what, what_key) VALUES (?, ?, ?, ?, ?, ?)',
        d.sentenceId,
        d.text,
        d.iso,
        d.precision,
        d.what,
        d.whatKey,
      );
    },
  };
}

/** Events found, written and derived. */
function eventRows(
  db: Db,
  corpusId: number,
): Pick<DocumentWriter, 'eventCandidates' | 'insertEvent' | 'addEventParticipants' | 'addEventSource'> {
  return {
    async eventCandidates(kind, placeKey, day, rawDate) {
      const rows = db
        .prepare(
          `SELECT e.id, (SELECT json_group_array(json_object('id', en.id, 'kind', en.kind, 'name', en.name))
                         FROM event_participants p JOIN entities en ON en.id = p.entity_id
                         WHERE p.event_id = e.id) AS who
           FROM events e WHERE e.corpus_id = ? AND e.kind = ? AND e.place_key = ? AND e.day IS ?
             AND (e.day IS NOT NULL OR e.raw_date IS ?)
           LIMIT 50`,
        )
        .all(corpusId, kind, placeKey, day, day ? null : rawDate) as { id: number; who: string }[];
      return rows.map((r) => ({ id: r.id, participants: JSON.parse(r.who) as Participant[] }));
    },
    async insertEvent(e) {
      return insertId(
        db,
        `INSERT INTO events (corpus_id, kind, place_id, place_key, day, precision, raw_date, label, first_document_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        corpusId,
        e.kind,
        e.placeId,
        e.placeKey,
        e.day,
        e.precision,
        e.rawDate,
        e.label,
        e.documentId,
      );
    },
    async addEventParticipants(id, entityIds) {
      const insert = db.prepare('INSERT OR IGNORE INTO event_participants (event_id, entity_id) VALUES (?, ?)');
      for (const p of entityIds) insert.run(id, p);
    },
    async addEventSource(s) {
      run(
        db,
        `INSERT OR IGNORE INTO event_sources (event_id, sentence_id, document_id, date_text, iso, precision, future)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        s.eventId,
        s.sentenceId,
        s.documentId,
        s.dateText,
        s.iso,
        s.precision,
        s.future ? 1 : 0,
      );
    },
  };
}

/** Events around a day of one kind and place, their links and disputes. */
function eventNeighbours(
  db: Db,
  corpusId: number,
): Pick<DocumentWriter, 'eventsBetween' | 'eventsOnDays' | 'eventsAround' | 'loneEvents'> {
  return {
    async eventsBetween(kind, placeKey, from, to, limit) {
      return eventKeys(
        db
          .prepare(
            `SELECT ${EVENT_KEY} FROM events WHERE corpus_id = ? AND kind = ? AND place_key = ?
             AND day BETWEEN ? AND ? AND length(day) = 10 LIMIT ?`,
          )
          .all(corpusId, kind, placeKey, from, to, limit),
      );
    },
    async eventsOnDays(kind, placeKey, days, limit) {
      if (!days.length) return [];
      return eventKeys(
        db
          .prepare(
            `SELECT ${EVENT_KEY} FROM events WHERE corpus_id = ? AND kind = ? AND place_key = ?
             AND day IN (${marks(days.length)}) LIMIT ?`,
          )
          .all(corpusId, kind, placeKey, ...days, limit),
      );
    },
    async eventsAround(kind, placeKey, day, exclude, limit) {
      const side = (op: '<' | '>', order: 'DESC' | 'ASC') =>
        db
          .prepare(
            `SELECT ${EVENT_KEY} FROM events WHERE corpus_id = ? AND kind = ? AND place_key = ? AND day ${op} ?
             AND length(day) = 10 AND id != ? ORDER BY day ${order} LIMIT ?`,
          )
          .all(corpusId, kind, placeKey, day, exclude, limit);
      return eventKeys([...side('<', 'DESC'), ...side('>', 'ASC')]);
    },
    async loneEvents(kind, placeKey, limit) {
      return eventKeys(
        db
          .prepare(
            `SELECT ${EVENT_KEY} FROM events WHERE corpus_id = ? AND kind = ? AND place_key = ? AND lone = 1 LIMIT ?`,
          )
          .all(corpusId, kind, placeKey, limit),
      );
    },
  };
}

/** What ties events to their participants and documents, their disputes, and events no source states. */
type EventLinkRows = Pick<DocumentWriter, 'eventLinks' | 'setDispute' | 'eventsOfDocument' | 'dropUnstatedEvent'>;

function eventLinkRows(db: Db): EventLinkRows {
  return {
    async eventLinks(ids) {
      const who = db.prepare(
        `SELECT p.entity_id AS id, e.kind FROM event_participants p JOIN entities e ON e.id = p.entity_id
         WHERE p.event_id = ?`,
      );
      const docs = db.prepare(
        `SELECT DISTINCT s.document_id AS id, d.published_at AS published FROM event_sources s
         JOIN documents d ON d.id = s.document_id WHERE s.event_id = ?`,
      );
      const links = new Map<number, EventLinks>();
      for (const id of ids)
        links.set(id, {
          participants: who.all(id) as { id: number; kind: EntityKind }[],
          documents: docs.all(id) as { id: number; published: string | null }[],
        });
      return links;
    },
    async setDispute(id, withId) {
      if (withId === undefined) {
        run(db, 'DELETE FROM event_disputes WHERE event_id = ?', id);
        return;
      }
      run(
        db,
        `INSERT OR REPLACE INTO event_disputes (event_id, with_event_id, document_id)
         VALUES (?, ?, (SELECT max(document_id) FROM event_sources WHERE event_id IN (?, ?)))`,
        id,
        withId,
        id,
        withId,
      );
    },
    async eventsOfDocument(documentId) {
      return eventKeys(
        db
          .prepare(
            `SELECT DISTINCT e.id, e.kind, e.day, e.place_key AS placeKey, e.future_only AS futureOnly
             FROM event_sources s JOIN events e ON e.id = s.event_id WHERE s.document_id = ?`,
          )
          .all(documentId),
      );
    },
    async dropUnstatedEvent(id) {
      return (
        run(
          db,
          'DELETE FROM events WHERE id = ? AND NOT EXISTS (SELECT 1 FROM event_sources s WHERE s.event_id = ?)',
          id,
          id,
        ).changes > 0
      );
    },
  };
}

/** An event's parts, and what is derived from them. */
type EventDerivedRows = Pick<DocumentWriter, 'eventParts' | 'updateEvent' | 'clearLone'>;

function eventDerivedRows(db: Db): EventDerivedRows {
  return {
    async eventParts(id, participants) {
      const row = db
        .prepare(
          `SELECT e.kind, e.place_key AS placeKey, e.day, pl.name AS place,
                  (SELECT coalesce(min(future), 0) FROM event_sources WHERE event_id = e.id) AS futureOnly
           FROM events e LEFT JOIN entities pl ON pl.id = e.place_id WHERE e.id = ?`,
        )
        .get(id) as
        { kind: string; placeKey: number; day: string | null; place: string | null; futureOnly: number } | undefined;
      if (!row) return null;
      const parts = db
        .prepare(
          `SELECT en.id, en.name, en.kind FROM event_participants p JOIN entities en ON en.id = p.entity_id
           WHERE p.event_id = ? ORDER BY p.rowid LIMIT ?`,
        )
        .all(id, participants) as Participant[];
      return { ...row, futureOnly: row.futureOnly === 1, participants: parts };
    },
    async updateEvent(id, d) {
      run(
        db,
        'UPDATE events SET label = ?, future_only = ?, lone = ? WHERE id = ?',
        d.label,
        d.futureOnly ? 1 : 0,
        d.lone ? 1 : 0,
        id,
      );
    },
    async clearLone(id) {
      run(db, 'UPDATE events SET lone = 0 WHERE id = ?', id);
    },
  };
}
