import { eventsSection } from './events.ts';
import type { EntityDetail, CorpusReads } from '../store/store.ts';
import { CitationList, type Answer, type AnswerSection } from './answer.ts';
import { excerpt, plural, quoteText } from './format.ts';

const PEOPLE = 10;
const QUOTES = 4;
const KEY = 4;

/** An organisation: who acts for it, what it said, the sentences that name it and where. */
export async function organizationIs(store: CorpusReads, org: EntityDetail, alsoMatching: string[]): Promise<Answer> {
  const cites = new CitationList();
  const sections: AnswerSection[] = [];
  const names = [org.name, ...org.aliases];

  const people = await store.listPeople(100, { affiliations: names });
  if (people.length) {
    const items = [];
    for (const p of people.slice(0, PEOPLE)) {
      const ref = await store.firstRef(p.id);
      items.push({
        label: p.name,
        text: p.roles.length ? p.roles.join(', ') : 'no role given',
        cite: ref ? [cites.add(ref)] : [],
      });
    }
    sections.push({
      heading: 'People who act for it',
      items,
      more: people.length > PEOPLE ? { count: people.length - PEOPLE, hint: 'see /who' } : undefined,
    });
  }

  const took = await eventsSection(store, { participantId: org.id }, cites, 'Took part in');
  if (took) sections.push(took);

  const { rows: quotes, total } = await store.listQuotes({ speakerIds: [org.id], limit: QUOTES });
  const quoted = new Set(quotes.map((q) => `${q.ref.documentId}:${q.ref.sentenceIndex}`));
  const key = org.mentions.filter((m) => !quoted.has(`${m.documentId}:${m.sentenceIndex}`));
  if (key.length) {
    sections.push({
      heading: 'In the story',
      items: key.slice(0, KEY).map((m) => ({ text: excerpt(m.sentence, names, 280), cite: [cites.add(m)] })),
      more: key.length > KEY ? { count: key.length - KEY, hint: `ask /ask question:${org.name} …` } : undefined,
    });
  }
  if (quotes.length) {
    sections.push({
      heading: 'What it said',
      items: quotes.map((q) => ({ text: quoteText(q.text, 300), cite: [cites.add(q.ref)] })),
      more:
        total > quotes.length ? { count: total - quotes.length, hint: `see /quote speaker:${org.name}` } : undefined,
    });
  }
  sections.push({
    heading: 'Documents',
    items: org.documents.map((d) => ({ text: d.title, cite: [] })),
    more:
      org.documentCount > org.documents.length
        ? { count: org.documentCount - org.documents.length, hint: 'see /sources' }
        : undefined,
  });

  const lines = [
    `An organisation, mentioned ${plural(org.mentionCount, 'time')} in ${plural(org.documentCount, 'document')}.`,
    people.length
      ? `${plural(people.length, 'person acts', 'people act')} for it.`
      : 'No one in the documents is said to act for it.',
    org.aliases.length ? `Also called ${org.aliases.slice(0, 5).join(', ')}.` : '',
    alsoMatching.length ? `Also matching: ${alsoMatching.join(', ')}.` : '',
  ];
  return { title: org.name, description: lines.filter(Boolean).join(' '), sections, citations: cites.list };
}
