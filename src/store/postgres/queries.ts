import { ENTITY_DOCUMENTS_SHOWN, PLACE_REFS, PROPOSAL_ALIASES_SHOWN, ROLES_SHOWN } from '../read-bounds.ts';
import { fold, nameKey } from '../../text/names.ts';
import type {
  DateRow,
  EntityDetail,
  EntityKind,
  EntityMatch,
  PersonSummary,
  PlaceSummary,
  ProposalSummary,
  StoreQueries,
} from '../store.ts';
import { listEvents } from './events.ts';
import {
  asciiLower,
  asciiLowerJs,
  C,
  corpusIn,
  likeEscape,
  REF,
  REF_JOIN,
  row,
  rows,
  toRef,
  value,
  type CorpusIn,
  type Queryable,
  type RefRow,
} from './sql.ts';
import { matchesSql, textQueries } from './text-search.ts';

/** ASCII unit separator: joins a proposal's aliases in SQL, where no alias can hold it. */
const UNIT_SEPARATOR = String.fromCharCode(31);

const peopleSql = (c: CorpusIn, where: string) =>
  `SELECT e.id, e.name, e.affiliation,
          (SELECT string_agg(x.role, '|' ORDER BY x.role ${C}) FROM (SELECT DISTINCT role FROM roles r
           WHERE r.entity_id = e.id) x) AS roles,
          e.mention_count AS mentions
   FROM entities e WHERE e.kind = 'person' AND e.corpus_id ${c}${where}
   ORDER BY e.mention_count DESC, e.name ${C}, e.id LIMIT $1`;

const MENTIONS = `SELECT ${REF} FROM mentions m JOIN sentences s ON s.id = m.sentence_id ${REF_JOIN}
  WHERE m.entity_id = $1 ORDER BY m.sentence_id LIMIT $2`;

type Match = (kind: EntityKind | null, key: string, limit: number) => Promise<EntityMatch[]>;
const MATCH_HEAD = 'SELECT e.id, e.kind, e.name, e.affiliation';

/** An entity's own statements: what it is, its roles, where it is mentioned. */
async function entityDetail(db: Queryable, c: CorpusIn, id: number, mentionLimit: number) {
  const e = await row<Pick<EntityDetail, 'id' | 'kind' | 'name' | 'affiliation' | 'placeKind'>>(
    db,
    `SELECT id, kind, name, affiliation, place_kind AS "placeKind" FROM entities WHERE id = $1 AND corpus_id ${c}`,
    [id],
  );
  if (!e) return null;
  const [aliases, roles, mentions, count, documents, documentCount] = await Promise.all([
    rows<{ alias: string }>(
      db,
      `SELECT alias FROM aliases WHERE entity_id = $1 ORDER BY length(alias) DESC, alias ${C}`,
      [id],
    ),
    rows<RefRow & { role: string }>(
      db,
      `SELECT r.role, ${REF} FROM (SELECT DISTINCT ON (${asciiLower('role')}) role, sentence_id AS sid FROM roles
       WHERE entity_id = $1 ORDER BY ${asciiLower('role')}, sentence_id, role ${C}) r
       JOIN sentences s ON s.id = r.sid ${REF_JOIN} ORDER BY r.sid LIMIT ${ROLES_SHOWN}`,
      [id],
    ),
    rows<RefRow>(db, MENTIONS, [id, mentionLimit]),
    value<number>(db, 'SELECT mention_count FROM entities WHERE id = $1', [id]),
    rows<EntityDetail['documents'][number]>(
      db,
      // Materialized: from the entity's mentions, never a walk of every sentence in document order.
      `WITH x AS MATERIALIZED (SELECT DISTINCT s.document_id FROM mentions m
         JOIN sentences s ON s.id = m.sentence_id WHERE m.entity_id = $1)
       SELECT d.id, d.title, d.url FROM x JOIN documents d ON d.id = x.document_id
       ORDER BY d.id LIMIT ${ENTITY_DOCUMENTS_SHOWN}`,
      [id],
    ),
    value<number>(
      db,
      `SELECT count(DISTINCT s.document_id) FROM mentions m JOIN sentences s ON s.id = m.sentence_id
       WHERE m.entity_id = $1`,
      [id],
    ),
  ]);
  return {
    ...e,
    aliases: aliases.map((a) => a.alias).filter((a) => a !== e.name),
    roles: roles.map((r) => ({ role: r.role, ref: toRef(r) })),
    mentions: mentions.map(toRef),
    mentionCount: count,
    documents,
    documentCount,
  };
}

/** Finding entities by what someone typed: an alias key exactly, then a key's word start, then a role. */
function entityMatchers(db: Queryable, c: CorpusIn): { exact: Match; partial: Match; byRole: Match } {
  // Ties go as SQLite's plan lists them: grouped by entity, equal counts come out newest entity first.
  const byAlias = (where: string) =>
    `${MATCH_HEAD}, min(a.alias ${C}) AS matched FROM aliases a JOIN entities e ON e.id = a.entity_id
     WHERE ${where} AND ($1::text IS NULL OR e.kind = $1) AND e.corpus_id ${c} GROUP BY e.id
     ORDER BY e.mention_count DESC, e.id DESC`;
  return {
    exact: (kind, key, limit) => rows(db, `${byAlias('a.alias_key = $2')} LIMIT $3`, [kind, key, limit]),
    // A key that starts with the typed key, or has a word that does: one pattern over the trigram index.
    partial: (kind, key, limit) =>
      rows(db, `${byAlias("(' ' || a.alias_key) LIKE $2 ESCAPE '\\'")} LIMIT $3`, [
        kind,
        `% ${likeEscape(key)}%`,
        limit,
      ]),
    byRole: (_kind, text, limit) =>
      rows(
        db,
        `${MATCH_HEAD}, min(r.role ${C}) AS matched FROM entity_roles r JOIN entities e ON e.id = r.entity_id
         WHERE ${asciiLower('r.role')} LIKE $1 ESCAPE '\\' AND e.corpus_id ${c} GROUP BY e.id
         ORDER BY sum(r.sentences) DESC, e.id DESC LIMIT $2`,
        [`%${likeEscape(text)}%`, limit],
      ),
  };
}

function entityQueries(
  db: Queryable,
  c: CorpusIn,
): Pick<StoreQueries, 'listPeople' | 'findEntities' | 'firstRef' | 'topNames' | 'entity'> {
  const match = entityMatchers(db, c);
  return {
    async listPeople(limit, filter = {}) {
      const affiliations = [...new Set(filter.affiliations?.filter(Boolean) ?? [])];
      const where = affiliations.length ? ` AND ${asciiLower('e.affiliation')} = ANY($2::text[])` : '';
      const params = affiliations.length ? [limit, affiliations.map(asciiLowerJs)] : [limit];
      const found = await rows<Omit<PersonSummary, 'roles'> & { roles: string | null }>(
        db,
        peopleSql(c, where),
        params,
      );
      return found.map((r) => ({ ...r, roles: r.roles ? r.roles.split('|') : [] }));
    },

    async findEntities(kind, text, limit) {
      const key = nameKey(text.replace(/^(the|a|an)\s+/i, ''));
      if (!key) return [];
      const found = await match.exact(kind, key, limit);
      if (found.length) return found;
      const partial = await match.partial(kind, key, limit);
      if (partial.length || (kind && kind !== 'person')) return partial;
      return match.byRole(kind, fold(text).replace(/^(the|a|an)\s+/, ''), limit);
    },

    async firstRef(id) {
      const r = await row<RefRow>(
        db,
        `SELECT ${REF} FROM sentences s ${REF_JOIN} WHERE s.id = coalesce(
           (SELECT min(sentence_id) FROM roles WHERE entity_id = $1),
           (SELECT min(sentence_id) FROM mentions WHERE entity_id = $1)) AND d.corpus_id ${c}`,
        [id],
      );
      return r ? toRef(r) : null;
    },

    async topNames(kind, limit) {
      const found = await rows<{ name: string }>(
        db,
        `SELECT name FROM entities WHERE kind = $1 AND corpus_id ${c} ORDER BY mention_count DESC, name ${C}, id
         LIMIT $2`,
        [kind, limit],
      );
      return found.map((r) => r.name);
    },

    entity: (id, mentionLimit) => entityDetail(db, c, id, mentionLimit),
  };
}

/** Every name and alias, narrowed by alias key (a prefix as LIKE 'p%', which the text_pattern_ops index serves). */
function allNames(db: Queryable, c: CorpusIn): StoreQueries['allNames'] {
  return async (kind, narrow = {}) => {
    const { keys = [], prefixes = [], wordPrefix, limit = -1 } = narrow;
    const params: unknown[] = [kind ?? null, limit < 0 ? null : limit];
    const p = (v: unknown) => `$${params.push(v)}`;
    const or: string[] = [];
    if (keys.length) or.push(`a.alias_key = ANY(${p(keys)}::text[])`);
    for (const prefix of prefixes.filter(Boolean)) or.push(`a.alias_key LIKE ${p(`${likeEscape(prefix)}%`)}`);
    if (wordPrefix) {
      const w = likeEscape(wordPrefix);
      or.push(`a.alias_key LIKE ${p(`${w}%`)} OR a.alias_key LIKE ${p(`% ${w}%`)}`);
    }
    if ((keys.length || prefixes.length || wordPrefix) && !or.length) return [];
    // Ties in SQLite's order: its scan of entities by (corpus, kind, name key), then of their aliases.
    return rows(
      db,
      `SELECT e.id, e.kind, e.name, a.alias FROM aliases a JOIN entities e ON e.id = a.entity_id
       WHERE ($1::text IS NULL OR e.kind = $1) AND e.corpus_id ${c}${or.length ? ` AND (${or.join(' OR ')})` : ''}
       ORDER BY e.mention_count DESC, e.corpus_id, e.kind, e.name_key ${C}, a.alias ${C} LIMIT $2`,
      params,
    );
  };
}

type ReportRow = Omit<ProposalSummary['reports'][number], 'proposedBy' | 'ref'> & {
  proposedBy: string;
  sid: number | null;
};

/** One proposal's detail: its other names, its reports (newest first), its first supporting sentences. */
async function proposalDetail(
  db: Queryable,
  p: { id: number; name: string; evidenceCount: number },
  evidence: number,
  reports: number,
): Promise<ProposalSummary> {
  const [aliases, reported, refs] = await Promise.all([
    rows<{ alias: string }>(
      db,
      `SELECT alias FROM proposal_aliases WHERE proposal_id = $1 AND alias_key <> (SELECT name_key FROM proposals
       WHERE id = $1) ORDER BY alias_key ${C} LIMIT ${PROPOSAL_ALIASES_SHOWN}`,
      [p.id],
    ),
    rows<ReportRow & RefRow>(
      db,
      `SELECT r.document_id AS "documentId", d.title AS document, r.status, r.proposed_by AS "proposedBy",
              d.published_at AS date, x.sid, d.url, s.idx AS "sentenceIndex", s.text AS sentence
       FROM proposal_reports r JOIN documents d ON d.id = r.document_id
       LEFT JOIN LATERAL (SELECT min(es.id) AS sid FROM sentences es
         JOIN proposal_evidence pe ON pe.sentence_id = es.id AND pe.proposal_id = r.proposal_id
         WHERE es.document_id = r.document_id) x ON true
       LEFT JOIN sentences s ON s.id = x.sid
       WHERE r.proposal_id = $1
       ORDER BY r.dated ${C} DESC, r.document_id DESC LIMIT $2`,
      [p.id, reports],
    ),
    rows<RefRow>(
      db,
      `SELECT ${REF} FROM proposal_evidence pe JOIN sentences s ON s.id = pe.sentence_id ${REF_JOIN}
       WHERE pe.proposal_id = $1 ORDER BY pe.sentence_id LIMIT $2`,
      [p.id, evidence],
    ),
  ]);
  return {
    id: p.id,
    name: p.name,
    evidenceCount: p.evidenceCount,
    aliases: aliases.map((a) => a.alias),
    reports: reported.map((r) => ({
      documentId: r.documentId,
      document: r.document,
      date: r.date,
      status: r.status,
      proposedBy: JSON.parse(r.proposedBy) as string[],
      ref: r.sid ? toRef(r) : null,
    })),
    evidence: refs.map(toRef),
  };
}

type ProposalHead = { id: number; name: string; evidenceCount: number };
const PROPOSAL_HEAD = `SELECT p.id, p.name,
  (SELECT count(*) FROM proposal_evidence e WHERE e.proposal_id = p.id) AS "evidenceCount" FROM proposals p`;

function placeAndProposalQueries(
  db: Queryable,
  c: CorpusIn,
): Pick<StoreQueries, 'listPlaces' | 'listProposals' | 'proposalNames'> {
  return {
    async listPlaces(limit) {
      const places = await rows<Omit<PlaceSummary, 'refs'>>(
        db,
        `SELECT id, name, place_kind AS "placeKind", mention_count AS mentions FROM entities
         WHERE kind = 'place' AND corpus_id ${c} ORDER BY mention_count DESC, name ${C}, id LIMIT $1`,
        [limit],
      );
      const refs = await Promise.all(places.map((p) => rows<RefRow>(db, MENTIONS, [p.id, PLACE_REFS])));
      return places.map((p, i) => ({ ...p, refs: refs[i].map(toRef) }));
    },

    async listProposals({ limit, evidence, reports = 10, ids }) {
      const heads = ids
        ? await rows<ProposalHead>(
            db,
            `${PROPOSAL_HEAD} WHERE p.id = ANY($1::bigint[]) AND p.corpus_id ${c}
             ORDER BY array_position($1::bigint[], p.id)`,
            [ids],
          )
        : await rows<ProposalHead>(db, `${PROPOSAL_HEAD} WHERE p.corpus_id ${c} ORDER BY 3 DESC, p.id LIMIT $1`, [
            limit,
          ]);
      return Promise.all(heads.map((p) => proposalDetail(db, p, evidence, reports)));
    },

    async proposalNames() {
      const found = await rows<{ id: number; name: string; aliases: string | null }>(
        db,
        `SELECT p.id, p.name, (SELECT string_agg(alias, $1 ORDER BY alias_key ${C}) FROM proposal_aliases a
         WHERE a.proposal_id = p.id) AS aliases FROM proposals p WHERE p.corpus_id ${c} ORDER BY p.corpus_id, p.id`,
        [UNIT_SEPARATOR],
      );
      return found.map((p) => ({ id: p.id, name: p.name, aliases: p.aliases ? p.aliases.split(UNIT_SEPARATOR) : [] }));
    },
  };
}

type QuoteRowSql = RefRow & { id: number; speaker: string | null; speakerId: number | null; text: string };

/**
 * The speaker names, as typed on quotes no entity was found for, that name one of these entities by alias key:
 * SQLite asks its parley_name_key() SQL function; here the key is taken in TypeScript over the distinct names.
 */
async function speakerNamesOf(db: Queryable, c: CorpusIn, speakerIds: number[]): Promise<string[]> {
  const [keys, names] = await Promise.all([
    rows<{ k: string }>(db, 'SELECT DISTINCT alias_key AS k FROM aliases WHERE entity_id = ANY($1::bigint[])', [
      speakerIds,
    ]),
    rows<{ n: string }>(
      db,
      `SELECT DISTINCT qt.speaker_name AS n FROM quotes qt JOIN sentences s ON s.id = qt.sentence_id ${REF_JOIN}
       WHERE qt.speaker_id IS NULL AND qt.speaker_name <> '' AND d.corpus_id ${c}`,
    ),
  ]);
  const wanted = new Set(keys.map((r) => r.k));
  return names.map((r) => r.n).filter((n) => wanted.has(nameKey(n.replace(/^(the|a|an)\s+/i, ''))));
}

function quoteAndDateQueries(db: Queryable, c: CorpusIn): Pick<StoreQueries, 'listQuotes' | 'listDates'> {
  return {
    async listQuotes({ speakerIds, aboutMatch, limit }) {
      // A quote is what someone said: scare-quoted phrases and titles (no speaker) are not listed or counted.
      // A quote carries its corpus and whether it is attributed (migration 6): counted off quotes_by_corpus.
      const where = ['qt.attributed', `qt.corpus_id ${c}`];
      const params: unknown[] = [];
      const p = (v: unknown) => `$${params.push(v)}`;
      if (speakerIds?.length) {
        const names = await speakerNamesOf(db, c, speakerIds);
        where.push(
          `(qt.speaker_id = ANY(${p(speakerIds)}::bigint[])
           OR (qt.speaker_id IS NULL AND qt.speaker_name = ANY(${p(names)}::text[])))`,
        );
      }
      if (aboutMatch) where.push(matchesSql(aboutMatch, p));
      const clause = `WHERE ${where.join(' AND ')}`;
      // A filtered list is its matching quotes first (by speaker, or each matching sentence's quotes: OFFSET 0 keeps
      // that a loop over the sentences, not a scan of every quote), then ordered: never a walk of every quote in id
      // order that a rare speaker's few quotes leave short of the limit.
      const matched = aboutMatch
        ? `SELECT qt.id FROM sentences s
           CROSS JOIN LATERAL (SELECT * FROM quotes q WHERE q.sentence_id = s.id OFFSET 0) qt ${clause}`
        : `SELECT qt.id FROM quotes qt ${clause}`;
      const head = `SELECT qt.id, coalesce(e.name, qt.speaker_name) AS speaker, qt.speaker_id AS "speakerId", qt.text,
        ${REF}`;
      const joins = `JOIN sentences s ON s.id = qt.sentence_id ${REF_JOIN}
        LEFT JOIN entities e ON e.id = qt.speaker_id`;
      const n = `$${params.length + 1}`;
      const [total, found] = await Promise.all([
        value<number>(db, `SELECT count(*) FROM (${matched}) m`, params),
        rows<QuoteRowSql>(
          db,
          speakerIds?.length || aboutMatch
            ? `WITH m AS MATERIALIZED (${matched})
               ${head} FROM m JOIN quotes qt ON qt.id = m.id ${joins} ORDER BY qt.id LIMIT ${n}`
            : `${head} FROM quotes qt ${joins} ${clause} ORDER BY qt.id LIMIT ${n}`,
          [...params, limit],
        ),
      ]);
      return {
        total,
        rows: found.map((r) => ({ id: r.id, speaker: r.speaker, speakerId: r.speakerId, text: r.text, ref: toRef(r) })),
      };
    },

    async listDates({ dated, limit, newestFirst = false, afterDocumentId = 0 }) {
      const params: unknown[] = afterDocumentId ? [afterDocumentId] : [];
      const after = afterDocumentId ? ' AND s.document_id > $1' : '';
      const from = `FROM dates t JOIN sentences s ON s.id = t.sentence_id ${REF_JOIN}
        WHERE t.iso IS ${dated ? 'NOT ' : ''}NULL AND d.corpus_id ${c}${after}`;
      const dir = newestFirst ? 'DESC' : 'ASC';
      const order = dated ? `t.iso ${C} ${dir}, t.sentence_id, t.id` : `t.sentence_id ${dir}, t.id`;
      const [total, found] = await Promise.all([
        value<number>(db, `SELECT count(*) ${from}`, params),
        rows<RefRow & Omit<DateRow, 'ref'>>(
          db,
          `SELECT t.id, t.text, t.iso, t.precision, t.what, d.published_at AS "publishedAt", ${REF}
           ${from} ORDER BY ${order} LIMIT $${params.length + 1}`,
          [...params, limit],
        ),
      ]);
      return {
        total,
        rows: found.map((r) => ({
          id: r.id,
          text: r.text,
          iso: r.iso,
          precision: r.precision,
          what: r.what,
          publishedAt: r.publishedAt,
          ref: toRef(r),
        })),
      };
    },
  };
}

/** The read side of the PostgreSQL store over the corpora with these ids, the same answers as sqliteQueries. */
export function postgresQueries(db: Queryable, readable: readonly number[]): StoreQueries {
  const c = corpusIn(readable);
  const { search, termFrequencies, sentenceRefs } = textQueries(db, c);
  return {
    ...entityQueries(db, c),
    allNames: allNames(db, c),
    ...placeAndProposalQueries(db, c),
    ...quoteAndDateQueries(db, c),
    listEvents: (o) => listEvents(db, c, o),
    search,
    termFrequencies,
    sentenceRefs,
  };
}
