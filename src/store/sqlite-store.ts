import { sharedReader, type Reader } from './corpus.ts';
import { newsStore, sqliteSubscriptions } from './sqlite-digest.ts';
import { disputeRows, listEvents } from './sqlite-event-queries.ts';
import { countedRows } from './read-bounds.ts';
import { corpusIds, corpusIn, sqliteQueries, type CorpusIn } from './sqlite-queries.ts';
import { sqliteFeeds } from './sqlite-feeds.ts';
import { sqliteWriter } from './sqlite-writer.ts';
import type { FeedStore } from './feeds.ts';
import { openDatabase, type Db } from './sqlite.ts';
import type {
  Countable,
  DigestStore,
  EventDispute,
  DocumentRow,
  EntityKind,
  Store,
  StoreQueries,
  StoreExamples,
  StoreStats,
} from './store.ts';
import type { DocumentWriter } from './writer.ts';

/** Views of one database kept at most: one per reader recently asked for (a reader is two corpora). */
const VIEWS_KEPT = 256;
/** Remembered reads kept per view (see `remembered`). */
const REMEMBERED_KEPT = 64;

/** What every reader's view of one database shares: the connection, corpus ids by name, the views themselves. */
class Corpora {
  private readonly ids = new Map<string, number>();
  readonly views = new Map<string, SqliteStore>();
  readonly feeds: FeedStore;
  constructor(readonly db: Db) {
    this.feeds = sqliteFeeds(db);
  }

  /** A corpus's id, the corpus created on first use (ids never change and corpora are never removed). */
  id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      this.db.prepare('INSERT OR IGNORE INTO corpora (name) VALUES (?)').run(name);
      id = this.db.prepare('SELECT id FROM corpora WHERE name = ?').pluck().get(name) as number;
      this.ids.set(name, id);
    }
    return id;
  }

  private queue: Promise<unknown> = Promise.resolve();
  private committed = 0;

  /** Changes whenever a document write commits, here or on another connection (another process) to the file. */
  version(): string {
    return `${this.db.pragma('data_version', { simple: true })}:${this.committed}`;
  }

  noteCommit(): void {
    this.committed++;
  }

  /** Runs writes one after another: every view shares the one connection, and SQLite one transaction on it. */
  serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => {});
    return next;
  }
}

const readerKey = (r: Reader) => `${r.own ?? ''}|${r.corpora.join(',')}`;

export class SqliteStore implements Store {
  readonly db: Db;
  readonly reader: Reader;
  private readonly corpora: Corpora;
  /** The corpora this view reads, as SQL (see corpusIn). */
  private readonly c: CorpusIn;
  private readonly q: Omit<StoreQueries, 'listEvents'>;
  private readonly d: DigestStore;

  /** Opens a database file, read (and written) as the shared corpus; `as(reader)` gives any other reader's view. */
  constructor(file: string | Corpora, reader: Reader = sharedReader) {
    this.corpora = typeof file === 'string' ? new Corpora(openDatabase(file)) : file;
    this.db = this.corpora.db;
    this.reader = reader;
    this.c = corpusIn(reader.corpora.map((name) => this.corpora.id(name)));
    this.q = sqliteQueries(this.db, this.c);
    this.d = { ...sqliteSubscriptions(this.db), ...newsStore(this.db, this.c, this.q) };
  }

  as(reader: Reader): SqliteStore {
    const key = readerKey(reader);
    if (key === readerKey(this.reader)) return this;
    const views = this.corpora.views;
    let view = views.get(key);
    if (view) views.delete(key);
    else view = new SqliteStore(this.corpora, reader);
    views.set(key, view);
    if (views.size > VIEWS_KEPT) views.delete(views.keys().next().value as string);
    return view;
  }

  /** The id of the corpus this view writes into; a read-only reader (a direct message) may not write. */
  private get own(): number {
    if (!this.reader.own) throw new Error('this reader may not change any corpus');
    return this.corpora.id(this.reader.own);
  }
  subscribe: DigestStore['subscribe'] = (...a) => this.d.subscribe(...a);
  unsubscribe: DigestStore['unsubscribe'] = (...a) => this.d.unsubscribe(...a);
  subscriptions: DigestStore['subscriptions'] = (...a) => this.d.subscriptions(...a);
  subscription: DigestStore['subscription'] = (...a) => this.d.subscription(...a);
  disable: DigestStore['disable'] = (...a) => this.d.disable(...a);
  claimSlot: DigestStore['claimSlot'] = (...a) => this.d.claimSlot(...a);
  slot: DigestStore['slot'] = (...a) => this.d.slot(...a);
  slots: DigestStore['slots'] = (...a) => this.d.slots(...a);
  finishSlot: DigestStore['finishSlot'] = (...a) => this.d.finishSlot(...a);
  latestDocumentId: DigestStore['latestDocumentId'] = (...a) => this.d.latestDocumentId(...a);
  news: DigestStore['news'] = (...a) => this.d.news(...a);

  listPeople: StoreQueries['listPeople'] = (limit, filter) =>
    filter?.affiliations?.length
      ? this.q.listPeople(limit, filter)
      : this.remembered(`people:${limit}`, () => this.q.listPeople(limit));
  findEntities: StoreQueries['findEntities'] = (...a) => this.q.findEntities(...a);
  topNames: StoreQueries['topNames'] = (...a) => this.q.topNames(...a);
  firstRef: StoreQueries['firstRef'] = (...a) => this.q.firstRef(...a);
  allNames: StoreQueries['allNames'] = (...a) => this.q.allNames(...a);
  entity: StoreQueries['entity'] = (...a) => this.q.entity(...a);
  listPlaces: StoreQueries['listPlaces'] = (limit) =>
    this.remembered(`places:${limit}`, () => this.q.listPlaces(limit));
  listProposals: StoreQueries['listProposals'] = (o) =>
    o.ids ? this.q.listProposals(o) : this.remembered(`proposals:${JSON.stringify(o)}`, () => this.q.listProposals(o));
  listQuotes: StoreQueries['listQuotes'] = (f) =>
    f.speakerIds?.length || f.aboutMatch
      ? this.q.listQuotes(f)
      : this.remembered(`quotes:${f.limit}`, () => this.q.listQuotes(f));
  listDates: StoreQueries['listDates'] = (...a) => this.q.listDates(...a);
  listEvents: StoreQueries['listEvents'] = async (o) =>
    this.remembered(`events:${JSON.stringify(o)}`, async () => listEvents(this.db, this.c, o));
  proposalNames: StoreQueries['proposalNames'] = (...a) => this.q.proposalNames(...a);
  search: StoreQueries['search'] = (...a) => this.q.search(...a);
  termFrequencies: StoreQueries['termFrequencies'] = (...a) => this.q.termFrequencies(...a);
  sentenceRefs: StoreQueries['sentenceRefs'] = (...a) => this.q.sentenceRefs(...a);

  /**
   * One document's write in one transaction (BEGIN IMMEDIATE … COMMIT), one at a time per database. The writer's
   * methods settle at once (better-sqlite3 is synchronous), so no I/O of this process interleaves with it.
   */
  async write<T>(work: (w: DocumentWriter) => Promise<T>): Promise<T> {
    const writer = sqliteWriter(this.db, this.own, this.c);
    return this.corpora.serially(async () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(writer);
        this.db.exec('COMMIT');
        this.corpora.noteCommit();
        return result;
      } catch (e) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw e;
      }
    });
  }

  /** The document of this reader's corpora (its own or the shared one) that holds this content. */
  private hashed(contentHash: string): { id: number; key: string } | undefined {
    return this.db
      .prepare(`SELECT id, key FROM documents WHERE content_hash = ? AND corpus_id ${this.c} ORDER BY id LIMIT 1`)
      .get(contentHash) as { id: number; key: string } | undefined;
  }

  async documentWithHash(contentHash: string): Promise<{ id: number; key: string } | null> {
    return this.hashed(contentHash) ?? null;
  }

  async examples(): Promise<StoreExamples> {
    return this.remembered('examples', () => this.computeExamples());
  }

  private computeExamples(): StoreExamples {
    // Each a single indexed read: entities_by_mentions (kind, mention_count DESC); proposal_evidence's primary key.
    const top = (kind: EntityKind) =>
      (this.db
        .prepare(
          `SELECT name FROM entities WHERE kind = ? AND corpus_id ${this.c} ORDER BY mention_count DESC, name LIMIT 1`,
        )
        .pluck()
        .get(kind) as string | undefined) ?? null;
    const proposal = this.db
      .prepare(
        `SELECT p.name FROM proposal_evidence e JOIN proposals p ON p.id = e.proposal_id WHERE p.corpus_id ${this.c}
         GROUP BY e.proposal_id ORDER BY count(*) DESC, e.proposal_id LIMIT 1`,
      )
      .pluck()
      .get() as string | undefined;
    return { person: top('person'), place: top('place'), proposal: proposal ?? null };
  }

  private readonly memo = new Map<string, { version: string; value: unknown }>();

  /**
   * Figures and unfiltered lists that change only when documents do (counts, stats, the lists every answer starts
   * from): read once per change of the file (see Corpora.version), handed out as copies.
   */
  private async remembered<T>(key: string, read: () => T | Promise<T>): Promise<T> {
    const version = this.corpora.version();
    const hit = this.memo.get(key);
    if (hit?.version === version) return structuredClone(hit.value as T);
    const value = await read();
    if (this.memo.size >= REMEMBERED_KEPT) this.memo.delete(this.memo.keys().next().value as string);
    this.memo.set(key, { version, value });
    return structuredClone(value);
  }

  async count(what: Countable): Promise<number> {
    return this.remembered(
      `count:${what}`,
      () =>
        this.db
          .prepare(`SELECT count(*) FROM ${countedRows(what)} corpus_id ${this.c}`)
          .pluck()
          .get() as number,
    );
  }

  async stats(): Promise<StoreStats> {
    return this.remembered('stats', () => this.computeStats());
  }

  private computeStats(): StoreStats {
    const count = (sql: string) => (this.db.prepare(sql).pluck().get() as number) ?? 0;
    const c = this.c;
    const bySentence = (table: string) =>
      count(`SELECT count(*) FROM ${table} t JOIN sentences s ON s.id = t.sentence_id
             JOIN documents d ON d.id = s.document_id WHERE d.corpus_id ${c}`);
    const entities = (kind: EntityKind) =>
      count(`SELECT count(*) FROM entities WHERE kind = '${kind}' AND corpus_id ${c}`);
    return {
      documents: count(`SELECT count(*) FROM documents WHERE corpus_id ${c}`),
      sentences: count(
        `SELECT count(*) FROM sentences s JOIN documents d ON d.id = s.document_id WHERE d.corpus_id ${c}`,
      ),
      people: entities('person'),
      places: entities('place'),
      organizations: entities('organization'),
      proposals: count(`SELECT count(*) FROM proposals WHERE corpus_id ${c}`),
      quotes: bySentence('quotes'),
      dates: bySentence('dates'),
      events: count(`SELECT count(*) FROM events WHERE corpus_id ${c}`),
      conflicts: count(
        `SELECT count(*) FROM event_disputes x JOIN events e ON e.id = x.event_id WHERE e.corpus_id ${c}`,
      ),
    };
  }

  async documents(limit = -1): Promise<DocumentRow[]> {
    return this.db
      .prepare(
        `SELECT d.id, d.key, d.title, d.source, d.url, d.published_at AS publishedAt, d.ingested_at AS ingestedAt,
                (SELECT count(*) FROM sentences s WHERE s.document_id = d.id) AS sentences
         FROM (${this.oldestDocuments()}) page
         JOIN documents d ON d.id = page.id ORDER BY coalesce(d.published_at, d.ingested_at), d.id`,
      )
      .all(...corpusIds(this.c).map(() => limit), limit) as DocumentRow[];
  }

  /** The ids of the oldest documents, at most `?` of each corpus, then at most `?` of all: documents_by_date. */
  private oldestDocuments(): string {
    const order = 'coalesce(published_at, ingested_at), id';
    const each = corpusIds(this.c).map(
      (id) => `SELECT * FROM (SELECT id, ${order.replace(', id', '')} AS dated FROM documents
               WHERE corpus_id = ${id} ORDER BY ${order} LIMIT ?)`,
    );
    return `SELECT id FROM (${each.join(' UNION ALL ')}) ORDER BY dated, id LIMIT ?`;
  }

  async ownDocuments(typed: string, limit: number): Promise<DocumentRow[]> {
    if (!this.reader.own) return [];
    const like = `%${typed
      .trim()
      .toLowerCase()
      .replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    return this.db
      .prepare(
        `SELECT d.id, d.key, d.title, d.source, d.url, d.published_at AS publishedAt, d.ingested_at AS ingestedAt,
                (SELECT count(*) FROM sentences s WHERE s.document_id = d.id) AS sentences
         FROM documents d
         WHERE d.corpus_id = ? AND (lower(d.title) LIKE ? ESCAPE '\\' OR lower(d.key) LIKE ? ESCAPE '\\')
         ORDER BY d.id DESC LIMIT ?`,
      )
      .all(this.own, like, like, limit) as DocumentRow[];
  }

  async conflicts(): Promise<EventDispute[]> {
    return disputeRows(this.db, this.c);
  }

  feedStore(): FeedStore {
    return this.corpora.feeds;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
