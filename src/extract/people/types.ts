import type { AnalyzedSentence, NameChunk, TitleChunk } from '../chunks.ts';

/** The people stage's data: a person as extracted, and the name spans (candidates) it is built from. */
export type Gender = 'm' | 'f';

export interface PersonMention {
  s: number;
  /** chunk index in the sentence */
  chunk: number;
  start: number;
  end: number;
  poss: boolean;
  inComplement: boolean;
  form: string;
}

export interface Person {
  id: number;
  name: string;
  aliases: string[];
  roles: string[];
  roleSentences: Record<string, number>;
  affiliation: string | null;
  gender: Gender | null;
  mentions: PersonMention[];
  sentences: number[];
}

export interface PeopleResult {
  people: Person[];
  /** `${sentence}:${chunk}` → person id */
  byChunk: Map<string, number>;
  /** The country whose officials the document reports on most, if one stands out. */
  mainCountry: string | null;
}

/** Whose office a title is: a country, an organisation, or a person named with a possessive. */
export type Owner =
  | { kind: 'country'; name: string }
  | { kind: 'org'; name: string }
  | { kind: 'person'; cand: Candidate | null; s: number; ci: number };

export interface CandidateTitle {
  title: TitleChunk;
  text: string;
  owner: Owner | null;
  /** Token range of a role read from an appositive, which may run past the title chunk. */
  span?: { start: number; end: number };
  /** A plural title before a list of names, shared by the later names of the list. */
  shared?: boolean;
}

/** A name span with the evidence that it names a person. */
export interface Candidate {
  s: AnalyzedSentence;
  ci: number;
  chunk: NameChunk;
  keys: string[];
  titles: CandidateTitle[];
  strong: boolean;
  honorificGender: Gender | null;
}

export const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our']);
