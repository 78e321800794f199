import type { SourceDocument } from '../documents/document.ts';
import type { Sentence } from '../text/sentences.ts';
import type { EntityKind, ForgetResult } from './store.ts';

/**
 * The ingest writer: what one document's write may read and change, inside one transaction, in the writer's own
 * corpus. Persistence only — candidates by key, rows in, rows out. What is "the same person / proposal / event"
 * and what "disagrees" is decided in src/ingest, so every backend shares those rules.
 */
export interface DocumentWriter {
  /** The corpus written into. */
  readonly corpusId: number;
  /** Runs `write` in a savepoint: when it throws, what it wrote is undone and the error goes on to the caller. */
  savepoint<T>(write: () => Promise<T>): Promise<T>;

  /** The document of the writer's readable corpora (its own or the shared one) that holds this content. */
  documentWithHash(contentHash: string): Promise<{ id: number; key: string } | null>;
  ownDocumentByKey(key: string): Promise<number | null>;
  ownDocument(id: number): Promise<{ id: number; key: string; title: string } | null>;
  insertDocument(doc: SourceDocument): Promise<number>;
  /** The sentences' row ids, in order. */
  insertSentences(documentId: number, sentences: Sentence[]): Promise<number[]>;
  /**
   * Deletes a document with its sentences and everything hanging off them; entities and proposals nothing supports
   * any more go too, and the mention counts of the rest are brought up to date. Events are the caller's to prune.
   */
  removeDocument(documentId: number): Promise<void>;
  /** What the own corpus holds, in the figures a forget reports. */
  ownCounts(): Promise<ForgetResult['removed']>;

  /** Entities of a kind whose name key or an alias key is one of `keys`. */
  entitiesByKeys(kind: EntityKind, keys: string[]): Promise<EntityRow[]>;
  /** Entities of a kind with an alias of this consonant skeleton (see skeletonKey), at most `limit`. */
  entitiesBySkeleton(kind: EntityKind, skeleton: string, limit: number): Promise<EntityRow[]>;
  insertEntity(e: NewEntity): Promise<number>;
  setAffiliation(id: number, affiliation: string): Promise<void>;
  /** Renames an entity unless another of its kind holds that name key; whether it did. */
  renameEntity(id: number, kind: EntityKind, name: string, nameKey: string): Promise<boolean>;
  addAliases(id: number, aliases: { alias: string; key: string; skeleton: string }[]): Promise<void>;
  addMention(entityId: number, sentenceId: number): Promise<void>;
  addRole(entityId: number, role: string, affiliation: string | null, sentenceId: number): Promise<void>;
  /** Refreshes the mention counts of the entities a document mentions. */
  recountMentions(documentId: number): Promise<void>;

  /** Proposals named (or aliased) by one of the keys, by id. */
  proposalsByKeys(keys: string[]): Promise<number[]>;
  /**
   * Proposals that may be named by nearly the same words as one of the keys: a backend may narrow them (by trigram,
   * say) but must not leave out one that shares a word with a key.
   */
  proposalsNear(keys: string[]): Promise<{ id: number; key: string }[]>;
  /** The names of the countries the documents reporting a proposal mention. */
  proposalCountries(id: number): Promise<string[]>;
  /** A new proposal; the key is made unique (" #2", " #3", …) when another holds it. */
  insertProposal(name: string, key: string, documentId: number): Promise<number>;
  addProposalAliases(id: number, aliases: { alias: string; key: string }[]): Promise<void>;
  /** One document's report of a proposal (a later report of the same document replaces it). */
  setProposalReport(id: number, documentId: number, status: string | null, proposedBy: string[]): Promise<void>;
  addProposalEvidence(id: number, sentenceId: number): Promise<void>;

  insertQuote(sentenceId: number, speakerId: number | null, speakerName: string | null, text: string): Promise<void>;
  insertDate(d: NewDate): Promise<void>;

  /** Events of a kind at a place key on a day (or, undated, with this raw date), each with its participants. */
  eventCandidates(
    kind: string,
    placeKey: number,
    day: string | null,
    rawDate: string | null,
  ): Promise<EventCandidate[]>;
  insertEvent(e: NewEvent): Promise<number>;
  addEventParticipants(id: number, entityIds: number[]): Promise<void>;
  addEventSource(s: NewEventSource): Promise<void>;
  /** An event's parts: its first participants (in the order they joined), place and whether every source is future. */
  eventParts(id: number, participants: number): Promise<EventParts | null>;
  updateEvent(id: number, derived: { label: string; futureOnly: boolean; lone: boolean }): Promise<void>;
  clearLone(id: number): Promise<void>;
  /** Day-precision events of a kind and place between two ISO days (inclusive), at most `limit`. */
  eventsBetween(kind: string, placeKey: number, from: string, to: string, limit: number): Promise<EventKey[]>;
  eventsOnDays(kind: string, placeKey: number, days: string[], limit: number): Promise<EventKey[]>;
  /** The nearest day-precision events before and after a day (at most `limit` each way), other than `exclude`. */
  eventsAround(kind: string, placeKey: number, day: string, exclude: number, limit: number): Promise<EventKey[]>;
  /** Events of a kind and place now marked lone, at most `limit`. */
  loneEvents(kind: string, placeKey: number, limit: number): Promise<EventKey[]>;
  /** Each event's participants (with their kinds) and its documents (with their publication dates). */
  eventLinks(ids: number[]): Promise<Map<number, EventLinks>>;
  /** Flags an event against the one it contradicts, or (withId undefined) clears its flag. */
  setDispute(id: number, withId: number | undefined): Promise<void>;
  /** The events a document states (with where they lie), read before it is removed. */
  eventsOfDocument(documentId: number): Promise<EventKey[]>;
  /** Deletes an event no source states any more; whether it did. */
  dropUnstatedEvent(id: number): Promise<boolean>;
}

/** A store that documents can be written into: one transaction per call, one at a time per database. */
export interface DocumentWrites {
  write<T>(work: (w: DocumentWriter) => Promise<T>): Promise<T>;
}

export interface EntityRow {
  id: number;
  name: string;
  affiliation: string | null;
  placeKind: string | null;
}

export interface NewEntity {
  kind: EntityKind;
  name: string;
  nameKey: string;
  affiliation: string | null;
  placeKind: string | null;
  documentId: number;
}

export interface NewDate {
  sentenceId: number;
  text: string;
  iso: string | null;
  precision: string | null;
  what: string | null;
  whatKey: string | null;
}

export interface Participant {
  id: number;
  kind: EntityKind;
  name: string;
}

export interface EventCandidate {
  id: number;
  participants: Participant[];
}

export interface NewEvent {
  kind: string;
  placeId: number | null;
  placeKey: number;
  day: string | null;
  precision: string | null;
  rawDate: string | null;
  label: string;
  documentId: number;
}

export interface NewEventSource {
  eventId: number;
  sentenceId: number;
  documentId: number;
  dateText: string | null;
  iso: string | null;
  precision: string | null;
  future: boolean;
}

export interface EventParts {
  kind: string;
  placeKey: number;
  day: string | null;
  place: string | null;
  futureOnly: boolean;
  participants: Participant[];
}

/** Where an event lies: what its disputes are decided by. */
export interface EventKey {
  id: number;
  kind: string;
  day: string | null;
  placeKey: number;
  futureOnly: boolean;
}

export interface EventLinks {
  participants: { id: number; kind: EntityKind }[];
  documents: { id: number; published: string | null }[];
}
