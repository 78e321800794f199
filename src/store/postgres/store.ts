import { sharedReader, type Reader } from '../corpus.ts';
import type {
  Countable,
  DigestStore,
  DocumentRow,
  EntityKind,
  EventDispute,
  Store,
  StoreExamples,
  StoreQueries,
  StoreStats,
} from '../store.ts';
import type { FeedStore } from '../feeds.ts';
import type { DocumentWriter, DocumentWrites } from '../writer.ts';
import { countedRows } from '../read-bounds.ts';
import { disputeRows } from './events.ts';
import { newsStore } from './news.ts';
import type { Pool } from './pool.ts';
import { postgresQueries } from './queries.ts';
import { asciiLower, C, corpusIn, DOCUMENT_ROW, rows, value, type CorpusIn } from './sql.ts';

/** Subscriptions and digest slots: one set for the whole database, whichever reader asks. */
export type SubscriptionPart = Omit<DigestStore, 'news' | 'latestDocumentId'>;

/** What the reads do not do, given by whoever composes the store: subscriptions, and one document's write. */
export interface PostgresParts {
  subscriptions?: SubscriptionPart;
  /** Writes into the view's own corpus (`ownCorpusId`), seeing the view's readable corpora. */
  writes?: (view: PostgresStore) => DocumentWrites;
  feeds?: FeedStore;
}

/** A feed store for a PostgresStore opened without one: every call says so. */
function missingFeeds(): FeedStore {
  return new Proxy({} as FeedStore, {
    get: (_t, name) => () =>
      Promise.reject(new Error(`this PostgreSQL store was opened without feeds (${String(name)})`)),
  });
}

/** Views kept at most, as the SQLite store keeps (one per reader recently asked for). */
const VIEWS_KEPT = 256;
/** Remembered reads kept per view (see `remembered`). */
const REMEMBERED_KEPT = 64;

/** What every reader's view of one database shares: the pool, corpus ids by name, the views themselves. */
class Corpora {
  private readonly ids = new Map<string, Promise<number>>();
  readonly views = new Map<string, PostgresStore>();
  constructor(
    readonly pool: Pool,
    readonly parts: PostgresParts,
  ) {
    this.feeds = parts.feeds ?? missingFeeds();
  }

  readonly feeds: FeedStore;

  /** A corpus's id, the corpus created on first use (ids never change and corpora are never removed). */
  id(name: string): Promise<number> {
    let id = this.ids.get(name);
    if (!id) {
      id = (async () => {
        await this.pool.query('INSERT INTO corpora (name) VALUES ($1) ON CONFLICT (name) DO NOTHING', [name]);
        return value<number>(this.pool, 'SELECT id FROM corpora WHERE name = $1', [name]);
      })();
      id.catch(() => this.ids.delete(name));
      this.ids.set(name, id);
    }
    return id;
  }
}

const readerKey = (r: Reader) => `${r.own ?? ''}|${r.corpora.join(',')}`;

interface Resolved {
  c: CorpusIn;
  q: StoreQueries;
  news: Pick<DigestStore, 'news' | 'latestDocumentId'>;
}

type Subscriptions = keyof SubscriptionPart;

/**
 * The PostgreSQL store: one reader's view, as SqliteStore is. The reads are its own; subscriptions and writes are
 * the parts it was opened with (see PostgresParts).
 */
export class PostgresStore implements Store {
  readonly reader: Reader;
  readonly pool: Pool;
  private readonly corpora: Corpora;
  private resolved?: Promise<Resolved>;

  constructor(pool: Pool | Corpora, parts: PostgresParts = {}, reader: Reader = sharedReader) {
    this.corpora = pool instanceof Corpora ? pool : new Corpora(pool, parts);
    this.pool = this.corpora.pool;
    this.reader = reader;
  }

  as(reader: Reader): PostgresStore {
    const key = readerKey(reader);
    if (key === readerKey(this.reader)) return this;
    const views = this.corpora.views;
    let view = views.get(key);
    if (view) views.delete(key);
    else view = new PostgresStore(this.corpora, {}, reader);
    views.set(key, view);
    if (views.size > VIEWS_KEPT) views.delete(views.keys().next().value as string);
    return view;
  }

  /** The ids of the corpora this view reads. */
  async readableCorpusIds(): Promise<number[]> {
    return Promise.all(this.reader.corpora.map((name) => this.corpora.id(name)));
  }

  /** The id of the corpus this view writes into; a read-only reader (a direct message) has none. */
  async ownCorpusId(): Promise<number> {
    if (!this.reader.own) throw new Error('this reader may not change any corpus');
    return this.corpora.id(this.reader.own);
  }

  private reads(): Promise<Resolved> {
    this.resolved ??= this.readableCorpusIds().then((ids) => {
      const q = postgresQueries(this.pool, ids);
      return { c: corpusIn(ids), q, news: newsStore(this.pool, corpusIn(ids), q) };
    });
    this.resolved.catch(() => (this.resolved = undefined));
    return this.resolved;
  }

  private query<K extends keyof StoreQueries>(name: K): StoreQueries[K] {
    return (async (...a: unknown[]) => {
      const q = (await this.reads()).q[name] as (...args: unknown[]) => Promise<unknown>;
      return q(...a);
    }) as StoreQueries[K];
  }

  private subscriptionPart<K extends Subscriptions>(name: K): SubscriptionPart[K] {
    return ((...a: unknown[]) => {
      const part = this.corpora.parts.subscriptions;
      if (!part) return Promise.reject(new Error('this PostgreSQL store was opened without its subscriptions part'));
      return (part[name] as (...args: unknown[]) => Promise<unknown>)(...a);
    }) as SubscriptionPart[K];
  }

  subscribe = this.subscriptionPart('subscribe');
  unsubscribe = this.subscriptionPart('unsubscribe');
  subscriptions = this.subscriptionPart('subscriptions');
  subscription = this.subscriptionPart('subscription');
  disable = this.subscriptionPart('disable');
  claimSlot = this.subscriptionPart('claimSlot');
  slot = this.subscriptionPart('slot');
  slots = this.subscriptionPart('slots');
  finishSlot = this.subscriptionPart('finishSlot');
  latestDocumentId: DigestStore['latestDocumentId'] = async () => (await this.reads()).news.latestDocumentId();
  news: DigestStore['news'] = async (after) => (await this.reads()).news.news(after);

  listPeople: StoreQueries['listPeople'] = (limit, filter) =>
    filter?.affiliations?.length
      ? this.query('listPeople')(limit, filter)
      : this.remembered(`people:${limit}`, () => this.query('listPeople')(limit));
  findEntities = this.query('findEntities');
  topNames = this.query('topNames');
  firstRef = this.query('firstRef');
  allNames = this.query('allNames');
  entity = this.query('entity');
  listPlaces: StoreQueries['listPlaces'] = (limit) =>
    this.remembered(`places:${limit}`, () => this.query('listPlaces')(limit));
  listProposals: StoreQueries['listProposals'] = (o) =>
    o.ids
      ? this.query('listProposals')(o)
      : this.remembered(`proposals:${JSON.stringify(o)}`, () => this.query('listProposals')(o));
  listQuotes: StoreQueries['listQuotes'] = (f) =>
    f.speakerIds?.length || f.aboutMatch
      ? this.query('listQuotes')(f)
      : this.remembered(`quotes:${f.limit}`, () => this.query('listQuotes')(f));
  listDates = this.query('listDates');
  listEvents: StoreQueries['listEvents'] = (o) =>
    this.remembered(`events:${JSON.stringify(o)}`, () => this.query('listEvents')(o));
  proposalNames = this.query('proposalNames');
  search = this.query('search');
  termFrequencies = this.query('termFrequencies');
  sentenceRefs = this.query('sentenceRefs');

  write<T>(work: (w: DocumentWriter) => Promise<T>): Promise<T> {
    const writes = this.corpora.parts.writes;
    if (!writes) return Promise.reject(new Error('this PostgreSQL store was opened without its writer'));
    return writes(this).write(work);
  }

  async documentWithHash(contentHash: string): Promise<{ id: number; key: string } | null> {
    const { c } = await this.reads();
    const found = await rows<{ id: number; key: string }>(
      this.pool,
      `SELECT id, key FROM documents WHERE content_hash = $1 AND corpus_id ${c} ORDER BY id LIMIT 1`,
      [contentHash],
    );
    return found[0] ?? null;
  }

  private readonly memo = new Map<string, { version: string; value: unknown }>();

  /**
   * Figures and unfiltered lists that change only when documents do, as the SQLite store remembers them: read once
   * per change of the corpora this view reads (their tokens in corpus_changes, new at every write's commit in any
   * process: one indexed read), handed out as copies.
   */
  private async remembered<T>(key: string, read: () => Promise<T>): Promise<T> {
    const { c } = await this.reads();
    const version = await value<string>(
      this.pool,
      `SELECT coalesce(string_agg(corpus_id || ':' || token, ',' ORDER BY corpus_id), '') FROM corpus_changes
       WHERE corpus_id ${c}`,
    );
    // keyed by the corpora read too: two corpora never written have the same (empty) version
    const scoped = `${c}|${key}`;
    const hit = this.memo.get(scoped);
    if (hit?.version === version) return structuredClone(hit.value as T);
    const fresh = await read();
    if (this.memo.size >= REMEMBERED_KEPT) this.memo.delete(this.memo.keys().next().value as string);
    this.memo.set(scoped, { version, value: fresh });
    return structuredClone(fresh);
  }

  examples(): Promise<StoreExamples> {
    return this.remembered('examples', () => this.computeExamples());
  }

  private async computeExamples(): Promise<StoreExamples> {
    const { c } = await this.reads();
    const top = (kind: EntityKind) =>
      value<string | undefined>(
        this.pool,
        `SELECT name FROM entities WHERE kind = $1 AND corpus_id ${c} ORDER BY mention_count DESC, name ${C} LIMIT 1`,
        [kind],
      );
    const [person, place, proposal] = await Promise.all([
      top('person'),
      top('place'),
      value<string | undefined>(
        this.pool,
        `SELECT p.name FROM proposal_evidence e JOIN proposals p ON p.id = e.proposal_id WHERE p.corpus_id ${c}
         GROUP BY e.proposal_id, p.name ORDER BY count(*) DESC, e.proposal_id LIMIT 1`,
      ),
    ]);
    return { person: person ?? null, place: place ?? null, proposal: proposal ?? null };
  }

  count(what: Countable): Promise<number> {
    return this.remembered(`count:${what}`, async () => {
      const { c } = await this.reads();
      return value<number>(this.pool, `SELECT count(*) FROM ${countedRows(what)} corpus_id ${c}`);
    });
  }

  stats(): Promise<StoreStats> {
    return this.remembered('stats', () => this.computeStats());
  }

  private async computeStats(): Promise<StoreStats> {
    const { c } = await this.reads();
    const count = (sql: string) => value<number>(this.pool, sql);
    const bySentence = (table: string) =>
      count(`SELECT count(*) FROM ${table} t JOIN sentences s ON s.id = t.sentence_id
             JOIN documents d ON d.id = s.document_id WHERE d.corpus_id ${c}`);
    const entities = (kind: EntityKind) =>
      count(`SELECT count(*) FROM entities WHERE kind = '${kind}' AND corpus_id ${c}`);
    const [documents, sentences, people, places, organizations, proposals, quotes, dates, events, conflicts] =
      await Promise.all([
        count(`SELECT count(*) FROM documents WHERE corpus_id ${c}`),
        count(`SELECT count(*) FROM sentences s JOIN documents d ON d.id = s.document_id WHERE d.corpus_id ${c}`),
        entities('person'),
        entities('place'),
        entities('organization'),
        count(`SELECT count(*) FROM proposals WHERE corpus_id ${c}`),
        bySentence('quotes'),
        bySentence('dates'),
        count(`SELECT count(*) FROM events WHERE corpus_id ${c}`),
        count(`SELECT count(*) FROM event_disputes x JOIN events e ON e.id = x.event_id WHERE e.corpus_id ${c}`),
      ]);
    return { documents, sentences, people, places, organizations, proposals, quotes, dates, events, conflicts };
  }

  async documents(limit = -1): Promise<DocumentRow[]> {
    const { c } = await this.reads();
    return rows<DocumentRow>(
      this.pool,
      `SELECT ${DOCUMENT_ROW} FROM documents d WHERE d.corpus_id ${c}
       ORDER BY coalesce(d.published_at, d.ingested_at) ${C}, d.id LIMIT $1`,
      [limit < 0 ? null : limit],
    );
  }

  async ownDocuments(typed: string, limit: number): Promise<DocumentRow[]> {
    if (!this.reader.own) return [];
    const like = `%${typed
      .trim()
      .toLowerCase()
      .replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    return rows<DocumentRow>(
      this.pool,
      `SELECT ${DOCUMENT_ROW} FROM documents d
       WHERE d.corpus_id = $1 AND (${asciiLower('d.title')} LIKE $2 OR ${asciiLower('d.key')} LIKE $2)
       ORDER BY d.id DESC LIMIT $3`,
      [await this.ownCorpusId(), like, limit],
    );
  }

  async conflicts(): Promise<EventDispute[]> {
    return disputeRows(this.pool, (await this.reads()).c);
  }

  /** Ends the pool, for every view of it. */
  feedStore(): FeedStore {
    return this.corpora.feeds;
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }
}
