import { CitationList, type Answer, type AnswerSection } from '../briefing/answer.ts';
import { brief } from '../briefing/brief.ts';
import { quoteText, clip, formatDate } from '../briefing/format.ts';
import { eventItem, sourceDates } from '../briefing/events.ts';
import type { Store, Subscription } from '../store/store.ts';

export interface Digest {
  /** null: nothing new and the subscription does not want a "nothing new" line. */
  answer: Answer | null;
  /** The document id the digest covers up to: the next digest starts after it. */
  upTo: number;
}

const CAP = 8;
const cut = <T>(list: T[], hint: string) => ({
  shown: list.slice(0, CAP),
  more: list.length > CAP ? { count: list.length - CAP, hint } : undefined,
});

/** What is new for one subscription since its last digest; its first digest is the story so far. */
export async function composeDigest(
  store: Store,
  sub: Pick<Subscription, 'lastDocumentId' | 'lastPostedAt' | 'postWhenEmpty'>,
): Promise<Digest> {
  if (sub.lastDocumentId === null) {
    const upTo = await store.latestDocumentId();
    const story = await brief(store);
    return { answer: { ...story, title: 'Digest — the story so far' }, upTo };
  }
  const news = await store.news(sub.lastDocumentId);
  const since = sub.lastPostedAt ? sub.lastPostedAt.slice(0, 16).replace('T', ' ') + ' UTC' : 'the last digest';
  if (!news.documents.length) {
    return {
      answer: sub.postWhenEmpty
        ? {
            title: 'Digest',
            description: `No new developments since ${since}.`,
            sections: [],
            citations: [],
            kind: 'notice',
          }
        : null,
      upTo: news.latestDocumentId,
    };
  }
  const cites = new CitationList();
  const sections: AnswerSection[] = [];
  if (news.events.length) {
    const e = cut(news.events, 'see /timeline');
    sections.push({ heading: 'What happened', items: e.shown.map((x) => eventItem(x, cites)), more: e.more });
  }
  const docs = cut(news.documents, 'see /sources');
  sections.push({
    heading: 'New documents',
    items: docs.shown.map((d) => ({
      label: d.title,
      text: [d.source, d.publishedAt, d.url].filter(Boolean).join(' · ') || 'added',
      cite: [],
    })),
    more: docs.more,
  });
  if (news.people.length) {
    const p = cut(news.people, 'see /who');
    sections.push({
      heading: 'People and roles',
      items: p.shown.map((x) => ({
        label: x.name,
        text: `${x.isNew ? 'new in the story' : 'new role'}${x.role ? `: ${x.role}` : ''}${x.affiliation ? ` (${x.affiliation})` : ''}`,
        cite: [cites.add(x.ref)],
      })),
      more: p.more,
    });
  }
  if (news.proposals.length) {
    const p = cut(news.proposals, 'see /what');
    sections.push({
      heading: 'Proposals',
      items: p.shown.map((x) => ({
        label: x.name,
        text:
          x.change === 'new'
            ? `new${x.status ? ` — ${x.status}` : ''}`
            : `status changed: ${x.before ?? 'not stated'} → ${x.status}`,
        cite: x.ref ? [cites.add(x.ref)] : [],
      })),
      more: p.more,
    });
  }
  if (news.quotes.length) {
    const q = cut(news.quotes, 'see /quote');
    sections.push({
      heading: 'Said',
      items: q.shown.map((x) => ({
        label: x.speaker ?? 'Unattributed',
        text: quoteText(x.text, 200),
        cite: [cites.add(x.ref)],
      })),
      more: q.more,
    });
  }
  if (news.dates.length) {
    const d = cut(news.dates, 'see /timeline');
    sections.push({
      heading: 'Newly dated',
      items: d.shown.map((x) => ({
        label: formatDate(x.iso, x.precision, x.text),
        text: clip(x.what ?? x.ref.sentence, 160),
        cite: [cites.add(x.ref)],
      })),
      more: d.more,
    });
  }
  if (news.conflicts.length) {
    const c = cut(news.conflicts, 'see /timeline');
    sections.push({
      heading: 'Sources disagree',
      items: c.shown.map((x) => ({
        label: clip(x.label, 80),
        text: sourceDates([...x.flagged, ...x.others]),
        cite: x.flagged.slice(0, 1).map((s) => cites.add(s.ref)),
      })),
      more: c.more,
    });
  }
  return {
    answer: {
      title: 'Digest — new since the last one',
      description: `${news.documents.length} new document${news.documents.length === 1 ? '' : 's'} since ${since}.`,
      sections,
      citations: cites.list,
    },
    upTo: news.latestDocumentId,
  };
}
