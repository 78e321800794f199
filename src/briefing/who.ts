import { fold } from '../ingest/names.ts';
import type { EntityDetail, Store } from '../store/store.ts';
import { CitationList, notice, type Answer, type AnswerSection } from './answer.ts';
import { excerpt, quoteText, plural } from './format.ts';
import { closest, initials } from './similar.ts';

const LIST_LIMIT = 24;

export async function whoList(store: Store): Promise<Answer> {
  const people = await store.listPeople(LIST_LIMIT + 1);
  if (!people.length) return notice('No people yet', 'No one is named in the documents so far. Add articles with /ingest.', false);
  const cites = new CitationList();
  const groups = new Map<string, AnswerSection>();
  for (const p of people.slice(0, LIST_LIMIT)) {
    const ref = await store.firstRef(p.id);
    const heading = p.affiliation ?? 'Affiliation not stated';
    const section = groups.get(heading) ?? { heading, items: [] };
    groups.set(heading, section);
    section.items.push({ label: p.name, text: p.roles.length ? p.roles.join(', ') : 'no role given', cite: ref ? [cites.add(ref)] : [] });
  }
  const unstated = groups.get('Affiliation not stated');
  groups.delete('Affiliation not stated');
  const sections = [...groups.values()].sort((a, b) => b.items.length - a.items.length);
  if (unstated) sections.push(unstated);
  const total = (await store.stats()).people;
  if (total > LIST_LIMIT) sections.push({ heading: 'More', items: [], more: { count: total - LIST_LIMIT, hint: 'narrow with /who name:…' } });
  return { title: 'Who is who', description: `${plural(total, 'person', 'people')} in the story, grouped by who they act for.`, sections, citations: cites.list };
}

export async function whoIs(store: Store, name: string): Promise<Answer> {
  const matches = await store.findEntities('person', name, 5);
  if (!matches.length) {
    const suggestions = closest(name, await store.allNames('person', { prefixes: initials(name) }));
    return notice(
      'No one by that name',
      suggestions.length ? `Did you mean ${suggestions.map((s) => `**${s}**`).join(', ')}?` : 'Try /who with no name to see everyone in the story.',
    );
  }
  const person = (await store.entity(matches[0].id, 40)) as EntityDetail;
  const cites = new CitationList();
  const sections: AnswerSection[] = [];

  const roleItems = [...new Map(person.roles.map((r) => [fold(r.role), r])).values()].map((r) => ({ text: r.role, cite: [cites.add(r.ref)] }));
  if (roleItems.length) sections.push({ heading: 'Roles', items: roleItems });

  const { rows: quotes, total: quoteTotal } = await store.listQuotes({ speakerIds: [person.id], limit: 4 });
  const quoted = new Set(quotes.map((q) => `${q.ref.documentId}:${q.ref.sentenceIndex}`));
  const key = person.mentions.filter((m) => !quoted.has(`${m.documentId}:${m.sentenceIndex}`));
  if (key.length) {
    sections.push({
      heading: 'In the story',
      items: key.slice(0, 4).map((m) => ({ text: excerpt(m.sentence, [person.name, ...person.aliases], 280), cite: [cites.add(m)] })),
      more: key.length > 4 ? { count: key.length - 4, hint: `ask /ask question:${person.name} …` } : undefined,
    });
  }
  if (quotes.length) {
    sections.push({
      heading: 'Quotes',
      items: quotes.map((q) => ({ text: quoteText(q.text, 300), cite: [cites.add(q.ref)] })),
      more: quoteTotal > quotes.length ? { count: quoteTotal - quotes.length, hint: `see /quote speaker:${person.name}` } : undefined,
    });
  }
  sections.push({
    heading: 'Documents',
    items: person.documents.map((d) => ({ text: d.title, cite: [] })),
    more: person.documentCount > person.documents.length ? { count: person.documentCount - person.documents.length, hint: 'see /sources' } : undefined,
  });

  const others = matches.slice(1).map((m) => m.name);
  const lines = [
    person.affiliation ? `Acts for **${person.affiliation}**.` : 'Affiliation not stated in the documents.',
    person.aliases.length ? `Also called ${person.aliases.slice(0, 5).join(', ')}.` : '',
    others.length ? `Also matching: ${others.join(', ')}.` : '',
  ];
  return { title: person.name, description: lines.filter(Boolean).join(' '), sections, citations: cites.list };
}
