import type { SourceDocument } from '../documents/document.ts';
import type { Extraction } from '../extract/contract.ts';
import {
  isGenericProposalKey,
  sameProposalKey,
  samePersonName,
  sameSpellingVariant,
  sameStory,
} from '../match/names.ts';
import { fold, nameKey, phraseKey, skeletonKey } from '../text/names.ts';
import type { Sentence } from '../text/sentences.ts';
import { sharedReader, type Reader } from './corpus.ts';
import { newsStore, sqliteSubscriptions } from './sqlite-digest.ts';
import { disputeRows, listEvents } from './sqlite-event-queries.ts';
import { corpusIn, sqliteQueries, type CorpusIn } from './sqlite-queries.ts';
import {
  eventsOfDocument,
  pruneEvents,
  refreshDisputes,
  storeEvent,
  type Neighbourhood,
  type ResolvedEntity,
} from './sqlite-events.ts';
import { openDatabase, type Db } from './sqlite.ts';
import type {
  DigestStore,
  EventDispute,
  DocumentRow,
  EntityKind,
  ForgetResult,
  IngestProbe,
  IngestResult,
  Store,
  StoreQueries,
  StoreExamples,
  StoreStats,
} from './store.ts';

/** What one document's ingest has written so far. */
interface DocumentWrite {
  documentId: number;
  sentences: Sentence[];
  sentenceIds: number[];
  /** The entities the document names, by every folded form, resolved to their rows. */
  entities: Map<string, ResolvedEntity>;
  added: IngestResult['added'];
  dropped: string[];
}

function sid(w: DocumentWrite, i: number): number {
  const id = w.sentenceIds[i];
  if (id === undefined)
    throw new Error(`extraction points at sentence ${i}, but the document has ${w.sentenceIds.length}`);
  return id;
}

/**
 * The display name of one entity, whatever order its documents came in: a fuller name wins ("Keller" seen first,
 * "Anna Keller" later); between spellings of equal length, the one that keeps its accents, then the first in order.
 */
function preferredName(a: string, b: string): string {
  const words = (s: string) => s.split(/\s+/).length;
  if (words(a) !== words(b)) return words(a) > words(b) ? a : b;
  const marks = (s: string) => s.normalize('NFKD').length - s.length;
  if (marks(a) !== marks(b)) return marks(a) > marks(b) ? a : b;
  return a < b ? a : b;
}

interface EntityRow {
  id: number;
  name: string;
  affiliation: string | null;
}

/** Views of one database kept at most: one per reader recently asked for (a reader is two corpora). */
const VIEWS_KEPT = 256;

/** What every reader's view of one database shares: the connection, corpus ids by name, the views themselves. */
class Corpora {
  private readonly ids = new Map<string, number>();
  readonly views = new Map<string, SqliteStore>();
  constructor(readonly db: Db) {}

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

  listPeople: StoreQueries['listPeople'] = (...a) => this.q.listPeople(...a);
  findEntities: StoreQueries['findEntities'] = (...a) => this.q.findEntities(...a);
  topNames: StoreQueries['topNames'] = (...a) => this.q.topNames(...a);
  firstRef: StoreQueries['firstRef'] = (...a) => this.q.firstRef(...a);
  allNames: StoreQueries['allNames'] = (...a) => this.q.allNames(...a);
  entity: StoreQueries['entity'] = (...a) => this.q.entity(...a);
  listPlaces: StoreQueries['listPlaces'] = (...a) => this.q.listPlaces(...a);
  listProposals: StoreQueries['listProposals'] = (...a) => this.q.listProposals(...a);
  listQuotes: StoreQueries['listQuotes'] = (...a) => this.q.listQuotes(...a);
  listDates: StoreQueries['listDates'] = (...a) => this.q.listDates(...a);
  listEvents: StoreQueries['listEvents'] = async (o) => listEvents(this.db, this.c, o);
  proposalNames: StoreQueries['proposalNames'] = (...a) => this.q.proposalNames(...a);
  search: StoreQueries['search'] = (...a) => this.q.search(...a);
  termFrequencies: StoreQueries['termFrequencies'] = (...a) => this.q.termFrequencies(...a);
  sentenceRefs: StoreQueries['sentenceRefs'] = (...a) => this.q.sentenceRefs(...a);

  async ingest(
    doc: SourceDocument,
    sentences: Sentence[],
    x: Extraction,
    probe: IngestProbe = () => {},
  ): Promise<IngestResult> {
    return this.db.transaction(() => this.ingestSync(doc, sentences, x, probe)).immediate();
  }

  private ingestSync(doc: SourceDocument, sentences: Sentence[], x: Extraction, probe: IngestProbe): IngestResult {
    const added: IngestResult['added'] = { people: [], places: [], organizations: [], proposals: [] };
    const corpus = this.own;
    const same = this.hashed(doc.contentHash);
    if (same) return { status: 'unchanged', documentId: same.id, sameAs: same.key, added, conflicts: 0, dropped: [] };
    const old = this.db.prepare('SELECT id FROM documents WHERE key = ? AND corpus_id = ?').get(doc.key, corpus) as
      { id: number } | undefined;
    if (old) this.deleteDocument(old.id);
    const w: DocumentWrite = {
      documentId: this.insertDocument(doc, corpus),
      sentences,
      sentenceIds: [],
      entities: new Map(),
      added,
      dropped: [],
    };
    probe('document');
    const insertSentence = this.db.prepare(
      'INSERT INTO sentences (document_id, idx, start_offset, end_offset, text) VALUES (?, ?, ?, ?, ?)',
    );
    w.sentenceIds = sentences.map((s) =>
      Number(insertSentence.run(w.documentId, s.index, s.start, s.end, s.text).lastInsertRowid),
    );
    probe('sentences');
    this.storeEntities(w, x);
    probe('entities');
    this.storeProposals(w, x);
    probe('proposals');
    this.storeQuotes(w, x);
    probe('quotes');
    this.storeDates(w, x);
    const conflicts = this.storeEvents(w, x);
    probe('dates');
    return { status: old ? 'replaced' : 'new', documentId: w.documentId, added, conflicts, dropped: w.dropped };
  }

  private insertDocument(doc: SourceDocument, corpus: number): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO documents (corpus_id, key, content_hash, title, source, url, published_at, tags, body,
                                  ingested_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          corpus,
          doc.key,
          doc.contentHash,
          doc.title,
          doc.source,
          doc.url,
          doc.publishedAt,
          JSON.stringify(doc.tags),
          doc.body,
          new Date().toISOString(),
        ).lastInsertRowid,
    );
  }

  /**
   * One fact, merged in its own savepoint: a fact that cannot be merged is rolled back, named in `dropped` and
   * left out, and the document is stored without it.
   */
  private fact(w: DocumentWrite, what: string, write: () => void): void {
    try {
      this.db.transaction(write)();
    } catch (e) {
      w.dropped.push(`${what}: ${(e as Error).message}`);
    }
  }

  private storeEntities(w: DocumentWrite, x: Extraction): void {
    const mention = this.db.prepare('INSERT OR IGNORE INTO mentions (entity_id, sentence_id) VALUES (?, ?)');
    const role = this.db.prepare(
      'INSERT OR IGNORE INTO roles (entity_id, role, affiliation, sentence_id) VALUES (?, ?, ?, ?)',
    );
    const remember = (id: number, kind: EntityKind, name: string, forms: string[]) => {
      for (const f of [name, ...forms]) if (!w.entities.has(fold(f))) w.entities.set(fold(f), { id, kind, name });
    };
    for (const p of x.people) {
      this.fact(w, `person ${p.name}`, () => {
        const { id, isNew } = this.resolveEntity('person', p.name, p.aliases, w.documentId, {
          affiliation: p.affiliation,
        });
        for (const s of p.sentences) mention.run(id, sid(w, s));
        for (const r of p.roles) role.run(id, r, p.affiliation, sid(w, p.roleSentences[r] ?? p.sentences[0] ?? 0));
        if (isNew) w.added.people.push(p.name);
        remember(id, 'person', p.name, p.aliases);
      });
    }
    const others: Array<[EntityKind, Extraction['places'][number] | Extraction['organizations'][number]]> = [
      ...x.places.map((pl) => ['place', pl] as [EntityKind, typeof pl]),
      ...x.organizations.map((o) => ['organization', o] as [EntityKind, typeof o]),
    ];
    for (const [kind, e] of others) {
      this.fact(w, `${kind} ${e.name}`, () => {
        const placeKind = 'kind' in e ? e.kind : undefined;
        const { id, isNew } = this.resolveEntity(kind, e.name, e.aliases, w.documentId, { placeKind });
        for (const s of e.sentences) mention.run(id, sid(w, s));
        if (isNew) (kind === 'place' ? w.added.places : w.added.organizations).push(e.name);
        remember(id, kind, e.name, e.aliases);
      });
    }
    this.recount(w.documentId);
  }

  private storeProposals(w: DocumentWrite, x: Extraction): void {
    const evidence = this.db.prepare(
      'INSERT OR IGNORE INTO proposal_evidence (proposal_id, sentence_id) VALUES (?, ?)',
    );
    const report = this.db.prepare(
      `INSERT OR REPLACE INTO proposal_reports (proposal_id, document_id, status, proposed_by)
       VALUES (?, ?, ?, ?)`,
    );
    const countries = x.places.filter((p) => p.kind === 'country').map((p) => fold(p.name));
    for (const pr of x.proposals) {
      this.fact(w, `proposal ${pr.name}`, () => {
        const { id, isNew } = this.resolveProposal(pr.name, pr.aliases, w.documentId, countries);
        report.run(id, w.documentId, pr.status, JSON.stringify(pr.proposedBy));
        for (const s of pr.evidence) evidence.run(id, sid(w, s));
        if (isNew) w.added.proposals.push(pr.name);
      });
    }
  }

  private storeQuotes(w: DocumentWrite, x: Extraction): void {
    const quote = this.db.prepare(
      'INSERT INTO quotes (sentence_id, speaker_id, speaker_name, text) VALUES (?, ?, ?, ?)',
    );
    for (const q of x.quotes) {
      this.fact(w, `quote in sentence ${q.sentence}`, () => {
        const speakerId = q.speaker
          ? (w.entities.get(fold(q.speaker))?.id ?? this.knownPerson(q.speaker)?.id ?? null)
          : null;
        quote.run(sid(w, q.sentence), speakerId, q.speaker, q.text);
      });
    }
  }

  private storeDates(w: DocumentWrite, x: Extraction): void {
    const date = this.db.prepare(
      'INSERT INTO dates (sentence_id, text, iso, precision, what, what_key) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const d of x.dates) {
      this.fact(w, `date ${d.text}`, () => {
        date.run(sid(w, d.sentence), d.text, d.iso, d.precision, d.what, d.what ? phraseKey(d.what) : null);
      });
    }
  }

  /**
   * Events merge into the events they state; then the disputes around them are re-decided. Returns the flags raised.
   */
  private storeEvents(w: DocumentWrite, x: Extraction): number {
    const around: Neighbourhood[] = [];
    for (const e of x.events) {
      this.fact(w, `event ${e.kind} in sentence ${e.sentence}`, () => {
        const participants = e.participants.map((n) => w.entities.get(fold(n))).filter((p): p is ResolvedEntity => !!p);
        for (const p of this.knownPeopleIn(w, e.sentence))
          if (!participants.some((x) => x.id === p.id)) participants.push(p);
        const place = e.place ? (w.entities.get(fold(e.place)) ?? null) : null;
        around.push(
          storeEvent(this.db, {
            corpusId: this.own,
            event: e,
            documentId: w.documentId,
            sentenceId: sid(w, e.sentence),
            participants,
            place,
          }),
        );
      });
    }
    this.recount(w.documentId);
    let flagged = 0;
    const seen = new Set<string>();
    for (const n of around) {
      const key = `${n.kind}|${n.placeKey}|${n.day}`;
      if (seen.has(key)) continue;
      seen.add(key);
      this.fact(w, `disputes of ${n.kind}`, () => {
        flagged += refreshDisputes(this.db, n);
      });
    }
    return flagged;
  }

  /**
   * The one person of the corpus a bare surname or short name refers to ("Keller", once "Anna Keller" is known),
   * or null when none or several answer to it.
   */
  private knownPerson(name: string): ResolvedEntity | null {
    const rows = this.db
      .prepare(
        `SELECT DISTINCT e.id, e.name FROM aliases a JOIN entities e ON e.id = a.entity_id
         WHERE e.kind = 'person' AND a.alias_key = ? AND e.corpus_id = ? LIMIT 2`,
      )
      .all(nameKey(name), this.own) as { id: number; name: string }[];
    return rows.length === 1 ? { ...rows[0], kind: 'person' } : null;
  }

  /** Earlier documents' people that a sentence names by surname alone; each becomes a mention of that sentence. */
  private knownPeopleIn(w: DocumentWrite, index: number): ResolvedEntity[] {
    const text = w.sentences[index]?.text ?? '';
    const found: ResolvedEntity[] = [];
    const mention = this.db.prepare('INSERT OR IGNORE INTO mentions (entity_id, sentence_id) VALUES (?, ?)');
    for (const m of text.matchAll(/(?<![\p{L}’'-])\p{Lu}[\p{Ll}’'-]+(?:\s+\p{Lu}[\p{Ll}’'-]+)?/gu)) {
      if (w.entities.has(fold(m[0]))) continue;
      const p = this.knownPerson(m[0]);
      if (!p || found.some((f) => f.id === p.id)) continue;
      mention.run(p.id, sid(w, index));
      found.push(p);
    }
    return found;
  }

  /** Refreshes the mention counts of the entities a document mentions. */
  private recount(documentId: number): void {
    this.db
      .prepare(
        `UPDATE entities SET mention_count = (SELECT count(*) FROM mentions m WHERE m.entity_id = entities.id)
         WHERE id IN (SELECT DISTINCT m.entity_id FROM mentions m JOIN sentences s ON s.id = m.sentence_id
         WHERE s.document_id = ?)`,
      )
      .run(documentId);
  }

  /** Removes a document and everything only it supported; entities other documents mention stay. */
  private deleteDocument(documentId: number): void {
    const db = this.db;
    const touched = db
      .prepare(
        'SELECT DISTINCT m.entity_id FROM mentions m JOIN sentences s ON s.id = m.sentence_id WHERE s.document_id = ?',
      )
      .pluck()
      .all(documentId) as number[];
    const events = eventsOfDocument(db, documentId);
    db.prepare('DELETE FROM documents WHERE id = ?').run(documentId);
    pruneEvents(db, events);
    const recount = db.prepare(
      `UPDATE entities SET mention_count = (SELECT count(*) FROM mentions m WHERE m.entity_id = entities.id)
       WHERE id = ?`,
    );
    for (const id of touched) recount.run(id);
    db.prepare(
      `DELETE FROM entities WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = entities.id)
         AND NOT EXISTS (SELECT 1 FROM roles r WHERE r.entity_id = entities.id)`,
    ).run();
    db.prepare(
      'DELETE FROM proposals WHERE NOT EXISTS (SELECT 1 FROM proposal_reports r WHERE r.proposal_id = proposals.id)',
    ).run();
  }

  /** Finds the entity a name refers to (by name, alias or spelling variant) or creates it; merges the aliases. */
  private resolveEntity(
    kind: EntityKind,
    name: string,
    aliases: string[],
    documentId: number,
    extra: { affiliation?: string | null; placeKind?: string },
  ): { id: number; isNew: boolean } {
    const db = this.db;
    const forms = [name, ...aliases];
    const keys = new Set(forms.map(nameKey).filter(Boolean));
    if (kind === 'person') keys.add(nameKey(name).split(' ').pop() ?? '');
    const placeholders = [...keys].map(() => '?').join(',');
    const candidates = db
      .prepare(
        `SELECT e.id, e.name, e.affiliation FROM entities e
         WHERE e.kind = ? AND e.corpus_id = ? AND e.name_key IN (${placeholders})
         UNION
         SELECT e.id, e.name, e.affiliation FROM aliases a JOIN entities e ON e.id = a.entity_id
         WHERE e.kind = ? AND e.corpus_id = ? AND a.alias_key IN (${placeholders})`,
      )
      .all(kind, this.own, ...keys, kind, this.own, ...keys) as EntityRow[];
    const match =
      (kind === 'person'
        ? candidates.find((c) => samePersonName(name, c.name))
        : (candidates.find((c) => nameKey(c.name) === nameKey(name)) ?? candidates[0])) ??
      this.spellingVariant(kind, name, extra);
    let id: number;
    let isNew = false;
    if (match) {
      id = match.id;
      if (!match.affiliation && extra.affiliation)
        db.prepare('UPDATE entities SET affiliation = ? WHERE id = ?').run(extra.affiliation, id);
      if (preferredName(name, match.name) !== match.name) {
        const key = nameKey(name);
        const taken = db
          .prepare('SELECT 1 FROM entities WHERE kind = ? AND name_key = ? AND corpus_id = ? AND id != ?')
          .get(kind, key, this.own, id);
        if (!taken) db.prepare('UPDATE entities SET name = ?, name_key = ? WHERE id = ?').run(name, key, id);
      }
    } else {
      id = Number(
        db
          .prepare(
            `INSERT INTO entities (corpus_id, kind, name, name_key, affiliation, place_kind, first_document_id)
             VALUES (?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(this.own, kind, name, nameKey(name), extra.affiliation ?? null, extra.placeKind ?? null, documentId)
          .lastInsertRowid,
      );
      isNew = true;
    }
    const alias = db.prepare(
      'INSERT OR IGNORE INTO aliases (entity_id, alias, alias_key, skeleton) VALUES (?, ?, ?, ?)',
    );
    for (const f of forms) if (nameKey(f)) alias.run(id, f, nameKey(f), skeletonKey(f));
    return { id, isNew };
  }

  /** An entity of the corpus spelled with other vowels ("-ian" / "-yan") that nothing tells apart from this name. */
  private spellingVariant(
    kind: EntityKind,
    name: string,
    extra: { affiliation?: string | null; placeKind?: string },
  ): EntityRow | undefined {
    const rows = this.db
      .prepare(
        `SELECT DISTINCT e.id, e.name, e.affiliation, e.place_kind AS placeKind FROM aliases a
         JOIN entities e ON e.id = a.entity_id
         WHERE e.kind = ? AND a.skeleton = ? AND e.corpus_id = ? LIMIT 5`,
      )
      .all(kind, skeletonKey(name), this.own) as (EntityRow & { placeKind: string | null })[];
    const mine = { name, affiliation: extra.affiliation ?? null, placeKind: extra.placeKind ?? null };
    const fits = rows.filter((r) => sameSpellingVariant(kind, mine, r));
    return fits.length === 1 ? fits[0] : undefined;
  }

  /**
   * The proposal a name refers to across documents. A bare head ("plan", "the deal") never links documents:
   * only names of two or more content words do, by equal keys or by nearly the same words (numbers must agree).
   * A generic name ("peace agreement") links only documents of one story (see sameStory).
   */
  private resolveProposal(
    name: string,
    aliases: string[],
    documentId: number,
    countries: string[],
  ): { id: number; isNew: boolean } {
    const keys = [...new Set([name, ...aliases].map(phraseKey).filter((k) => k.split(' ').length >= 2))];
    const specific = keys.filter((k) => !isGenericProposalKey(k));
    const generic = keys.filter(isGenericProposalKey);
    const found =
      this.proposalCandidates(specific)[0] ??
      this.proposalCandidates(generic).find((id) => sameStory(countries, this.proposalCountries(id)));
    const id = found ?? this.insertProposal(name, documentId);
    const alias = this.db.prepare(
      'INSERT OR IGNORE INTO proposal_aliases (proposal_id, alias, alias_key) VALUES (?, ?, ?)',
    );
    for (const f of [name, ...aliases]) if (phraseKey(f)) alias.run(id, f, phraseKey(f));
    return { id, isNew: found === undefined };
  }

  /** Proposals named by one of the keys exactly, else by nearly the same words. */
  private proposalCandidates(keys: string[]): number[] {
    if (!keys.length) return [];
    const placeholders = keys.map(() => '?').join(',');
    const exact = this.db
      .prepare(
        `SELECT id FROM proposals WHERE corpus_id = ? AND name_key IN (${placeholders})
         UNION SELECT a.proposal_id FROM proposal_aliases a JOIN proposals p ON p.id = a.proposal_id
         WHERE p.corpus_id = ? AND a.alias_key IN (${placeholders})`,
      )
      .pluck()
      .all(this.own, ...keys, this.own, ...keys) as number[];
    if (exact.length) return exact.sort((x, y) => x - y);
    const all = this.db.prepare('SELECT id, name_key FROM proposals WHERE corpus_id = ?').all(this.own) as {
      id: number;
      name_key: string;
    }[];
    return all.filter((p) => keys.some((k) => sameProposalKey(k, p.name_key.replace(/ #\d+$/, '')))).map((p) => p.id);
  }

  /** The countries named by the documents that report a proposal. */
  private proposalCountries(id: number): string[] {
    const names = this.db
      .prepare(
        `SELECT DISTINCT e.name FROM proposal_reports r
         JOIN sentences s ON s.document_id = r.document_id
         JOIN mentions m ON m.sentence_id = s.id
         JOIN entities e ON e.id = m.entity_id AND e.kind = 'place' AND e.place_kind = 'country'
         WHERE r.proposal_id = ?`,
      )
      .pluck()
      .all(id) as string[];
    return names.map(fold);
  }

  /** A new proposal; a second one of the same generic name ("peace agreement", another story's) gets "#2". */
  private insertProposal(name: string, documentId: number): number {
    const key = phraseKey(name) || fold(name);
    const taken = this.db.prepare('SELECT 1 FROM proposals WHERE name_key = ? AND corpus_id = ?').pluck();
    let unique = key;
    for (let n = 2; taken.get(unique, this.own); n++) unique = `${key} #${n}`;
    return Number(
      this.db
        .prepare('INSERT INTO proposals (corpus_id, name, name_key, first_document_id) VALUES (?, ?, ?, ?)')
        .run(this.own, name, unique, documentId).lastInsertRowid,
    );
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

  async stats(): Promise<StoreStats> {
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
         FROM (SELECT id FROM documents WHERE corpus_id ${this.c} ORDER BY coalesce(published_at, ingested_at), id
               LIMIT ?) page
         JOIN documents d ON d.id = page.id ORDER BY coalesce(d.published_at, d.ingested_at), d.id`,
      )
      .all(limit) as DocumentRow[];
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

  async forget(documentId: number): Promise<ForgetResult | null> {
    if (!this.reader.own) return null;
    return this.db
      .transaction((): ForgetResult | null => {
        const doc = this.db
          .prepare('SELECT id, key, title FROM documents WHERE id = ? AND corpus_id = ?')
          .get(documentId, this.own) as { id: number; key: string; title: string } | undefined;
        if (!doc) return null;
        const before = this.ownCounts();
        this.deleteDocument(doc.id);
        const after = this.ownCounts();
        const removed = Object.fromEntries(
          Object.entries(before).map(([k, v]) => [k, v - after[k as keyof typeof after]]),
        ) as ForgetResult['removed'];
        return { id: doc.id, key: doc.key, title: doc.title, removed };
      })
      .immediate();
  }

  /** What the own corpus holds: the figures a forget reports the change of. */
  private ownCounts(): ForgetResult['removed'] {
    const own = this.own;
    const count = (sql: string) => this.db.prepare(sql).pluck().get(own) as number;
    const bySentence = (table: string) =>
      count(`SELECT count(*) FROM ${table} t JOIN sentences s ON s.id = t.sentence_id
             JOIN documents d ON d.id = s.document_id WHERE d.corpus_id = ?`);
    return {
      entities: count('SELECT count(*) FROM entities WHERE corpus_id = ?'),
      proposals: count('SELECT count(*) FROM proposals WHERE corpus_id = ?'),
      events: count('SELECT count(*) FROM events WHERE corpus_id = ?'),
      quotes: bySentence('quotes'),
      dates: bySentence('dates'),
    };
  }

  async conflicts(): Promise<EventDispute[]> {
    return disputeRows(this.db, this.c);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
