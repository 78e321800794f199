import {
  ENTITY_DOCUMENTS_SHOWN,
  likeEscape,
  MIN_SEARCH_CANDIDATES,
  PLACE_REFS,
  PROPOSAL_ALIASES_SHOWN,
  ROLES_SHOWN,
  SEARCH_CANDIDATES_PER_HIT,
  toRef,
  type RefRow,
} from './read-bounds.ts';
import Database from 'better-sqlite3';
import { fold, nameKey } from '../text/names.ts';
import type { Db } from './sqlite.ts';
import type {
  DateRow,
  EntityDetail,
  EntityKind,
  EntityMatch,
  PersonSummary,
  PlaceSummary,
  ProposalSummary,
  StoreQueries,
} from './store.ts';

export { toRef, type RefRow } from './read-bounds.ts';

export const REF = `s.document_id AS documentId, d.title AS document, d.url AS url,
  s.idx AS sentenceIndex, s.text AS sentence`;
const REF_JOIN = `JOIN documents d ON d.id = s.document_id`;

/** Sorts after any character a key holds, so [p, p + KEY_RANGE_END) is every key that starts with p. */
const KEY_RANGE_END = '\uffff';
/** ASCII unit separator: joins a proposal's aliases in SQL, where no alias can hold it. */
const UNIT_SEPARATOR = 31;

/**
 * The sentence index's own tokenizer, run on loose words: what each word is indexed as (lower-cased, stemmed;
 * none, one or several terms). A private in-memory table with the index's tokenize option, so the store is not touched.
 */
function indexTokenizer(db: Db): (words: string[]) => string[][] {
  const schema = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'sentences_fts'").pluck().get() as
    string | undefined;
  const tokenize = /\btokenize\s*=\s*('(?:[^']|'')*')/i.exec(schema ?? '')?.[1] ?? "'unicode61'";
  const mem = new Database(':memory:');
  mem.exec(
    `CREATE VIRTUAL TABLE words USING fts5(w, tokenize=${tokenize}); CREATE VIRTUAL TABLE tokens
     USING fts5vocab(words, 'instance');`,
  );
  const clear = mem.prepare('DELETE FROM words');
  const put = mem.prepare('INSERT INTO words (rowid, w) VALUES (?, ?)');
  const read = mem.prepare('SELECT doc, term FROM tokens ORDER BY doc, offset');
  return mem.transaction((words: string[]) => {
    clear.run();
    words.forEach((w, i) => put.run(i + 1, w));
    const out = words.map((): string[] => []);
    for (const r of read.all() as { doc: number; term: string }[]) out[r.doc - 1].push(r.term);
    return out;
  });
}

/**
 * The corpora a read may see, as SQL: "IN (1,4)". Built from integer corpus ids only (see corpusIn), so it is safe
 * to put in a statement; every read below filters its rows' corpus (or its sentences' document's corpus) by it.
 */
export type CorpusIn = string & { readonly corpusIn: unique symbol };

export function corpusIn(ids: number[]): CorpusIn {
  if (!ids.length || !ids.every(Number.isInteger)) throw new Error(`bad corpus ids: ${ids.join(',')}`);
  return `IN (${ids.join(',')})` as CorpusIn;
}

/** The ids a corpusIn holds, for a query run once per corpus. */
export function corpusIds(c: CorpusIn): number[] {
  return (c.match(/\d+/g) ?? []).map(Number);
}

const peopleSql = (c: CorpusIn, where: string) =>
  `SELECT e.id, e.name, e.affiliation,
          (SELECT group_concat(role, '|') FROM (SELECT DISTINCT role FROM roles r WHERE r.entity_id = e.id)) AS roles,
          e.mention_count AS mentions
   FROM (SELECT id FROM entities WHERE kind = 'person' AND corpus_id ${c}${where}
         ORDER BY mention_count DESC, name LIMIT ?) page
   JOIN entities e ON e.id = page.id ORDER BY e.mention_count DESC, e.name`;

const quotesSql = (where: string) =>
  `SELECT qt.id, coalesce(e.name, qt.speaker_name) AS speaker, qt.speaker_id AS speakerId, qt.text, ${REF}
   FROM quotes qt JOIN sentences s ON s.id = qt.sentence_id ${REF_JOIN} LEFT JOIN entities e ON e.id = qt.speaker_id
   ${where}`;

/** Statements about one entity: what it is, its roles, where it is mentioned. */
const entityStatements = (db: Db, c: CorpusIn) => ({
  people: db.prepare(peopleSql(c, '')),
  entityById: db.prepare(
    `SELECT id, kind, name, affiliation, place_kind AS placeKind FROM entities WHERE id = ? AND corpus_id ${c}`,
  ),
  aliases: db.prepare('SELECT alias FROM aliases WHERE entity_id = ? ORDER BY length(alias) DESC'),
  // Sentence ids grow with documents and positions, so ordering by them is document order, straight off the index.
  roles: db.prepare(
    `SELECT r.role, ${REF} FROM (SELECT role, min(sentence_id) AS sid FROM roles WHERE entity_id = ?
     GROUP BY lower(role) ORDER BY sid LIMIT ${ROLES_SHOWN}) r
     JOIN sentences s ON s.id = r.sid ${REF_JOIN} ORDER BY r.sid`,
  ),
  mentions: db.prepare(
    `SELECT ${REF} FROM mentions m JOIN sentences s ON s.id = m.sentence_id ${REF_JOIN} WHERE m.entity_id = ?
     ORDER BY m.sentence_id LIMIT ?`,
  ),
  mentionCount: db.prepare('SELECT mention_count FROM entities WHERE id = ?').pluck(),
  entityDocs: db.prepare(
    `SELECT d.id, d.title, d.url FROM documents d
     WHERE d.id IN (SELECT s.document_id FROM mentions m JOIN sentences s ON s.id = m.sentence_id
     WHERE m.entity_id = ?)
     ORDER BY d.id LIMIT ${ENTITY_DOCUMENTS_SHOWN}`,
  ),
  entityDocCount: db
    .prepare(
      `SELECT count(DISTINCT s.document_id) FROM mentions m JOIN sentences s ON s.id = m.sentence_id
       WHERE m.entity_id = ?`,
    )
    .pluck(),
  firstRef: db.prepare(
    `SELECT ${REF} FROM sentences s ${REF_JOIN} WHERE s.id = coalesce(
       (SELECT min(sentence_id) FROM roles WHERE entity_id = ?), (SELECT min(sentence_id) FROM mentions
       WHERE entity_id = ?)) AND d.corpus_id ${c}`,
  ),
});

/** Statements that find entities by what someone typed. */
const matchStatements = (db: Db, c: CorpusIn) => ({
  exact: db.prepare(
    `SELECT e.id, e.kind, e.name, e.affiliation, min(a.alias) AS matched FROM aliases a
     JOIN entities e ON e.id = a.entity_id
     WHERE a.alias_key = ? AND (? IS NULL OR e.kind = ?) AND e.corpus_id ${c} GROUP BY e.id
     ORDER BY e.mention_count DESC LIMIT ?`,
  ),
  partial: db.prepare(
    `SELECT e.id, e.kind, e.name, e.affiliation, min(a.alias) AS matched FROM aliases a
     JOIN entities e ON e.id = a.entity_id
     WHERE (a.alias_key LIKE ? ESCAPE '\\' OR a.alias_key LIKE ? ESCAPE '\\') AND (? IS NULL OR e.kind = ?)
     AND e.corpus_id ${c} GROUP BY e.id ORDER BY e.mention_count DESC LIMIT ?`,
  ),
  byRole: db.prepare(
    `SELECT e.id, e.kind, e.name, e.affiliation, min(r.role) AS matched FROM entity_roles r
     JOIN entities e ON e.id = r.entity_id
     WHERE lower(r.role) LIKE ? ESCAPE '\\' AND e.corpus_id ${c} GROUP BY e.id ORDER BY sum(r.sentences) DESC LIMIT ?`,
  ),
  topNames: db
    .prepare(
      `SELECT e.name FROM entities e WHERE e.kind = ? AND e.corpus_id ${c}
       ORDER BY e.mention_count DESC, e.name LIMIT ?`,
    )
    .pluck(),
});

/** Statements about places and proposals. */
const proposalStatements = (db: Db, c: CorpusIn) => ({
  places: db.prepare(
    `SELECT e.id, e.name, e.place_kind AS placeKind, e.mention_count AS mentions
     FROM entities e WHERE e.kind = 'place' AND e.corpus_id ${c} ORDER BY e.mention_count DESC, e.name LIMIT ?`,
  ),
  proposalsRanked: db.prepare(
    `SELECT p.id, p.name, (SELECT count(*) FROM proposal_evidence e WHERE e.proposal_id = p.id) AS evidenceCount
     FROM proposals p WHERE p.corpus_id ${c} ORDER BY evidenceCount DESC, p.id LIMIT ?`,
  ),
  proposalById: db.prepare(
    `SELECT p.id, p.name, (SELECT count(*) FROM proposal_evidence e WHERE e.proposal_id = p.id) AS evidenceCount
     FROM proposals p WHERE p.id = ? AND p.corpus_id ${c}`,
  ),
  proposalNames: db.prepare(
    `SELECT p.id, p.name, (SELECT group_concat(alias, char(${UNIT_SEPARATOR})) FROM proposal_aliases a
     WHERE a.proposal_id = p.id) AS aliases FROM proposals p WHERE p.corpus_id ${c}`,
  ),
  proposalAliases: db.prepare(
    `SELECT alias FROM proposal_aliases WHERE proposal_id = ? AND alias_key != (SELECT name_key FROM proposals
     WHERE id = ?) LIMIT ${PROPOSAL_ALIASES_SHOWN}`,
  ),
  reports: db.prepare(
    // The page of reports first; then each one's first evidence sentence, through its document's few sentences
    // (CROSS JOIN keeps that order: a proposal may have thousands of evidence rows).
    `SELECT page.*,
            (SELECT min(es.id) FROM sentences es CROSS JOIN proposal_evidence pe
             WHERE es.document_id = page.documentId AND pe.proposal_id = page.proposalId AND pe.sentence_id = es.id)
              AS sid
     FROM (SELECT r.proposal_id AS proposalId, r.document_id AS documentId, d.title AS document, r.status,
                  r.proposed_by AS proposedBy, d.published_at AS date, r.dated
           FROM proposal_reports r JOIN documents d ON d.id = r.document_id WHERE r.proposal_id = ?
           ORDER BY r.dated DESC, r.document_id DESC LIMIT ?) page
     ORDER BY page.dated DESC, page.documentId DESC`,
  ),
});

/** Statements that fetch sentences to cite. */
const sentenceStatements = (db: Db, c: CorpusIn) => ({
  refById: db.prepare(`SELECT ${REF} FROM sentences s ${REF_JOIN} WHERE s.id = ?`),
  evidence: db.prepare(
    `SELECT ${REF} FROM proposal_evidence p JOIN sentences s ON s.id = p.sentence_id ${REF_JOIN}
     WHERE p.proposal_id = ? ORDER BY p.sentence_id LIMIT ?`,
  ),
  search: db.prepare(
    `SELECT ${REF}, bm25(sentences_fts) AS rank, s.id AS sid
     FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid ${REF_JOIN}
     WHERE sentences_fts MATCH ? AND d.corpus_id ${c} ORDER BY rank LIMIT ?`,
  ),
  refs: db.prepare(
    `SELECT ${REF} FROM sentences s ${REF_JOIN} WHERE s.document_id = ? AND s.idx = ? AND d.corpus_id ${c}`,
  ),
});

const prepareStatements = (db: Db, c: CorpusIn) => ({
  ...entityStatements(db, c),
  ...matchStatements(db, c),
  ...proposalStatements(db, c),
  ...sentenceStatements(db, c),
});
type Statements = ReturnType<typeof prepareStatements>;
type Queries = Omit<StoreQueries, 'listEvents'>;

/** Entities: people, names, one entity's detail. */
function entityQueries(
  db: Db,
  q: Statements,
  c: CorpusIn,
): Pick<Queries, 'listPeople' | 'findEntities' | 'firstRef' | 'topNames' | 'entity'> {
  return {
    async listPeople(limit, filter = {}) {
      const affiliations = [...new Set(filter.affiliations?.filter(Boolean) ?? [])];
      const rows = affiliations.length
        ? db
            .prepare(peopleSql(c, ` AND affiliation COLLATE NOCASE IN (${affiliations.map(() => '?').join(',')})`))
            .all(...affiliations, limit)
        : q.people.all(limit);
      return (rows as (Omit<PersonSummary, 'roles'> & { roles: string | null })[]).map((r) => ({
        ...r,
        roles: r.roles ? r.roles.split('|') : [],
      }));
    },

    async findEntities(kind, text, limit) {
      const key = nameKey(text.replace(/^(the|a|an)\s+/i, ''));
      if (!key) return [];
      const k = kind ?? null;
      const found = q.exact.all(key, k, k, limit) as EntityMatch[];
      if (found.length) return found;
      const like = likeEscape(key);
      const partial = q.partial.all(`${like}%`, `% ${like}%`, k, k, limit) as EntityMatch[];
      if (partial.length || (kind && kind !== 'person')) return partial;
      return q.byRole.all(`%${likeEscape(fold(text).replace(/^(the|a|an)\s+/, ''))}%`, limit) as EntityMatch[];
    },

    async firstRef(id) {
      const r = q.firstRef.get(id, id) as RefRow | undefined;
      return r ? toRef(r) : null;
    },

    async topNames(kind, limit) {
      return q.topNames.all(kind, limit) as string[];
    },

    async entity(id, mentionLimit) {
      const e = q.entityById.get(id) as
        Pick<EntityDetail, 'id' | 'kind' | 'name' | 'affiliation' | 'placeKind'> | undefined;
      if (!e) return null;
      return {
        ...e,
        aliases: (q.aliases.pluck().all(id) as string[]).filter((a) => a !== e.name),
        roles: (q.roles.all(id) as (RefRow & { role: string })[]).map((r) => ({ role: r.role, ref: toRef(r) })),
        mentions: (q.mentions.all(id, mentionLimit) as RefRow[]).map(toRef),
        mentionCount: q.mentionCount.get(id) as number,
        documents: q.entityDocs.all(id) as EntityDetail['documents'],
        documentCount: q.entityDocCount.get(id) as number,
      };
    },
  };
}

/** Every name and alias, narrowed by alias key. */
function allNames(db: Db, c: CorpusIn): Queries['allNames'] {
  return async (kind, narrow = {}) => {
    const { keys = [], prefixes = [], wordPrefix, limit = -1 } = narrow;
    const or: string[] = [];
    const params: unknown[] = [];
    if (keys.length) {
      or.push(`a.alias_key IN (${keys.map(() => '?').join(',')})`);
      params.push(...keys);
    }
    for (const p of prefixes.filter(Boolean)) {
      // A range on the key uses the index where LIKE would not.
      or.push('(a.alias_key >= ? AND a.alias_key < ?)');
      params.push(p, `${p}${KEY_RANGE_END}`);
    }
    if (wordPrefix) {
      or.push("(a.alias_key >= ? AND a.alias_key < ?) OR a.alias_key LIKE ? ESCAPE '\\'");
      params.push(wordPrefix, `${wordPrefix}${KEY_RANGE_END}`, `% ${likeEscape(wordPrefix)}%`);
    }
    const narrowed = keys.length || prefixes.length || wordPrefix;
    if (narrowed && !or.length) return [];
    const sql = `SELECT e.id, e.kind, e.name, a.alias FROM aliases a JOIN entities e ON e.id = a.entity_id
      WHERE (? IS NULL OR e.kind = ?) AND e.corpus_id ${c}${or.length ? ` AND (${or.join(' OR ')})` : ''}
      ORDER BY e.mention_count DESC
      LIMIT ?`;
    return db.prepare(sql).all(kind ?? null, kind ?? null, ...params, limit) as {
      id: number;
      kind: EntityKind;
      name: string;
      alias: string;
    }[];
  };
}

/** Places and proposals, each with bounded detail. */
function placeAndProposalQueries(q: Statements): Pick<Queries, 'listPlaces' | 'listProposals' | 'proposalNames'> {
  return {
    async listPlaces(limit) {
      return (q.places.all(limit) as Omit<PlaceSummary, 'refs'>[]).map((p) => ({
        ...p,
        refs: (q.mentions.all(p.id, PLACE_REFS) as RefRow[]).map(toRef),
      }));
    },

    async listProposals({ limit, evidence, reports = 10, ids }) {
      const heads = (ids ? ids.map((id) => q.proposalById.get(id)).filter(Boolean) : q.proposalsRanked.all(limit)) as {
        id: number;
        name: string;
        evidenceCount: number;
      }[];
      return heads.map((p) => ({
        ...p,
        aliases: q.proposalAliases.pluck().all(p.id, p.id) as string[],
        reports: (
          q.reports.all(p.id, reports) as (Omit<ProposalSummary['reports'][number], 'proposedBy' | 'ref'> & {
            proposedBy: string;
            sid: number | null;
            proposalId?: number;
            dated?: string;
          })[]
        ).map(({ sid, proposalId: _p, dated: _d, ...r }) => ({
          ...r,
          proposedBy: JSON.parse(r.proposedBy) as string[],
          ref: sid ? toRef(q.refById.get(sid) as RefRow) : null,
        })),
        evidence: (q.evidence.all(p.id, evidence) as RefRow[]).map(toRef),
      }));
    },

    async proposalNames() {
      return (q.proposalNames.all() as { id: number; name: string; aliases: string | null }[]).map((p) => ({
        id: p.id,
        name: p.name,
        aliases: p.aliases ? p.aliases.split(String.fromCharCode(UNIT_SEPARATOR)) : [],
      }));
    },
  };
}

/** Quotes and dates: filtered lists with their totals. */
function quoteAndDateQueries(db: Db, c: CorpusIn): Pick<Queries, 'listQuotes' | 'listDates'> {
  return {
    async listQuotes({ speakerIds, aboutMatch, limit }) {
      // A quote is what someone said: scare-quoted phrases and titles (no speaker) are not listed or counted.
      // Filtered by speaker or words, a quote is found through those indexes; the corpus is checked on the row.
      const filtered = !!speakerIds?.length || !!aboutMatch;
      const where: string[] = ['qt.attributed', `${filtered ? '+' : ''}qt.corpus_id ${c}`];
      const params: unknown[] = [];
      if (speakerIds?.length) {
        // By the speaker's entity, or, for a quote whose speaker was not resolved to one, by its name as an alias.
        const ids = speakerIds.map(() => '?').join(',');
        where.push(
          `(qt.speaker_id IN (${ids}) OR (qt.speaker_id IS NULL AND parley_name_key(qt.speaker_name)
           IN (SELECT alias_key FROM aliases WHERE entity_id IN (${ids}))))`,
        );
        params.push(...speakerIds, ...speakerIds);
      }
      if (aboutMatch) {
        where.push('qt.sentence_id IN (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?)');
        params.push(aboutMatch);
      }
      const clause = `WHERE ${where.join(' AND ')}`;
      const total = db
        .prepare(`SELECT count(*) FROM quotes qt ${clause}`)
        .pluck()
        .get(...params) as number;
      // Unfiltered, the first quotes of each corpus come straight off quotes_by_corpus.
      const page = filtered
        ? `SELECT qt.id FROM quotes qt ${clause} ORDER BY qt.id LIMIT ?`
        : `SELECT id FROM (${corpusIds(c)
            .map(
              (id) =>
                `SELECT * FROM (SELECT id FROM quotes WHERE corpus_id = ${id} AND attributed ORDER BY id LIMIT ?)`,
            )
            .join(' UNION ALL ')}) ORDER BY id LIMIT ?`;
      const pageParams = filtered ? [...params, limit] : [...corpusIds(c).map(() => limit), limit];
      const rows = db
        .prepare(`${quotesSql(`WHERE qt.id IN (${page})`)} ORDER BY qt.id`)
        .all(...pageParams) as (RefRow & {
        id: number;
        speaker: string | null;
        speakerId: number | null;
        text: string;
      })[];
      return {
        total,
        rows: rows.map((r) => ({ id: r.id, speaker: r.speaker, speakerId: r.speakerId, text: r.text, ref: toRef(r) })),
      };
    },

    async listDates({ dated, limit, newestFirst = false, afterDocumentId = 0 }) {
      // The corpus filter joins each date to its document; dates_by_iso still gives the order.
      const where = `t.iso IS ${dated ? 'NOT ' : ''}NULL AND d.corpus_id ${c}${
        afterDocumentId ? ' AND s.document_id > ?' : ' AND ? = 0'
      }`;
      const from = `FROM dates t JOIN sentences s ON s.id = t.sentence_id ${REF_JOIN} WHERE ${where}`;
      const order = dated
        ? `t.iso ${newestFirst ? 'DESC' : 'ASC'}, t.sentence_id`
        : `t.sentence_id ${newestFirst ? 'DESC' : 'ASC'}`;
      const total = db.prepare(`SELECT count(*) ${from}`).pluck().get(afterDocumentId) as number;
      const rows = db
        .prepare(
          `SELECT t.id, t.text, t.iso, t.precision, t.what, d.published_at AS publishedAt, ${REF}
           FROM (SELECT t.id ${from} ORDER BY ${order} LIMIT ?) page
           JOIN dates t ON t.id = page.id JOIN sentences s ON s.id = t.sentence_id ${REF_JOIN}
           ORDER BY ${order}`,
        )
        .all(afterDocumentId, limit) as (RefRow & Omit<DateRow, 'ref'>)[];
      return {
        total,
        rows: rows.map((r) => ({
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

/** Full-text search and the index's own word statistics. */
function textQueries(db: Db, q: Statements): Pick<Queries, 'search' | 'termFrequencies' | 'sentenceRefs'> {
  let tokenize: ReturnType<typeof indexTokenizer> | undefined;
  return {
    async search(match, limit, boost) {
      const rows = q.search.all(
        match,
        Math.max(limit * SEARCH_CANDIDATES_PER_HIT, MIN_SEARCH_CANDIDATES),
      ) as (RefRow & { rank: number; sid: number })[];
      if (!rows.length) return [];
      const boosted = new Set<number>();
      if (boost.length) {
        const ids = rows.map((r) => r.sid);
        const hit = db
          .prepare(
            `SELECT sentence_id, count(DISTINCT entity_id) AS n FROM mentions
             WHERE sentence_id IN (${ids.map(() => '?').join(',')})
             AND entity_id IN (${boost.map(() => '?').join(',')}) GROUP BY sentence_id`,
          )
          .all(...ids, ...boost) as { sentence_id: number; n: number }[];
        const n = new Map(hit.map((h) => [h.sentence_id, h.n]));
        for (const r of rows) if (n.has(r.sid)) boosted.add(r.sid);
        // bm25 is negative: lower is better. Each named entity the sentence mentions makes it count more.
        for (const r of rows) r.rank = r.rank * (1 + (n.get(r.sid) ?? 0));
      }
      return rows
        .sort((a, b) => a.rank - b.rank)
        .slice(0, limit)
        .map((r) => ({ ref: toRef(r), score: -r.rank }));
    },

    async termFrequencies(words) {
      const sentences = (db.prepare('SELECT max(id) FROM sentences').pluck().get() as number | null) ?? 0;
      if (!words.length) return { sentences, counts: new Map() };
      // The vocabulary holds stems ("negoti"): look words up as the index wrote them, never as typed.
      tokenize ??= indexTokenizer(db);
      const tokens = tokenize(words);
      const terms = [...new Set(tokens.flat())];
      const rows = terms.length
        ? (db
            .prepare(`SELECT term, doc FROM sentences_vocab WHERE term IN (${terms.map(() => '?').join(',')})`)
            .all(...terms) as { term: string; doc: number }[])
        : [];
      const doc = new Map(rows.map((r) => [r.term, r.doc]));
      // A word of several terms ("U.S." is "u" "s") is no commoner than its rarest term.
      return {
        sentences,
        counts: new Map(
          words.map((w, i) => [w, tokens[i].length ? Math.min(...tokens[i].map((t) => doc.get(t) ?? 0)) : 0]),
        ),
      };
    },

    async sentenceRefs(documentId, indexes) {
      return indexes
        .map((i) => q.refs.get(documentId, i) as RefRow | undefined)
        .filter((r): r is RefRow => !!r)
        .map(toRef);
    },
  };
}

/** The read side of the store; every statement is prepared once. */
export function sqliteQueries(db: Db, c: CorpusIn): Queries {
  // A quote's speaker as typed ("the WTO") is matched to an entity by alias key, as findEntities matches a query.
  db.function('parley_name_key', { deterministic: true }, (s: unknown) =>
    typeof s === 'string' ? nameKey(s.replace(/^(the|a|an)\s+/i, '')) : null,
  );
  const q = prepareStatements(db, c);
  return {
    ...entityQueries(db, q, c),
    allNames: allNames(db, c),
    ...placeAndProposalQueries(q),
    ...quoteAndDateQueries(db, c),
    ...textQueries(db, q),
  };
}
