import { MIN_SEARCH_CANDIDATES, SEARCH_CANDIDATES_PER_HIT } from '../read-bounds.ts';
import type { StoreQueries } from '../store.ts';
import { REF, REF_JOIN, rows, toRef, type CorpusIn, type Queryable, type RefRow } from './sql.ts';

/** BM25's parameters as SQLite's FTS5 sets them (k1, b) and its floor for the weight of a very common phrase. */
const K1 = 1.2;
const B = 0.75;
const MIN_IDF = 1e-6;

/** An FTS5 MATCH expression as the phrases it names and how they are joined. */
export interface Phrases {
  phrases: string[];
  join: 'OR' | 'AND';
}

const TOKEN = /"((?:[^"]|"")*)"|([()])|([^\s"()]+)/g;
const OPERATORS = new Set(['OR', 'AND', 'NOT', 'NEAR']);

/**
 * Reads the expressions the briefing builds (src/briefing/fts.ts): quoted phrases all joined by OR, or all by AND.
 * Anything else (NOT, NEAR, groups, bare words, a mix of joins) is read as its words and phrases OR-ed.
 */
export function ftsPhrases(match: string): Phrases {
  const tokens = [...match.matchAll(TOKEN)].map((m) =>
    m[1] !== undefined ? { phrase: m[1].replace(/""/g, '"') } : { bare: m[2] ?? m[3] },
  );
  const phrases = tokens.filter((t) => t.phrase !== undefined).map((t) => t.phrase as string);
  const joins = new Set(tokens.filter((_, i) => i % 2 === 1).map((t) => t.bare));
  const strict =
    tokens.length % 2 === 1 &&
    tokens.every((t, i) => (i % 2 === 0) === (t.phrase !== undefined)) &&
    joins.size <= 1 &&
    [...joins].every((j) => j === 'OR' || j === 'AND');
  if (strict) return { phrases, join: joins.has('AND') ? 'AND' : 'OR' };
  const words = tokens
    .filter((t) => t.bare !== undefined && !OPERATORS.has(t.bare))
    .flatMap((t) => t.bare?.match(/[\p{L}\p{N}]+/gu) ?? []);
  return { phrases: [...phrases, ...words].filter((p) => p.trim()), join: 'OR' };
}

/**
 * A tsquery of the phrases, each put through the sentence index's own parser as plain text (phraseto_tsquery):
 * what a user typed is a parameter and never tsquery syntax. `p` adds a parameter and gives its placeholder.
 */
export function tsquerySql({ phrases, join }: Phrases, p: (v: unknown) => string): string {
  if (!phrases.length) return "''::tsquery";
  const each = phrases.map((t) => `phraseto_tsquery('parley', parley_words(${p(t)}))`);
  return `(${each.join(join === 'AND' ? ' && ' : ' || ')})`;
}

/**
 * The sentences holding a lexeme, off the term statistics (migration 7): its folded count plus the rows writers
 * appended since. Exactly what counting the GIN index's matches for the lexeme alone gives.
 */
const lexemeCount = (lexeme: string) =>
  `(coalesce((SELECT c.sentences FROM lexeme_counts c WHERE c.lexeme = ${lexeme}), 0)
    + coalesce((SELECT sum(x.sentences) FROM lexeme_deltas x WHERE x.lexeme = ${lexeme}), 0))::float8`;

/** The lock a compaction of the term statistics holds; another process compacting meanwhile skips its turn. */
const COMPACT_LOCK = 0x7061726b; // "park"

/**
 * Folds the rows writers appended to the term statistics into one count per lexeme, as compactSentenceCounts does
 * the sentence totals. Safe beside writers and readers (one statement); run at start, after an import, now and then.
 */
export async function compactLexemeCounts(db: Queryable): Promise<void> {
  await db.query(
    `WITH lock AS MATERIALIZED (SELECT pg_try_advisory_xact_lock(${COMPACT_LOCK}) AS got),
     gone AS (DELETE FROM lexeme_deltas WHERE (SELECT got FROM lock) RETURNING lexeme, sentences)
     INSERT INTO lexeme_counts AS c (lexeme, sentences)
     SELECT lexeme, sum(sentences) FROM gone GROUP BY lexeme ORDER BY lexeme
     ON CONFLICT (lexeme) DO UPDATE SET sentences = c.sentences + excluded.sentences`,
  );
}

/**
 * BM25 as FTS5 computes it: per phrase, idf = ln((N - n + 0.5) / (n + 0.5)) over every sentence of the database
 * (N sentences, n holding the phrase), times tf·(k1 + 1) / (tf + k1·(1 − b + b·len / avglen)); negated, so lower is
 * better. A phrase's tf is its rarest word's occurrences in the sentence; lengths count words as FTS5's tokenizer
 * does (sentences.token_count, totals in sentence_counts, see migration 3).
 */
function bm25Sql(tsquery: string, c: CorpusIn, phrases: string, limit: string): string {
  const norm = `${1 - B} + ${B} * tf.token_count / totals.avgdl`;
  return `
    WITH totals AS MATERIALIZED (
      SELECT sum(rows)::float8 AS n, sum(tokens)::float8 / nullif(sum(rows), 0) AS avgdl FROM sentence_counts
    ),
    counted AS MATERIALIZED (
      SELECT u.i, u.q, u.lexemes,
             CASE WHEN numnode(u.q) = 1 THEN ${lexemeCount('u.lexemes[1]')}
                  ELSE (SELECT count(*) FROM sentences WHERE tsv @@ u.q) END AS hits
      FROM (SELECT i, phraseto_tsquery('parley', parley_words(t)) AS q,
                   tsvector_to_array(to_tsvector('parley', parley_words(t))) AS lexemes
            FROM unnest(${phrases}::text[]) WITH ORDINALITY AS v(t, i)) u
    ),
    p AS MATERIALIZED (
      SELECT x.i, x.q, cardinality(x.lexemes) AS width, x.lexemes,
             greatest(ln((totals.n - x.hits + 0.5) / (x.hits + 0.5)), ${MIN_IDF}) AS idf
      FROM totals, counted x
    ),
    words AS MATERIALIZED (SELECT p.i, l.lexeme FROM p CROSS JOIN LATERAL unnest(p.lexemes) AS l(lexeme)),
    hit AS (
      SELECT s.id, s.tsv, s.token_count FROM sentences s ${REF_JOIN} WHERE s.tsv @@ ${tsquery} AND d.corpus_id ${c}
    ),
    tf AS (
      SELECT hit.id, hit.token_count, words.i, min(cardinality(u.positions)) AS tf, count(*) AS present
      FROM hit CROSS JOIN LATERAL unnest(hit.tsv) AS u JOIN words ON words.lexeme = u.lexeme
      GROUP BY hit.id, hit.token_count, words.i
    ),
    scored AS (
      SELECT tf.id, -sum(p.idf * tf.tf * ${K1 + 1} / (tf.tf + ${K1} * (${norm}))) AS rank
      FROM tf JOIN p ON p.i = tf.i CROSS JOIN totals
      WHERE tf.present = p.width AND (p.width = 1 OR (SELECT tsv FROM sentences WHERE id = tf.id) @@ p.q)
      GROUP BY tf.id ORDER BY rank, tf.id LIMIT ${limit}
    )
    SELECT ${REF}, scored.rank, s.id AS sid FROM scored JOIN sentences s ON s.id = scored.id ${REF_JOIN}
    ORDER BY scored.rank, s.id`;
}

/**
 * Folds the sentence totals (one row per statement that added or removed sentences) into one row. Safe beside
 * writers: rows they add meanwhile are not deleted and count on. Run at start, or now and then; reads stay exact.
 */
export async function compactSentenceCounts(db: Queryable): Promise<void> {
  await db.query(
    `WITH gone AS (DELETE FROM sentence_counts RETURNING rows, tokens)
     INSERT INTO sentence_counts (rows, tokens) SELECT coalesce(sum(rows), 0), coalesce(sum(tokens), 0) FROM gone`,
  );
}

type Queries = Pick<StoreQueries, 'search' | 'termFrequencies' | 'sentenceRefs'>;

/** "This sentence (s) matches the FTS5 expression", as SQL with its phrases as parameters. */
export const matchesSql = (match: string, p: (v: unknown) => string) => `s.tsv @@ ${tsquerySql(ftsPhrases(match), p)}`;

export function textQueries(db: Queryable, c: CorpusIn): Queries {
  return {
    async search(match, limit, boost) {
      const parsed = ftsPhrases(match);
      if (!parsed.phrases.length) return [];
      const params: unknown[] = [];
      const p = (v: unknown) => `$${params.push(v)}`;
      const tsquery = tsquerySql(parsed, p);
      const candidates = Math.max(limit * SEARCH_CANDIDATES_PER_HIT, MIN_SEARCH_CANDIDATES);
      const found = await rows<RefRow & { rank: number; sid: number }>(
        db,
        bm25Sql(tsquery, c, p(parsed.phrases), p(candidates)),
        params,
      );
      if (!found.length) return [];
      if (boost.length) {
        const hit = await rows<{ sid: number; n: number }>(
          db,
          `SELECT sentence_id AS sid, count(DISTINCT entity_id) AS n FROM mentions
           WHERE sentence_id = ANY($1::bigint[]) AND entity_id = ANY($2::bigint[]) GROUP BY sentence_id`,
          [found.map((r) => r.sid), boost],
        );
        const n = new Map(hit.map((h) => [h.sid, h.n]));
        // The rank is negative: lower is better. Each named entity the sentence mentions makes it count more.
        for (const r of found) r.rank = r.rank * (1 + (n.get(r.sid) ?? 0));
      }
      return found
        .sort((a, b) => a.rank - b.rank)
        .slice(0, limit)
        .map((r) => ({ ref: toRef(r), score: -r.rank }));
    },

    async termFrequencies(words) {
      // Each word as the index wrote it (its lexemes), each lexeme's sentences off the term statistics; row 0 is the
      // highest sentence id, as SQLite's FTS5 reads its count of rows.
      const found = await rows<{ i: number; n: number | null }>(
        db,
        `SELECT 0 AS i, (SELECT max(id) FROM sentences)::float8 AS n
         UNION ALL
         SELECT x.i, min(${lexemeCount('l.lex')}) AS n
         FROM unnest($1::text[]) WITH ORDINALITY AS x(w, i)
         CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector('parley', parley_words(x.w)))) AS l(lex) GROUP BY x.i`,
        [words],
      );
      const n = new Map(found.map((r) => [r.i, r.n ?? 0]));
      return { sentences: n.get(0) ?? 0, counts: new Map(words.map((w, i) => [w, n.get(i + 1) ?? 0])) };
    },

    async sentenceRefs(documentId, indexes) {
      if (!indexes.length) return [];
      const found = await rows<RefRow>(
        db,
        `SELECT ${REF} FROM sentences s ${REF_JOIN} WHERE s.document_id = $1 AND s.idx = ANY($2::int[])
         AND d.corpus_id ${c}`,
        [documentId, indexes],
      );
      const byIndex = new Map(found.map((r) => [r.sentenceIndex, r]));
      return indexes.flatMap((i) => (byIndex.has(i) ? [toRef(byIndex.get(i) as RefRow)] : []));
    },
  };
}
