import { fold, nameKey } from '../text/names.ts';
import type { EntityDetail, EntityMatch, CorpusReads } from '../store/store.ts';
import { CitationList, notice, type Answer, type AnswerSection } from './answer.ts';
import { excerpt, quoteText, plural } from './format.ts';
import { eventsSection } from './events.ts';
import { tryHint } from './examples.ts';
import { organizationIs } from './organization.ts';
import { closest, didYouMean, initials, nearlySameName } from './similar.ts';

const LIST_LIMIT = 24;

export async function whoList(store: CorpusReads): Promise<Answer> {
  const people = await store.listPeople(LIST_LIMIT + 1);
  if (!people.length)
    return notice('No people yet', 'No one is named in the documents so far. Add articles with /ingest.', false);
  const cites = new CitationList();
  const groups = new Map<string, AnswerSection>();
  for (const p of people.slice(0, LIST_LIMIT)) {
    const ref = await store.firstRef(p.id);
    const heading = p.affiliation ?? 'Affiliation not stated';
    const section = groups.get(heading) ?? { heading, items: [] };
    groups.set(heading, section);
    section.items.push({
      label: p.name,
      text: p.roles.length ? p.roles.join(', ') : 'no role given',
      cite: ref ? [cites.add(ref)] : [],
    });
  }
  const unstated = groups.get('Affiliation not stated');
  groups.delete('Affiliation not stated');
  const sections = [...groups.values()].sort((a, b) => b.items.length - a.items.length);
  if (unstated) sections.push(unstated);
  const total = await store.count('person');
  if (total > LIST_LIMIT)
    sections.push({ heading: 'More', items: [], more: { count: total - LIST_LIMIT, hint: 'narrow with /who name:…' } });
  return {
    title: 'Who is who',
    description: `${plural(total, 'person', 'people')} in the story, grouped by who they act for.`,
    sections,
    citations: cites.list,
  };
}

/**
 * People and organisations matching a name, the best first: a person, unless an organisation is named exactly and
 * the person only in part or by role ("the commission" is the organisation, "the ambassador" a person).
 */
export async function findWho(store: CorpusReads, name: string, limit = 5): Promise<EntityMatch[]> {
  const people = await store.findEntities('person', name, limit);
  const orgs = await store.findEntities('organization', name, limit);
  const key = nameKey(name.replace(/^(the|a|an)\s+/i, ''));
  const exact = (m: EntityMatch | undefined) => !!m && nameKey(m.matched) === key;
  const orgFirst = orgs.length > 0 && (!people.length || (exact(orgs[0]) && !exact(people[0])));
  return (orgFirst ? [...orgs, ...people] : [...people, ...orgs]).slice(0, limit);
}

/** "Did you mean" over people and organisations. */
export async function closestWho(store: CorpusReads, name: string): Promise<string[]> {
  const prefixes = initials(name);
  const names = [
    ...(await store.allNames('person', { prefixes })),
    ...(await store.allNames('organization', { prefixes })),
  ];
  return closest(name, names);
}

export async function whoIs(store: CorpusReads, name: string): Promise<Answer> {
  let matches = await findWho(store, name);
  const suggestions = matches.length ? [] : await closestWho(store, name);
  // "Lajčák" for a corpus that spells him "Lajak": one name a letter or so away is the one meant
  const near = suggestions.filter((s) => nearlySameName(name, s));
  if (near.length === 1) matches = await findWho(store, near[0]);
  if (!matches.length) {
    return notice(
      'No one by that name',
      didYouMean(
        suggestions,
        await tryHint(store, 'person', (n) => `/who name:${n}`, '/who with no name to see everyone in the story.'),
      ),
    );
  }
  const person = (await store.entity(matches[0].id, 40)) as EntityDetail;
  if (person.kind === 'organization')
    return organizationIs(
      store,
      person,
      matches.slice(1).map((m) => m.name),
    );
  const cites = new CitationList();
  const sections: AnswerSection[] = [];

  const roleItems = [...new Map(person.roles.map((r) => [fold(r.role), r])).values()].map((r) => ({
    text: r.role,
    cite: [cites.add(r.ref)],
  }));
  if (roleItems.length) sections.push({ heading: 'Roles', items: roleItems });
  const took = await eventsSection(store, { participantId: person.id }, cites, 'Took part in');
  if (took) sections.push(took);

  const { rows: quotes, total: quoteTotal } = await store.listQuotes({ speakerIds: [person.id], limit: 4 });
  const quoted = new Set(quotes.map((q) => `${q.ref.documentId}:${q.ref.sentenceIndex}`));
  const key = person.mentions.filter((m) => !quoted.has(`${m.documentId}:${m.sentenceIndex}`));
  if (key.length) {
    sections.push({
      heading: 'In the story',
      items: key
        .slice(0, 4)
        .map((m) => ({ text: excerpt(m.sentence, [person.name, ...person.aliases], 280), cite: [cites.add(m)] })),
      more: key.length > 4 ? { count: key.length - 4, hint: `ask /ask question:${person.name} …` } : undefined,
    });
  }
  if (quotes.length) {
    sections.push({
      heading: 'Quotes',
      items: quotes.map((q) => ({ text: quoteText(q.text, 300), cite: [cites.add(q.ref)] })),
      more:
        quoteTotal > quotes.length
          ? { count: quoteTotal - quotes.length, hint: `see /quote speaker:${person.name}` }
          : undefined,
    });
  }
  sections.push({
    heading: 'Documents',
    items: person.documents.map((d) => ({ text: d.title, cite: [] })),
    more:
      person.documentCount > person.documents.length
        ? { count: person.documentCount - person.documents.length, hint: 'see /sources' }
        : undefined,
  });

  const others = matches.slice(1).map((m) => m.name);
  const lines = [
    person.affiliation ? `Acts for **${person.affiliation}**.` : 'Affiliation not stated in the documents.',
    person.aliases.length ? `Also called ${person.aliases.slice(0, 5).join(', ')}.` : '',
    others.length ? `Also matching: ${others.join(', ')}.` : '',
  ];
  return { title: person.name, description: lines.filter(Boolean).join(' '), sections, citations: cites.list };
}
