import type { Store } from '../store/store.ts';
import { CitationList, notice, type Answer, type AnswerSection } from './answer.ts';
import { quoteText, clip, formatDate, plural } from './format.ts';
import { whereList } from './where.ts';

/** The story so far: the composer behind /brief and a subscription's first digest. */
export async function brief(store: Store): Promise<Answer> {
  const stats = await store.stats();
  if (!stats.documents) return notice('Nothing to brief yet', 'No documents have been ingested.', false);
  const cites = new CitationList();
  const sections: AnswerSection[] = [];

  const people = await store.listPeople(6);
  if (people.length) {
    const items = [];
    for (const p of people) {
      const ref = await store.firstRef(p.id);
      items.push({ label: p.name, text: [p.roles[0], p.affiliation].filter(Boolean).join(', ') || 'named in the story', cite: ref ? [cites.add(ref)] : [] });
    }
    sections.push({ heading: 'Who', items, more: stats.people > people.length ? { count: stats.people - people.length, hint: 'see /who' } : undefined });
  }

  const where = await whereList(store);
  const venues = where.sections[0]?.items.slice(0, 3) ?? [];
  if (venues.length) {
    sections.push({ heading: 'Where', items: venues.map((v) => ({ ...v, cite: v.cite.map((i) => cites.add(where.citations[i])) })) });
  }

  const proposals = await store.listProposals({ limit: 4, evidence: 1, reports: 5 });
  if (proposals.length) {
    sections.push({
      heading: 'What is on the table',
      items: proposals.map((p) => {
        const status = [...new Set(p.reports.map((r) => r.status).filter(Boolean))].join('; ');
        const by = [...new Set(p.reports.flatMap((r) => r.proposedBy))].join(', ');
        return { label: p.name, text: [by && `by ${by}`, status].filter(Boolean).join(' · ') || 'details in /what', cite: p.evidence.slice(0, 1).map((e) => cites.add(e)) };
      }),
      more: stats.proposals > proposals.length ? { count: stats.proposals - proposals.length, hint: 'see /what' } : undefined,
    });
  }

  const dated = (await store.listDates({ dated: true, limit: 3, newestFirst: true })).rows.reverse();
  if (dated.length) {
    sections.push({
      heading: 'When',
      items: dated.map((d) => ({ label: formatDate(d.iso, d.precision, d.text), text: clip(d.what ?? d.ref.sentence, 160), cite: [cites.add(d.ref)] })),
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
    description: `From ${plural(stats.documents, 'document')}: ${plural(stats.people, 'person', 'people')}, ${plural(stats.places, 'place')}, ${plural(stats.proposals, 'proposal')}, ${plural(quotes, 'quote')}.`,
    sections,
    citations: cites.list,
  };
}
