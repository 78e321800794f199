import type { DateRow, Store } from '../store/store.ts';
import { CitationList, notice, type Answer, type AnswerItem } from './answer.ts';
import { clip, formatDate } from './format.ts';

const LIMIT = 20;

export async function timeline(store: Store): Promise<Answer> {
  const dates = await store.listDates();
  if (!dates.length) return notice('No dates yet', 'No dated event is described in the documents so far.', false);
  const byId = new Map(dates.map((d) => [d.id, d]));
  const cites = new CitationList();
  const item = (d: DateRow): AnswerItem => {
    const cite = [cites.add(d.ref)];
    let text = d.what ? clip(d.what, 160) : clip(d.ref.sentence, 160);
    const others = d.conflictsWith.map((id) => byId.get(id)).filter((o): o is DateRow => !!o);
    if (others.length) {
      text += ` — ⚠ sources disagree: ${others.map((o) => `${o.ref.document} gives ${formatDate(o.iso, o.precision, o.text)}`).join('; ')}`;
      for (const o of others) cite.push(cites.add(o.ref));
    }
    return { label: formatDate(d.iso, d.precision, d.text), text, cite };
  };
  const dated = dates.filter((d) => d.iso);
  const undated = dates.filter((d) => !d.iso);
  const conflicts = dates.filter((d) => d.conflictsWith.length).length / 2;
  const sections = [];
  if (dated.length) {
    sections.push({
      heading: 'Dated events',
      items: dated.slice(0, LIMIT).map(item),
      more: dated.length > LIMIT ? { count: dated.length - LIMIT, hint: 'ask /ask question:… for one event' } : undefined,
    });
  }
  if (undated.length) {
    sections.push({
      heading: 'Dates the sources leave open',
      items: undated.slice(0, 8).map(item),
      more: undated.length > 8 ? { count: undated.length - 8, hint: 'see /sources for publication dates' } : undefined,
    });
  }
  return {
    title: 'Timeline',
    description: `Dates as the sources give them, at the precision they give.${conflicts ? ` ${Math.ceil(conflicts)} disagreement(s) between sources flagged ⚠.` : ''}`,
    sections,
    citations: cites.list,
  };
}
