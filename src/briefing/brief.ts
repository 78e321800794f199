import type { CorpusReads } from '../store/store.ts';
import { CitationList, notice, type Answer, type AnswerSection } from './answer.ts';
import { eventItem } from './events.ts';
import { formatDate, plural, quoteText } from './format.ts';

/** The story so far: the composer behind /brief and a subscription's first digest. */
export async function brief(store: CorpusReads): Promise<Answer> {
  const count = { documents: await store.count('documents'), people: 0, places: 0, proposals: 0 };
  if (!count.documents) return notice('Nothing to brief yet', 'No documents have been ingested.', false);
  count.people = await store.count('person');
  count.places = await store.count('place');
  count.proposals = await store.count('proposals');
  const cites = new CitationList();
  const sections: AnswerSection[] = [];

  // What happened first: the newest events, with who, where and when.
  const events = await store.listEvents({ dated: true, limit: 5, newestFirst: true, happened: true });
  if (events.rows.length) {
    sections.push({
      heading: 'What happened',
      items: events.rows.map((e) => eventItem(e, cites)),
      more:
        events.total > events.rows.length
          ? { count: events.total - events.rows.length, hint: 'see /timeline' }
          : undefined,
    });
  }

  const proposals = await store.listProposals({ limit: 4, evidence: 1, reports: 5 });
  if (proposals.length) {
    sections.push({
      heading: 'What is on the table',
      items: proposals.map((p) => {
        const latest = p.reports.find((r) => r.status);
        const by = [...new Set(p.reports.flatMap((r) => r.proposedBy))].join(', ');
        const status = latest
          ? `latest: ${latest.status}${latest.date ? ` (${formatDate(latest.date, 'day', latest.date)})` : ''}`
          : '';
        const cite = latest?.ref ?? p.evidence[0];
        return {
          label: p.name,
          text: [by && `by ${by}`, status].filter(Boolean).join(' · ') || 'details in /what',
          cite: cite ? [cites.add(cite)] : [],
        };
      }),
      more:
        count.proposals > proposals.length
          ? { count: count.proposals - proposals.length, hint: 'see /what' }
          : undefined,
    });
  }

  const people = await store.listPeople(6);
  if (people.length) {
    const items = [];
    for (const p of people) {
      const ref = await store.firstRef(p.id);
      items.push({
        label: p.name,
        text: [p.roles[0], p.affiliation].filter(Boolean).join(', ') || 'named in the story',
        cite: ref ? [cites.add(ref)] : [],
      });
    }
    sections.push({
      heading: 'Who',
      items,
      more: count.people > people.length ? { count: count.people - people.length, hint: 'see /who' } : undefined,
    });
  }

  // Counted as /quote counts them: attributed quotes only, never scare-quoted phrases or titles.
  const { rows: said, total: quotes } = await store.listQuotes({ limit: 3 });
  if (said.length) {
    sections.push({
      heading: 'Said',
      items: said.map((q) => ({ label: q.speaker ?? '', text: quoteText(q.text, 200), cite: [cites.add(q.ref)] })),
      more: quotes > said.length ? { count: quotes - said.length, hint: 'see /quote' } : undefined,
    });
  }

  return {
    title: 'The story so far',
    description:
      `From ${plural(count.documents, 'document')}: ${plural(count.people, 'person', 'people')}, ` +
      `${plural(count.places, 'place')}, ${plural(count.proposals, 'proposal')}, ` +
      `${plural(quotes, 'quote')}.`,
    sections,
    citations: cites.list,
  };
}
