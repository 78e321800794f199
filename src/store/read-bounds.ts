import type { SentenceRef } from './store.ts';

/**
 * What every backend's reads share, so the two give the same answers: how much each list holds, and the one shape
 * of a citation row.
 */

/** An entity's distinct roles listed: a career's worth, few enough for one embed field. */
export const ROLES_SHOWN = 10;
/** Documents listed under an entity; the document count says how many more there are. */
export const ENTITY_DOCUMENTS_SHOWN = 6;
/** A proposal's other names listed; past a dozen they are spelling variants, not news. */
export const PROPOSAL_ALIASES_SHOWN = 12;
/** Sentences kept per place in a list of places: enough for the venue signal to find the one that says "talks in". */
export const PLACE_REFS = 12;
/** bm25 candidates fetched per hit asked for (and at least a floor), so boosting by entity has room to reorder. */
export const SEARCH_CANDIDATES_PER_HIT = 8;
export const MIN_SEARCH_CANDIDATES = 24;
/** An event's statements shown with it. */
export const SOURCES_SHOWN = 3;
/** Dates and events a digest lists at most: a day's news, not the whole story (that is /timeline). */
export const NEWS_DATES = 50;
export const NEWS_EVENTS = 20;

/** A row that holds a citation's columns (see each backend's REF). */
export type RefRow = SentenceRef & Record<string, unknown>;
export const toRef = (r: RefRow): SentenceRef => ({
  documentId: r.documentId,
  document: r.document,
  url: r.url,
  sentenceIndex: r.sentenceIndex,
  sentence: r.sentence,
});

/** Text for a LIKE pattern with its wildcards taken literally (ESCAPE '\'). */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The table and condition `count(what)` reads: documents, proposals and events, or entities of a kind. */
export function countedRows(what: 'documents' | 'proposals' | 'events' | 'person' | 'place' | 'organization'): string {
  return what === 'documents' || what === 'proposals' || what === 'events'
    ? `${what} WHERE`
    : `entities WHERE kind = '${what}' AND`;
}
