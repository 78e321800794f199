import type { Reader } from './corpus.ts';
import type { FeedStore } from './feeds.ts';
import type { DocumentWrites } from './writer.ts';

export type EntityKind = 'person' | 'place' | 'organization';
/** What `count` counts. */
export type Countable = 'documents' | 'proposals' | 'events' | EntityKind;

export interface IngestResult {
  status: 'new' | 'replaced' | 'unchanged';
  documentId: number;
  /** When unchanged: the key of the document that already holds this content. */
  sameAs?: string;
  /** Entities and proposals that this document brought into the store for the first time. */
  added: { people: string[]; places: string[]; organizations: string[]; proposals: string[] };
  /** Events this document's statements flagged as disagreeing with other sources. */
  conflicts: number;
  /** Facts that could not be merged and were left out (the document itself is stored). */
  dropped: string[];
}

export interface StoreStats {
  documents: number;
  sentences: number;
  people: number;
  places: number;
  organizations: number;
  proposals: number;
  quotes: number;
  dates: number;
  events: number;
  conflicts: number;
}

export interface StoreExamples {
  /** The most-mentioned person. */
  person: string | null;
  /** The most-mentioned place. */
  place: string | null;
  /** The proposal with the most supporting sentences. */
  proposal: string | null;
}

export interface DocumentRow {
  id: number;
  key: string;
  title: string;
  source: string | null;
  url: string | null;
  publishedAt: string | null;
  ingestedAt: string;
  sentences: number;
}

/** One source's statement of an event, with the date it gives. */
export interface EventSource {
  text: string | null;
  iso: string | null;
  precision: 'day' | 'month' | 'year' | null;
  ref: SentenceRef;
}

export interface EventRow {
  id: number;
  kind: string;
  /** Built from its parts: "Keller, Moreau — talks, Vienna". */
  label: string;
  place: string | null;
  day: string | null;
  precision: 'day' | 'month' | 'year' | null;
  /** The date as written when it has no calendar value ("on Saturday" in an undated document). */
  rawDate: string | null;
  participants: string[];
  /** The first few statements; `sourceCount` has them all. */
  sources: EventSource[];
  sourceCount: number;
  /** When sources disagree on its date: the event it contradicts and that event's statements. */
  dispute: { label: string; day: string | null; sources: EventSource[] } | null;
}

/** A flagged event: the outlying statements beside the dates every other source gives. */
export interface EventDispute {
  label: string;
  flagged: EventSource[];
  others: EventSource[];
}

/** What forgetting one document took from its corpus: the facts only it supported. */
export interface ForgetResult {
  id: number;
  key: string;
  title: string;
  removed: { entities: number; proposals: number; events: number; quotes: number; dates: number };
}

/** A test hook: called between the stages of one document's ingest, so a test can fail it midway. */
export type IngestProbe = (stage: 'document' | 'sentences' | 'entities' | 'proposals' | 'quotes' | 'dates') => void;

/**
 * The store's interfaces, by use (every method returns a Promise, so a networked database stands behind them as
 * well as the embedded SQLite file):
 * - `CorpusReads`: what answers read — one reader's view of its corpora (src/briefing);
 * - `IngestStore`: what ingest needs — a document by content, and one transaction's writer (src/ingest);
 * - `DigestStore`: subscriptions, slots and the news since a mark (src/digest); feeds are src/store/feeds.ts.
 *
 * A view is one reader's (src/store/corpus.ts): its reads see only the reader's corpora, its writes (`write`) go to
 * the reader's own corpus. The store a database opens as is the shared corpus's; `as` gives another.
 * Subscriptions and digest slots are not divided: a subscription's guild says which corpora its digest reads.
 */
export interface CorpusReads extends StoreQueries {
  readonly reader: Reader;
  /** The document of the reader's corpora that already holds this content, if any. */
  documentWithHash(contentHash: string): Promise<{ id: number; key: string } | null>;
  /** Every figure of the corpora, for a banner or the CLI: it counts sentences, quotes and dates, so not per answer. */
  stats(): Promise<StoreStats>;
  /** How many documents, proposals, events or entities of a kind the reader's corpora hold: one indexed count. */
  count(what: Countable): Promise<number>;
  /** What help and hints suggest asking about: the store's own most-mentioned names (null where there is none). */
  examples(): Promise<StoreExamples>;
  /** Documents, oldest first (by publication, else ingestion), at most `limit` (default all). */
  documents(limit?: number): Promise<DocumentRow[]>;
  /** Events whose sources disagree on the date, each once. */
  conflicts(): Promise<EventDispute[]>;
  /** Documents of the reader's own corpus (never the shared one) whose title or key holds `typed`, newest first. */
  ownDocuments(typed: string, limit: number): Promise<DocumentRow[]>;
}

/** What ingest and forget need: which document holds a content, and one transaction's writer for the rest. */
export interface IngestStore extends DocumentWrites {
  readonly reader: Reader;
  documentWithHash(contentHash: string): Promise<{ id: number; key: string } | null>;
}

/** One reader's view of the corpora, to read and to write; `as` gives another reader's. */
export interface CorpusStore extends CorpusReads, IngestStore {
  as(reader: Reader): CorpusStore;
}

/** A whole database: every reader's views, the digests' subscriptions, and the feeds it polls. */
export interface Store extends CorpusStore, DigestStore {
  /** The same database seen by another reader. */
  as(reader: Reader): Store;
  /** The feeds followed, with their polls and items (one set for the whole database). */
  feedStore(): FeedStore;
  close(): Promise<void>;
}

/** A sentence as a citation: the document it is in and its text. */
export interface SentenceRef {
  documentId: number;
  document: string;
  url: string | null;
  sentenceIndex: number;
  sentence: string;
}

export interface EntityMatch {
  id: number;
  kind: EntityKind;
  name: string;
  affiliation: string | null;
  /** The alias or role that matched the query. */
  matched: string;
}

export interface PersonSummary {
  id: number;
  name: string;
  affiliation: string | null;
  roles: string[];
  mentions: number;
}

export interface EntityDetail {
  id: number;
  kind: EntityKind;
  name: string;
  affiliation: string | null;
  placeKind: string | null;
  aliases: string[];
  roles: { role: string; ref: SentenceRef }[];
  /** Sentences that mention the entity, in document order. */
  mentions: SentenceRef[];
  mentionCount: number;
  /** The first few documents that mention it; `documentCount` has them all. */
  documents: { id: number; title: string; url: string | null }[];
  documentCount: number;
}

export interface PlaceSummary {
  id: number;
  name: string;
  placeKind: string | null;
  mentions: number;
  /** The sentences mentioning it, first few in document order. */
  refs: SentenceRef[];
}

export interface ProposalSummary {
  id: number;
  name: string;
  aliases: string[];
  /**
   * The status history: one report per document, newest first (by publication date, else ingestion), with the
   * date and the first sentence that document gives the proposal.
   */
  reports: {
    documentId: number;
    document: string;
    date: string | null;
    status: string | null;
    proposedBy: string[];
    ref: SentenceRef | null;
  }[];
  /** The first supporting sentences, at most the number asked for; `evidenceCount` has them all. */
  evidence: SentenceRef[];
  evidenceCount: number;
}

interface QuoteRow {
  id: number;
  speaker: string | null;
  speakerId: number | null;
  text: string;
  ref: SentenceRef;
}

export interface DateRow {
  id: number;
  text: string;
  iso: string | null;
  precision: 'day' | 'month' | 'year' | null;
  what: string | null;
  ref: SentenceRef;
  publishedAt: string | null;
}

export interface SearchHit {
  ref: SentenceRef;
  score: number;
}

export interface StoreQueries {
  /** The most-mentioned people; with `affiliations`, only those who act for one of them (compared without case). */
  listPeople(limit: number, filter?: { affiliations?: string[] }): Promise<PersonSummary[]>;
  findEntities(kind: EntityKind | null, text: string, limit: number): Promise<EntityMatch[]>;
  /** Where an entity first appears: its first role, else its first mention. */
  firstRef(id: number): Promise<SentenceRef | null>;
  /** The most-mentioned entities of a kind, by display name. */
  topNames(kind: EntityKind, limit: number): Promise<string[]>;
  /**
   * Names and aliases, narrowed by alias key: any of `keys` exactly, starting with any of `prefixes`, or with a word
   * starting with `wordPrefix`. With no narrowing, every name.
   */
  allNames(
    kind: EntityKind | null,
    narrow?: { keys?: string[]; prefixes?: string[]; wordPrefix?: string; limit?: number },
  ): Promise<{ id: number; kind: EntityKind; name: string; alias: string }[]>;
  entity(id: number, mentionLimit: number): Promise<EntityDetail | null>;
  listPlaces(limit: number): Promise<PlaceSummary[]>;
  /** Proposals, most supported first (or those with the given ids), each with bounded detail. */
  listProposals(opts: {
    limit: number;
    evidence: number;
    reports?: number;
    ids?: number[];
  }): Promise<ProposalSummary[]>;
  /** Every proposal's name and aliases, for matching what someone typed. */
  proposalNames(): Promise<{ id: number; name: string; aliases: string[] }[]>;
  /**
   * Attributed quotes (a speaker known by entity or by name) in document order, with how many there are: the one
   * count of quotes to show. `speakerIds` matches the speaker's entity, or a speaker name that is one of its aliases
   * (an organisation quoted by name). `aboutMatch` is an FTS5 expression over the quote's sentence.
   */
  listQuotes(filter: {
    speakerIds?: number[];
    aboutMatch?: string | null;
    limit: number;
  }): Promise<{ rows: QuoteRow[]; total: number }>;
  /** Dated (ISO known) or undated dates in time order (or newest first), with the total that match. */
  /**
   * Events, dated ones by date (oldest first unless `newestFirst`), or undated ones in document order; narrowed
   * to those an entity takes part in, that happen at a place, that have happened, or that are stated after a document.
   */
  listEvents(opts: {
    dated: boolean;
    limit: number;
    newestFirst?: boolean;
    afterDocumentId?: number;
    participantId?: number;
    placeId?: number;
    /** Only events some source states as having happened, not only as planned. */
    happened?: boolean;
  }): Promise<{ rows: EventRow[]; total: number }>;
  listDates(opts: {
    dated: boolean;
    limit: number;
    newestFirst?: boolean;
    afterDocumentId?: number;
  }): Promise<{ rows: DateRow[]; total: number }>;
  /** FTS5 MATCH over sentences, BM25-ranked; sentences that mention `boost` entities rank higher. */
  search(match: string, limit: number, boost: number[]): Promise<SearchHit[]>;
  /**
   * In how many sentences each word occurs, keyed by the word as given, and how many sentences there are. Words are
   * put through the index's own tokenizer first (lower-cased, stemmed), so "Negotiations" counts the sentences
   * holding any form of it.
   */
  termFrequencies(words: string[]): Promise<{ sentences: number; counts: Map<string, number> }>;
  sentenceRefs(documentId: number, indexes: number[]): Promise<SentenceRef[]>;
}

export type SlotState = 'pending' | 'sent' | 'skipped' | 'failed';

export interface NewSubscription {
  guildId: string | null;
  channelId: string;
  schedule: string;
  timezone: string;
  postWhenEmpty: boolean;
  createdBy: string | null;
}

export interface Subscription extends NewSubscription {
  id: number;
  state: 'active' | 'disabled';
  disabledReason: string | null;
  createdAt: string;
  lastDocumentId: number | null;
  lastPostedAt: string | null;
  lastSlot: { slot: string; state: SlotState; reason: string | null } | null;
}

export interface SlotRow {
  slot: string;
  state: SlotState;
  attempts: number;
  reason: string | null;
  messageId: string | null;
  /** ISO time of the latest claim: a pending slot is being sent by whoever claimed it then. */
  claimedAt: string | null;
}

/** What entered the store after a document id: the raw material of a digest. */
export interface News {
  latestDocumentId: number;
  documents: DocumentRow[];
  people: { name: string; isNew: boolean; role: string | null; affiliation: string | null; ref: SentenceRef }[];
  proposals: {
    name: string;
    change: 'new' | 'status';
    status: string | null;
    before: string | null;
    ref: SentenceRef | null;
  }[];
  quotes: QuoteRow[];
  dates: DateRow[];
  events: EventRow[];
  conflicts: EventDispute[];
}

/**
 * Subscriptions and their slots, shared by every process that posts digests: a slot is claimed by one process, which
 * sends it and finishes it. Not divided by reader: a subscription's guild says which corpora its digest reads.
 */
export interface SubscriptionStore {
  /** Adds a subscription, or updates (and re-activates) the one that channel already has. */
  subscribe(s: NewSubscription, now: Date): Promise<Subscription>;
  unsubscribe(channelId: string): Promise<boolean>;
  subscriptions(filter?: { guildId?: string | null; activeOnly?: boolean }): Promise<Subscription[]>;
  subscription(id: number): Promise<Subscription | null>;
  disable(id: number, reason: string): Promise<void>;
  /**
   * "May I post this slot?": records the slot as pending, claimed at `now`, and answers true only for the first
   * caller. With `reclaimAfterMs`, a slot still pending whose claim is at least that old (its claimer died mid-slot)
   * is claimed again, by one caller, and the attempt counted.
   */
  claimSlot(id: number, slot: string, now: Date, reclaimAfterMs?: number): Promise<boolean>;
  slot(id: number, slot: string): Promise<SlotRow | null>;
  /** A subscription's slots in slot order, or only those in one state. */
  slots(id: number, filter?: { state?: SlotState }): Promise<SlotRow[]>;
  /** Closes a slot; a sent or skipped slot moves the subscription's "news since" mark to `upTo`. */
  finishSlot(
    id: number,
    slot: string,
    state: Exclude<SlotState, 'pending'>,
    now: Date,
    detail?: { reason?: string; messageId?: string; upTo?: number },
  ): Promise<void>;
}

/** What a digest reads from the corpus: the reader's latest document and what came after one. */
export interface DigestReads {
  latestDocumentId(): Promise<number>;
  news(afterDocumentId: number): Promise<News>;
}

export interface DigestStore extends SubscriptionStore, DigestReads {}
