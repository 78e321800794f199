import type { AnalyzedSentence } from './chunks.ts';
import { assignAffiliations } from './people/affiliation.ts';
import { buildPerson, type Pending } from './people/build.ts';
import { collectCandidates } from './people/candidates.ts';
import { linkEntities, type Entity } from './people/entities.ts';
import { describeReferents } from './people/referents.ts';
import type { Candidate, PeopleResult, Person } from './people/types.ts';

/**
 * People: name spans with evidence that they name a person (a title before, an appositive role, a first name,
 * an honorific), merged into one entity per person (full name + surname-only mentions + spelling variants),
 * with roles as the text gives them and an affiliation from the title's country, demonym or organisation.
 * Stages: candidates (people/candidates.ts) → entities (people/entities.ts) → people (people/build.ts) →
 * descriptions (people/referents.ts) → affiliations the titles did not give (people/affiliation.ts).
 */
export type { Gender, PeopleResult, Person, PersonMention } from './people/types.ts';
export { sameSurname } from './people/entities.ts';
export { expandAbbreviations } from './people/build.ts';
export { subjectMention } from './people/referents.ts';

export function resolvePeople(sentences: AnalyzedSentence[]): PeopleResult {
  const { cands, candAt } = collectCandidates(sentences);
  const { entities, entityOf } = linkEntities(cands, candAt, sentences);
  const byChunk = new Map<string, number>();
  const people: Person[] = [];
  const pending: Pending[] = [];
  const entityPerson = new Map<Entity, Person>();
  const ctx = { sentences, candAt, entityOf, byChunk, pending };
  for (const e of entities) {
    if (!e.cands.length) continue;
    const person = buildPerson(e, people.length, ctx);
    entityPerson.set(e, person);
    people.push(person);
  }
  describeReferents(sentences, people, byChunk);
  const personOfCand = (c: Candidate) => {
    const e = entityOf.get(c);
    return e ? entityPerson.get(e) : undefined;
  };
  const mainCountry = assignAffiliations(sentences, people, pending, personOfCand);
  return { people, byChunk, mainCountry };
}
