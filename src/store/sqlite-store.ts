import type { SourceDocument } from '../documents/document.ts';
import type { Extraction } from '../extract/contract.ts';
import { daysApart, eventKinds } from '../ingest/events.ts';
import { fold, nameKey, overlap, phraseKey, sameProposalKey, samePersonName } from '../ingest/names.ts';
import type { Sentence } from '../text/sentences.ts';
import { sqliteDigest } from './sqlite-digest.ts';
import { conflictRows, sqliteQueries } from './sqlite-queries.ts';
import { openDatabase, type Db } from './sqlite.ts';
import type { DateConflict, DigestStore, DocumentRow, EntityKind, IngestProbe, IngestResult, Store, StoreQueries, StoreStats } from './store.ts';

interface EntityRow {
  id: number;
  name: string;
  affiliation: string | null;
}

export class SqliteStore implements Store {
  readonly db: Db;
  private readonly q: StoreQueries;

  constructor(file: string) {
    this.db = openDatabase(file);
    this.q = sqliteQueries(this.db);
    this.d = sqliteDigest(this.db, this.q);
  }

  private readonly d: DigestStore;
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
  proposalNames: StoreQueries['proposalNames'] = (...a) => this.q.proposalNames(...a);
  search: StoreQueries['search'] = (...a) => this.q.search(...a);
  termFrequencies: StoreQueries['termFrequencies'] = (...a) => this.q.termFrequencies(...a);
  sentenceRefs: StoreQueries['sentenceRefs'] = (...a) => this.q.sentenceRefs(...a);

  async ingest(doc: SourceDocument, sentences: Sentence[], x: Extraction, probe: IngestProbe = () => {}): Promise<IngestResult> {
    return this.db.transaction(() => this.ingestSync(doc, sentences, x, probe)).immediate();
  }

  private ingestSync(doc: SourceDocument, sentences: Sentence[], x: Extraction, probe: IngestProbe): IngestResult {
    const db = this.db;
    const added: IngestResult['added'] = { people: [], places: [], organizations: [], proposals: [] };
    const same = db.prepare('SELECT id, key FROM documents WHERE content_hash = ?').get(doc.contentHash) as { id: number; key: string } | undefined;
    if (same) return { status: 'unchanged', documentId: same.id, sameAs: same.key, added, conflicts: 0 };

    const old = db.prepare('SELECT id FROM documents WHERE key = ?').get(doc.key) as { id: number } | undefined;
    if (old) this.deleteDocument(old.id);
    const documentId = Number(
      db
        .prepare(
          `INSERT INTO documents (key, content_hash, title, source, url, published_at, tags, body, ingested_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(doc.key, doc.contentHash, doc.title, doc.source, doc.url, doc.publishedAt, JSON.stringify(doc.tags), doc.body, new Date().toISOString())
        .lastInsertRowid,
    );
    probe('document');

    const insertSentence = db.prepare('INSERT INTO sentences (document_id, idx, start_offset, end_offset, text) VALUES (?, ?, ?, ?, ?)');
    const sentenceIds = sentences.map((s) => Number(insertSentence.run(documentId, s.index, s.start, s.end, s.text).lastInsertRowid));
    const sid = (i: number) => {
      const id = sentenceIds[i];
      if (id === undefined) throw new Error(`extraction points at sentence ${i}, but the document has ${sentenceIds.length}`);
      return id;
    };
    probe('sentences');

    const mention = db.prepare('INSERT OR IGNORE INTO mentions (entity_id, sentence_id) VALUES (?, ?)');
    const role = db.prepare('INSERT OR IGNORE INTO roles (entity_id, role, affiliation, sentence_id) VALUES (?, ?, ?, ?)');
    const personIds = new Map<string, number>();
    for (const p of x.people) {
      const { id, isNew } = this.resolveEntity('person', p.name, p.aliases, documentId, { affiliation: p.affiliation });
      if (isNew) added.people.push(p.name);
      personIds.set(fold(p.name), id);
      for (const a of p.aliases) personIds.set(fold(a), id);
      for (const s of p.sentences) mention.run(id, sid(s));
      for (const r of p.roles) role.run(id, r, p.affiliation, sid(p.roleSentences[r] ?? p.sentences[0] ?? 0));
    }
    for (const pl of x.places) {
      const { id, isNew } = this.resolveEntity('place', pl.name, pl.aliases, documentId, { placeKind: pl.kind });
      if (isNew) added.places.push(pl.name);
      for (const s of pl.sentences) mention.run(id, sid(s));
    }
    for (const o of x.organizations) {
      const { id, isNew } = this.resolveEntity('organization', o.name, o.aliases, documentId, {});
      if (isNew) added.organizations.push(o.name);
      for (const s of o.sentences) mention.run(id, sid(s));
    }
    this.recount(documentId);
    probe('entities');

    const evidence = db.prepare('INSERT OR IGNORE INTO proposal_evidence (proposal_id, sentence_id) VALUES (?, ?)');
    const report = db.prepare('INSERT OR REPLACE INTO proposal_reports (proposal_id, document_id, status, proposed_by) VALUES (?, ?, ?, ?)');
    for (const pr of x.proposals) {
      const { id, isNew } = this.resolveProposal(pr.name, pr.aliases, documentId);
      if (isNew) added.proposals.push(pr.name);
      report.run(id, documentId, pr.status, JSON.stringify(pr.proposedBy));
      for (const s of pr.evidence) evidence.run(id, sid(s));
    }
    probe('proposals');

    const quote = db.prepare('INSERT INTO quotes (sentence_id, speaker_id, speaker_name, text) VALUES (?, ?, ?, ?)');
    for (const q of x.quotes) {
      const speakerId = q.speaker ? (personIds.get(fold(q.speaker)) ?? null) : null;
      quote.run(sid(q.sentence), speakerId, q.speaker, q.text);
    }
    probe('quotes');

    const date = db.prepare('INSERT INTO dates (sentence_id, text, iso, precision, what, what_key) VALUES (?, ?, ?, ?, ?, ?)');
    let conflicts = 0;
    for (const d of x.dates) {
      const whatKey = d.what ? phraseKey(d.what) : null;
      const dateId = Number(date.run(sid(d.sentence), d.text, d.iso, d.precision, d.what, whatKey).lastInsertRowid);
      if (d.iso) conflicts += this.recordConflicts(dateId, documentId, d.iso, whatKey, sid(d.sentence), sentences[d.sentence]?.text ?? '');
    }
    probe('dates');
    return { status: old ? 'replaced' : 'new', documentId, added, conflicts };
  }

  /** Refreshes the mention counts of the entities a document mentions. */
  private recount(documentId: number): void {
    this.db
      .prepare(
        `UPDATE entities SET mention_count = (SELECT count(*) FROM mentions m WHERE m.entity_id = entities.id)
         WHERE id IN (SELECT DISTINCT m.entity_id FROM mentions m JOIN sentences s ON s.id = m.sentence_id WHERE s.document_id = ?)`,
      )
      .run(documentId);
  }

  /** Removes a document and everything only it supported; entities other documents mention stay. */
  private deleteDocument(documentId: number): void {
    const db = this.db;
    const touched = db
      .prepare('SELECT DISTINCT m.entity_id FROM mentions m JOIN sentences s ON s.id = m.sentence_id WHERE s.document_id = ?')
      .pluck()
      .all(documentId) as number[];
    db.prepare('DELETE FROM documents WHERE id = ?').run(documentId);
    const recount = db.prepare('UPDATE entities SET mention_count = (SELECT count(*) FROM mentions m WHERE m.entity_id = entities.id) WHERE id = ?');
    for (const id of touched) recount.run(id);
    db.prepare(
      `DELETE FROM entities WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = entities.id)
         AND NOT EXISTS (SELECT 1 FROM roles r WHERE r.entity_id = entities.id)`,
    ).run();
    db.prepare('DELETE FROM proposals WHERE NOT EXISTS (SELECT 1 FROM proposal_reports r WHERE r.proposal_id = proposals.id)').run();
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
        `SELECT e.id, e.name, e.affiliation FROM entities e WHERE e.kind = ? AND e.name_key IN (${placeholders})
         UNION
         SELECT e.id, e.name, e.affiliation FROM aliases a JOIN entities e ON e.id = a.entity_id
         WHERE e.kind = ? AND a.alias_key IN (${placeholders})`,
      )
      .all(kind, ...keys, kind, ...keys) as EntityRow[];
    const match =
      kind === 'person'
        ? candidates.find((c) => samePersonName(name, c.name))
        : candidates.find((c) => nameKey(c.name) === nameKey(name)) ?? candidates[0];
    let id: number;
    let isNew = false;
    if (match) {
      id = match.id;
      if (!match.affiliation && extra.affiliation) db.prepare('UPDATE entities SET affiliation = ? WHERE id = ?').run(extra.affiliation, id);
      // A fuller name wins as the display name: "Zelenskyy" seen first, "Volodymyr Zelenskyy" later.
      if (name.split(/\s+/).length > match.name.split(/\s+/).length && !db.prepare('SELECT 1 FROM entities WHERE kind = ? AND name_key = ?').get(kind, nameKey(name))) {
        db.prepare('UPDATE entities SET name = ?, name_key = ? WHERE id = ?').run(name, nameKey(name), id);
      }
    } else {
      id = Number(
        db
          .prepare('INSERT INTO entities (kind, name, name_key, affiliation, place_kind, first_document_id) VALUES (?, ?, ?, ?, ?, ?)')
          .run(kind, name, nameKey(name), extra.affiliation ?? null, extra.placeKind ?? null, documentId).lastInsertRowid,
      );
      isNew = true;
    }
    const alias = db.prepare('INSERT OR IGNORE INTO aliases (entity_id, alias, alias_key) VALUES (?, ?, ?)');
    for (const f of forms) if (nameKey(f)) alias.run(id, f, nameKey(f));
    return { id, isNew };
  }

  /**
   * The proposal a name refers to across documents. A bare head ("plan", "the deal") never links documents:
   * only names of two or more content words do, by equal keys or by nearly the same words (numbers must agree).
   */
  private resolveProposal(name: string, aliases: string[], documentId: number): { id: number; isNew: boolean } {
    const db = this.db;
    const keys = [...new Set([name, ...aliases].map(phraseKey).filter((k) => k.split(' ').length >= 2))];
    let found: number | undefined;
    if (keys.length) {
      const placeholders = keys.map(() => '?').join(',');
      found = db
        .prepare(
          `SELECT id FROM proposals WHERE name_key IN (${placeholders})
           UNION ALL
           SELECT proposal_id FROM proposal_aliases WHERE alias_key IN (${placeholders}) LIMIT 1`,
        )
        .pluck()
        .get(...keys, ...keys) as number | undefined;
      found ??= (db.prepare('SELECT id, name_key FROM proposals').all() as { id: number; name_key: string }[]).find((p) =>
        keys.some((k) => sameProposalKey(k, p.name_key)),
      )?.id;
    }
    const id = found ?? Number(db.prepare('INSERT INTO proposals (name, name_key, first_document_id) VALUES (?, ?, ?)').run(name, phraseKey(name) || fold(name), documentId).lastInsertRowid);
    const alias = db.prepare('INSERT OR IGNORE INTO proposal_aliases (proposal_id, alias, alias_key) VALUES (?, ?, ?)');
    for (const f of [name, ...aliases]) if (phraseKey(f)) alias.run(id, f, phraseKey(f));
    return { id, isNew: found === undefined };
  }

  /**
   * Another document that dates the same event differently: both dates are kept and the pair recorded.
   * Two dates are taken for one event when (a) what they date reads nearly the same and the dates lie within a month,
   * or (b) their sentences name a same place and the same kind of event (talks, a vote, a visit…) and the dates lie
   * within two weeks: sources a day or a week apart on "the talks in Geneva" disagree; months apart, they are two
   * rounds.
   */
  private recordConflicts(dateId: number, documentId: number, iso: string, whatKey: string | null, sentenceId: number, sentence: string): number {
    const candidates = new Map<number, string>();
    if (whatKey) {
      const terms = [...new Set(whatKey.split(' ').filter(Boolean))];
      const addTerm = this.db.prepare('INSERT OR IGNORE INTO date_terms (term, date_id) VALUES (?, ?)');
      for (const t of terms) addTerm.run(t, dateId);
      const similar = this.db
        .prepare(
          `SELECT d.id, d.iso, d.what_key FROM (
             SELECT date_id, count(*) AS shared FROM date_terms WHERE term IN (${terms.map(() => '?').join(',')}) AND date_id != ?
             GROUP BY date_id HAVING shared >= ?
           ) c JOIN dates d ON d.id = c.date_id JOIN sentences s ON s.id = d.sentence_id
           WHERE s.document_id != ? AND d.iso IS NOT NULL`,
        )
        .all(...terms, dateId, Math.min(terms.length, 2), documentId) as { id: number; iso: string; what_key: string }[];
      for (const o of similar) if (overlap(o.what_key, whatKey) >= 0.8 && daysApart(o.iso, iso) <= 31) candidates.set(o.id, o.iso);
    }
    const kinds = eventKinds(sentence);
    if (kinds.length) {
      const samePlace = this.db
        .prepare(
          `SELECT DISTINCT d.id, d.iso, st.text FROM mentions mine JOIN entities e ON e.id = mine.entity_id AND e.kind = 'place'
           JOIN mentions theirs ON theirs.entity_id = mine.entity_id
           JOIN dates d ON d.sentence_id = theirs.sentence_id JOIN sentences st ON st.id = d.sentence_id
           WHERE mine.sentence_id = ? AND st.document_id != ? AND d.iso IS NOT NULL LIMIT 2000`,
        )
        .all(sentenceId, documentId) as { id: number; iso: string; text: string }[];
      for (const o of samePlace) {
        if (daysApart(o.iso, iso) <= 14 && eventKinds(o.text).some((k) => kinds.includes(k))) candidates.set(o.id, o.iso);
      }
    }
    let n = 0;
    const insert = this.db.prepare('INSERT OR IGNORE INTO date_conflicts (date_a, date_b) VALUES (?, ?)');
    for (const [otherId, otherIso] of candidates) {
      const shared = Math.min(otherIso.length, iso.length);
      if (otherIso.slice(0, shared) === iso.slice(0, shared)) continue; // "Nov 2025" does not contradict "2025-11-23"
      insert.run(otherId, dateId);
      n++;
    }
    return n;
  }

  async documentWithHash(contentHash: string): Promise<{ id: number; key: string } | null> {
    return (this.db.prepare('SELECT id, key FROM documents WHERE content_hash = ?').get(contentHash) as { id: number; key: string } | undefined) ?? null;
  }

  async stats(): Promise<StoreStats> {
    const count = (sql: string) => (this.db.prepare(sql).pluck().get() as number) ?? 0;
    return {
      documents: count('SELECT count(*) FROM documents'),
      sentences: count('SELECT count(*) FROM sentences'),
      people: count("SELECT count(*) FROM entities WHERE kind = 'person'"),
      places: count("SELECT count(*) FROM entities WHERE kind = 'place'"),
      organizations: count("SELECT count(*) FROM entities WHERE kind = 'organization'"),
      proposals: count('SELECT count(*) FROM proposals'),
      quotes: count('SELECT count(*) FROM quotes'),
      dates: count('SELECT count(*) FROM dates'),
      conflicts: count('SELECT count(*) FROM date_conflicts'),
    };
  }

  async documents(limit = -1): Promise<DocumentRow[]> {
    return this.db
      .prepare(
        `SELECT d.id, d.key, d.title, d.source, d.url, d.published_at AS publishedAt, d.ingested_at AS ingestedAt,
                (SELECT count(*) FROM sentences s WHERE s.document_id = d.id) AS sentences
         FROM (SELECT id FROM documents ORDER BY coalesce(published_at, ingested_at), id LIMIT ?) page
         JOIN documents d ON d.id = page.id ORDER BY coalesce(d.published_at, d.ingested_at), d.id`,
      )
      .all(limit) as DocumentRow[];
  }

  async conflicts(): Promise<DateConflict[]> {
    return conflictRows(this.db);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
