import type { Sentence } from '../text/sentences.ts';
import { splitSentences } from '../text/sentences.ts';
import { analyzeSentence } from './chunks.ts';
import { extractionSchema, type Extraction } from './contract.ts';
import { extractDates } from './dates.ts';
import { extractEvents } from './events.ts';
import { orgFullNames, resolveOrganizations } from './organizations.ts';
import { resolvePeople } from './people.ts';
import { resolvePlaces, withoutOrganizations } from './places.ts';
import { extractProposals } from './proposals.ts';
import { attributeQuotes, canonicalOrgSpeakers, findQuoteSpans } from './quotes.ts';

export interface ExtractInput {
  id: string;
  title: string;
  source: string | null;
  publishedAt: string | null;
  body: string;
}

/**
 * Extracts people, places, organisations, proposals, quotes and dates from one document. Every fact is tied to
 * the sentences it comes from. Pipeline: quote spans (so quoted titles are not read as names) → per-sentence
 * chunks (gazetteer, titles, organisations, name spans) → people (whole document: surnames, roles,
 * affiliations) → places, organisations → quote attribution → proposals → dates → events.
 */
export function extract(doc: ExtractInput, sentences: Sentence[] = splitSentences(doc.body)): Extraction {
  const spans = findQuoteSpans(doc.body);
  const skip: Array<[number, number]> = spans.filter((q) => q.kind === 'title').map((q) => [q.textStart, q.textEnd]);
  const analyzed = sentences.map((s) => analyzeSentence(s, { skip }));
  const people = resolvePeople(analyzed);
  const organizations = resolveOrganizations(analyzed, people);
  const places = withoutOrganizations(resolvePlaces(analyzed, people), organizations);
  const quotes = canonicalOrgSpeakers(attributeQuotes(spans, analyzed, sentences, people, doc.body), organizations);
  const proposals = extractProposals(analyzed, people, spans);
  const dates = extractDates(analyzed, doc.publishedAt);
  const fullName = orgFullNames(organizations);
  const extractedPeople = people.people.map((p) => ({
    name: p.name,
    aliases: p.aliases,
    roles: p.roles,
    affiliation: p.affiliation ? (fullName.get(p.affiliation.toLowerCase()) ?? p.affiliation) : p.affiliation,
    mentions: p.mentions.length,
    sentences: p.sentences,
    roleSentences: p.roleSentences,
  }));
  const events = extractEvents(sentences, { people: extractedPeople, places, organizations, dates }, doc.publishedAt);
  const result: Extraction = {
    document: { id: doc.id, title: doc.title, source: doc.source, publishedAt: doc.publishedAt },
    people: extractedPeople,
    places,
    organizations,
    proposals,
    quotes,
    events,
    dates,
  };
  return extractionSchema.parse(result);
}
