import { NEWS_DATES, NEWS_EVENTS } from '../read-bounds.ts';
import type { DigestStore, DocumentRow, News, StoreQueries } from '../store.ts';
import { disputeRows, listEvents } from './events.ts';
import {
  C,
  DOCUMENT_ROW,
  REF,
  REF_JOIN,
  rows,
  toRef,
  value,
  type CorpusIn,
  type Queryable,
  type RefRow,
} from './sql.ts';

/** People new to the story, or with a role new since `after`, each cited where first mentioned since. */
async function newPeople(db: Queryable, c: CorpusIn, after: number): Promise<News['people']> {
  const found = await rows<RefRow & { name: string; affiliation: string | null; isNew: boolean; role: string | null }>(
    db,
    `SELECT x.name, x.affiliation, x."isNew", x.role, ${REF} FROM (
       SELECT e.id, e.name, e.affiliation, coalesce(e.first_document_id > $1, false) AS "isNew",
              (SELECT r.role FROM roles r JOIN sentences rs ON rs.id = r.sentence_id
               WHERE r.entity_id = e.id AND rs.document_id > $1 ORDER BY r.role ${C}, r.sentence_id LIMIT 1) AS role,
              min(s.id) AS sid, count(*) AS n
       FROM entities e JOIN mentions m ON m.entity_id = e.id JOIN sentences s ON s.id = m.sentence_id
       WHERE e.kind = 'person' AND e.corpus_id ${c} AND s.document_id > $1 GROUP BY e.id) x
     JOIN sentences s ON s.id = x.sid ${REF_JOIN}
     WHERE x."isNew" OR x.role IS NOT NULL ORDER BY x."isNew" DESC, x.n DESC, x.id`,
    [after],
  );
  return found.map((p) => ({ name: p.name, affiliation: p.affiliation, isNew: p.isNew, role: p.role, ref: toRef(p) }));
}

/** Proposals new since `after`, or whose status changed since. */
async function proposalChanges(db: Queryable, c: CorpusIn, after: number): Promise<News['proposals']> {
  const reports = await rows<{
    id: number;
    name: string;
    status: string | null;
    isNew: boolean;
    before: string | null;
  }>(
    db,
    `SELECT p.id, p.name, r.status, coalesce(p.first_document_id > $1, false) AS "isNew",
            (SELECT r0.status FROM proposal_reports r0 WHERE r0.proposal_id = p.id AND r0.document_id <= $1
             ORDER BY r0.document_id DESC LIMIT 1) AS before
     FROM proposal_reports r JOIN proposals p ON p.id = r.proposal_id
     WHERE r.document_id > $1 AND p.corpus_id ${c} ORDER BY r.document_id, p.corpus_id, p.id`,
    [after],
  );
  const seen = new Set<number>();
  const changes = reports.filter((r) => {
    if (seen.has(r.id)) return false;
    const changed = !r.isNew && r.status && r.status !== r.before;
    if (!r.isNew && !changed) return false;
    seen.add(r.id);
    return true;
  });
  const refs = await rows<RefRow & { proposalId: number }>(
    db,
    `SELECT DISTINCT ON (e.proposal_id) e.proposal_id AS "proposalId", ${REF}
     FROM proposal_evidence e JOIN sentences s ON s.id = e.sentence_id ${REF_JOIN}
     WHERE e.proposal_id = ANY($1::bigint[]) AND s.document_id > $2 ORDER BY e.proposal_id, s.document_id, s.idx`,
    [changes.map((r) => r.id), after],
  );
  const refOf = new Map(refs.map((r) => [r.proposalId, toRef(r)]));
  return changes.map((r) => ({
    name: r.name,
    change: r.isNew ? 'new' : 'status',
    status: r.status,
    before: r.before,
    ref: refOf.get(r.id) ?? null,
  }));
}

/** Attributed quotes since `after`, in document order. */
async function newQuotes(db: Queryable, c: CorpusIn, after: number): Promise<News['quotes']> {
  const found = await rows<RefRow & { id: number; speaker: string | null; speakerId: number | null; text: string }>(
    db,
    `SELECT qt.id, coalesce(e.name, qt.speaker_name) AS speaker, qt.speaker_id AS "speakerId", qt.text, ${REF}
     FROM quotes qt JOIN sentences s ON s.id = qt.sentence_id ${REF_JOIN} LEFT JOIN entities e ON e.id = qt.speaker_id
     WHERE s.document_id > $1 AND d.corpus_id ${c} AND qt.speaker_id IS NOT NULL ORDER BY s.document_id, s.idx, qt.id`,
    [after],
  );
  return found.map((r) => ({ id: r.id, speaker: r.speaker, speakerId: r.speakerId, text: r.text, ref: toRef(r) }));
}

const latestDocument = async (db: Queryable, c: CorpusIn) =>
  value<number>(db, `SELECT coalesce(max(id), 0) FROM documents WHERE corpus_id ${c}`);

/** What is new since a document: what a digest tells. */
export function newsStore(
  db: Queryable,
  c: CorpusIn,
  queries: Pick<StoreQueries, 'listDates'>,
): Pick<DigestStore, 'latestDocumentId' | 'news'> {
  return {
    latestDocumentId: () => latestDocument(db, c),

    async news(after) {
      const [latestDocumentId, documents] = await Promise.all([
        latestDocument(db, c),
        rows<DocumentRow>(
          db,
          `SELECT ${DOCUMENT_ROW} FROM documents d WHERE d.id > $1 AND d.corpus_id ${c} ORDER BY d.id`,
          [after],
        ),
      ]);
      if (!documents.length) {
        const none = { people: [], proposals: [], quotes: [], dates: [], events: [], conflicts: [] };
        return { latestDocumentId, documents, ...none };
      }
      const [dates, events, people, proposals, quotes, conflicts] = await Promise.all([
        queries.listDates({ dated: true, limit: NEWS_DATES, afterDocumentId: after }),
        listEvents(db, c, {
          dated: true,
          limit: NEWS_EVENTS,
          newestFirst: true,
          happened: true,
          afterDocumentId: after,
        }),
        newPeople(db, c, after),
        proposalChanges(db, c, after),
        newQuotes(db, c, after),
        disputeRows(db, c, after),
      ]);
      return {
        latestDocumentId,
        documents,
        people,
        proposals,
        quotes,
        dates: dates.rows,
        events: events.rows,
        conflicts,
      };
    },
  };
}
