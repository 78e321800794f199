import type { EventRow, EventSource, CorpusReads } from '../store/store.ts';
import type { AnswerItem, AnswerSection, CitationList } from './answer.ts';
import { formatDate, plural } from './format.ts';

function eventDate(e: Pick<EventRow, 'day' | 'precision' | 'rawDate'>): string {
  return e.day || e.rawDate ? formatDate(e.day, e.precision, e.rawDate ?? '') : 'date not given';
}

/** "Doc A gives Nov 5, 2023; Doc B, Doc C give Nov 23, 2025": every source's date, grouped by date. */
export function sourceDates(sources: EventSource[]): string {
  const byDate = new Map<string, string[]>();
  for (const s of sources) {
    const date = formatDate(s.iso, s.precision, s.text ?? 'undated');
    const docs = byDate.get(date) ?? [];
    if (!docs.includes(s.ref.document)) docs.push(s.ref.document);
    byDate.set(date, docs);
  }
  return [...byDate]
    .map(([date, docs]) => `${docs.join(', ')} ${docs.length === 1 ? 'gives' : 'give'} ${date}`)
    .join('; ');
}

/** One event as a line: its date, its label built from its parts, how many sources state it, and any disagreement. */
export function eventItem(e: EventRow, cites: CitationList): AnswerItem {
  const cite = e.sources.slice(0, 2).map((s) => cites.add(s.ref));
  let text = e.label;
  if (e.sourceCount > 1) text += ` (${plural(e.sourceCount, 'source')})`;
  if (e.dispute) {
    text += ` — ⚠ sources disagree: ${sourceDates([...e.sources, ...e.dispute.sources])}`;
    cite.push(...e.dispute.sources.slice(0, 2).map((s) => cites.add(s.ref)));
  }
  return { label: eventDate(e), text, cite };
}

const SHOWN = 6;

/** The newest events an entity took part in, or that happened at a place, as a section; null when there are none. */
export async function eventsSection(
  store: CorpusReads,
  filter: { participantId?: number; placeId?: number },
  cites: CitationList,
  heading: string,
): Promise<AnswerSection | null> {
  const { rows, total } = await store.listEvents({ dated: true, limit: SHOWN, newestFirst: true, ...filter });
  const undated =
    rows.length < SHOWN ? (await store.listEvents({ dated: false, limit: SHOWN - rows.length, ...filter })).rows : [];
  const all = [...rows, ...undated];
  if (!all.length) return null;
  return {
    heading,
    items: all.map((e) => eventItem(e, cites)),
    more: total > rows.length ? { count: total - rows.length, hint: 'see /timeline' } : undefined,
  };
}
