import { CitationList, type Answer, type AnswerSection } from '../briefing/answer.ts';
import { brief } from '../briefing/brief.ts';
import { quoteText, clip, formatDate, plural } from '../briefing/format.ts';
import { eventItem, sourceDates } from '../briefing/events.ts';
import { consoleReader, readerForGuild, type Reader } from '../store/corpus.ts';
import type { News, Store, Subscription } from '../store/store.ts';

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

type Item = AnswerSection['items'][number];

/** A section of at most CAP items with a hint to the rest, or no section when the list is empty. */
function section<T>(heading: string, list: T[], hint: string, item: (x: T) => Item): AnswerSection[] {
  if (!list.length) return [];
  const c = cut(list, hint);
  return [{ heading, items: c.shown.map(item), more: c.more }];
}

const personText = (x: News['people'][number]) =>
  `${x.isNew ? 'new in the story' : 'new role'}${x.role ? `: ${x.role}` : ''}` +
  `${x.affiliation ? ` (${x.affiliation})` : ''}`;

const proposalText = (x: News['proposals'][number]) =>
  x.change === 'new'
    ? `new${x.status ? ` — ${x.status}` : ''}`
    : `status changed: ${x.before ?? 'not stated'} → ${x.status}`;

/** The digest's sections, in reading order; citations are numbered in that order. */
function newsSections(news: News, cites: CitationList): AnswerSection[] {
  return [
    ...section('What happened', news.events, 'see /timeline', (x) => eventItem(x, cites)),
    ...section('New documents', news.documents, 'see /sources', (d) => ({
      label: d.title,
      text: [d.source, d.publishedAt, d.url].filter(Boolean).join(' · ') || 'added',
      cite: [],
    })),
    ...section('People and roles', news.people, 'see /who', (x) => ({
      label: x.name,
      text: personText(x),
      cite: [cites.add(x.ref)],
    })),
    ...section('Proposals', news.proposals, 'see /what', (x) => ({
      label: x.name,
      text: proposalText(x),
      cite: x.ref ? [cites.add(x.ref)] : [],
    })),
    ...section('Said', news.quotes, 'see /quote', (x) => ({
      label: x.speaker ?? 'Unattributed',
      text: quoteText(x.text, 200),
      cite: [cites.add(x.ref)],
    })),
    ...section('Newly dated', news.dates, 'see /timeline', (x) => ({
      label: formatDate(x.iso, x.precision, x.text),
      text: clip(x.what ?? x.ref.sentence, 160),
      cite: [cites.add(x.ref)],
    })),
    ...section('Sources disagree', news.conflicts, 'see /timeline', (x) => ({
      label: clip(x.label, 80),
      text: sourceDates([...x.flagged, ...x.others]),
      cite: x.flagged.slice(0, 1).map((s) => cites.add(s.ref)),
    })),
  ];
}

/** Nothing new: a "nothing new" line if the subscription wants one, else no post. */
const nothingNew = (postWhenEmpty: boolean, since: string): Answer | null =>
  postWhenEmpty
    ? {
        title: 'Digest',
        description: `No new developments since ${since}.`,
        sections: [],
        citations: [],
        kind: 'notice',
      }
    : null;

/**
 * What a subscription's digest reads: its server's corpus and the shared one (a subscription made in the console,
 * with no server, reads the console's).
 */
export function subscriptionReader(sub: Pick<Subscription, 'guildId'>): Reader {
  return readerForGuild(sub.guildId, consoleReader);
}

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
  if (!news.documents.length) return { answer: nothingNew(sub.postWhenEmpty, since), upTo: news.latestDocumentId };
  const cites = new CitationList();
  const sections = newsSections(news, cites);
  return {
    answer: {
      title: 'Digest — new since the last one',
      description: `${plural(news.documents.length, 'new document')} since ${since}.`,
      sections,
      citations: cites.list,
    },
    upTo: news.latestDocumentId,
  };
}
