import type { Db } from '../../src/store/sqlite.ts';
import type { Pool } from '../../src/store/postgres/pool.ts';
import { postgresWrite } from '../../src/store/postgres/write.ts';
import type { Store } from '../../src/store/store.ts';

/**
 * What the ingest code (ingestPaths, ingestDocument, forgetDocument) asks of a store, over PostgreSQL: the content
 * check ingest makes before extracting, and one transaction per document.
 */
export function pgIngestStore(pool: Pool, corpusId: number, readable: number[]): Store {
  const writes = {
    write: <T>(work: Parameters<Store['write']>[0]) => postgresWrite(pool, corpusId, readable, work) as Promise<T>,
    documentWithHash: (hash: string) => postgresWrite(pool, corpusId, readable, (w) => w.documentWithHash(hash)),
  };
  return writes as unknown as Store;
}

type Row = Record<string, unknown>;
type Query = (sql: string) => Promise<Row[]>;

/** Every fact table of one corpus, read the same way from either database (`order`: the participants' join order). */
const TABLES = (c: number, order: string): Record<string, string> => {
  const ofDoc = (t: string) => `FROM ${t} t JOIN documents d ON d.id = t.document_id WHERE d.corpus_id = ${c}`;
  const ofSentence = (t: string) =>
    `FROM ${t} t JOIN sentences s ON s.id = t.sentence_id JOIN documents d ON d.id = s.document_id
     WHERE d.corpus_id = ${c}`;
  const ofEntity = (t: string) => `FROM ${t} t JOIN entities e ON e.id = t.entity_id WHERE e.corpus_id = ${c}`;
  const ofProposal = (t: string) => `FROM ${t} t JOIN proposals p ON p.id = t.proposal_id WHERE p.corpus_id = ${c}`;
  const ofEvent = (t: string) => `FROM ${t} t JOIN events e ON e.id = t.event_id WHERE e.corpus_id = ${c}`;
  return {
    documents: `SELECT id, key, content_hash, title, source, url, published_at, tags, body FROM documents
                WHERE corpus_id = ${c}`,
    sentences: `SELECT t.id, t.document_id, t.idx, t.start_offset, t.end_offset, t.text ${ofDoc('sentences')}`,
    entities: `SELECT id, kind, name, name_key, affiliation, place_kind, first_document_id, mention_count
               FROM entities WHERE corpus_id = ${c}`,
    aliases: `SELECT t.entity_id, t.alias, t.alias_key, t.skeleton ${ofEntity('aliases')}`,
    roles: `SELECT t.entity_id, t.role, t.affiliation, t.sentence_id ${ofEntity('roles')}`,
    mentions: `SELECT t.entity_id, t.sentence_id ${ofEntity('mentions')}`,
    proposals: `SELECT id, name, name_key, first_document_id FROM proposals WHERE corpus_id = ${c}`,
    proposal_aliases: `SELECT t.proposal_id, t.alias, t.alias_key ${ofProposal('proposal_aliases')}`,
    proposal_reports: `SELECT t.id, t.proposal_id, t.document_id, t.status, t.proposed_by
                       ${ofProposal('proposal_reports')}`,
    proposal_evidence: `SELECT t.proposal_id, t.sentence_id ${ofProposal('proposal_evidence')}`,
    quotes: `SELECT t.id, t.sentence_id, t.speaker_id, t.speaker_name, t.text ${ofSentence('quotes')}`,
    dates: `SELECT t.id, t.sentence_id, t.text, t.iso, t.precision, t.what, t.what_key ${ofSentence('dates')}`,
    events: `SELECT id, kind, place_id, place_key, day, precision, raw_date, label, future_only, lone, first_document_id
             FROM events WHERE corpus_id = ${c}`,
    event_participants: `SELECT t.event_id, t.entity_id, t.${order} AS ord ${ofEvent('event_participants')}`,
    event_sources: `SELECT t.event_id, t.sentence_id, t.document_id, t.date_text, t.iso, t.precision, t.future
                    ${ofEvent('event_sources')}`,
    event_disputes: `SELECT t.event_id, t.with_event_id, t.document_id ${ofEvent('event_disputes')}`,
  };
};

/** The table each id column points into. */
const POINTS_AT: Record<string, string> = {
  document_id: 'documents',
  first_document_id: 'documents',
  sentence_id: 'sentences',
  entity_id: 'entities',
  speaker_id: 'entities',
  place_id: 'entities',
  proposal_id: 'proposals',
  event_id: 'events',
  with_event_id: 'events',
};

/**
 * A corpus's facts with every id replaced by its rank in its table (ids are given in the order rows are made, so
 * two databases written the same way rank alike) and each table's rows sorted: equal when the facts are.
 */
export async function dumpCorpus(
  query: Query,
  corpusId: number,
  participantOrder: string,
): Promise<Record<string, Row[]>> {
  const raw: Record<string, Row[]> = {};
  for (const [table, sql] of Object.entries(TABLES(corpusId, participantOrder))) raw[table] = await query(sql);
  const ranks: Record<string, Map<unknown, number>> = {};
  const rank = (rows: Row[], column: string) =>
    new Map(
      rows
        .map((r) => Number(r[column]))
        .sort((a, b) => a - b)
        .map((id, i) => [id, i + 1]),
    );
  for (const [table, rows] of Object.entries(raw)) if (rows[0] && 'id' in rows[0]) ranks[table] = rank(rows, 'id');
  ranks.event_participants = rank(raw.event_participants, 'ord');
  const mapped = (table: string, r: Row): Row =>
    Object.fromEntries(
      Object.entries(r).map(([k, v]) => {
        if (v === null) return [k, v];
        if (k === 'id') return [k, ranks[table].get(Number(v))];
        if (k === 'ord') return [k, ranks.event_participants.get(Number(v))];
        if (k === 'place_key') return [k, Number(v) > 0 ? `#${ranks.entities.get(Number(v))}` : 'no place'];
        const target = POINTS_AT[k];
        return [k, target ? (ranks[target]?.get(Number(v)) ?? `gone ${v}`) : v];
      }),
    );
  return Object.fromEntries(
    Object.entries(raw).map(([table, rows]) => {
      const out = rows.map((r) => mapped(table, r));
      return [
        table,
        out
          .map((r) => JSON.stringify(r))
          .sort()
          .map((s) => JSON.parse(s) as Row),
      ];
    }),
  );
}

export const sqliteQuery =
  (db: Db): Query =>
  async (sql) =>
    db.prepare(sql).all() as Row[];

export const pgQuery =
  (pool: Pool): Query =>
  async (sql) =>
    (await pool.query(sql)).rows as Row[];
