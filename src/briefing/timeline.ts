import type { DateRow, Store } from '../store/store.ts';
import { CitationList, notice, type Answer, type AnswerItem, type AnswerSection } from './answer.ts';
import { clip, formatDate } from './format.ts';

const DATED = 20;
const UNDATED = 8;

export async function timeline(store: Store): Promise<Answer> {
  const dated = await store.listDates({ dated: true, limit: DATED });
  const undated = await store.listDates({ dated: false, limit: UNDATED });
  if (!dated.total && !undated.total) return notice('No dates yet', 'No dated event is described in the documents so far.', false);
  const cites = new CitationList();
  let disagreements = 0;
  const shown = new Set<number>();
  // A disagreement is flagged once, on the first of its dates listed.
  const fresh = (d: DateRow) => !d.conflictsWith.some((o) => shown.has(o.id)) && (shown.add(d.id), true);
  const item = (d: DateRow): AnswerItem => {
    const cite = [cites.add(d.ref)];
    let text = clip(d.what ?? d.ref.sentence, 160);
    if (d.conflictsWith.length) {
      disagreements++;
      text += ` — ⚠ sources disagree: ${d.conflictsWith.map((o) => `${o.ref.document} gives ${formatDate(o.iso, o.precision, o.text)}`).join('; ')}`;
      for (const o of d.conflictsWith) cite.push(cites.add(o.ref));
    }
    return { label: formatDate(d.iso, d.precision, d.text), text, cite };
  };
  const sections: AnswerSection[] = [];
  if (dated.rows.length) {
    sections.push({
      heading: 'Dated events',
      items: dated.rows.filter(fresh).map(item),
      more: dated.total > DATED ? { count: dated.total - DATED, hint: 'ask /ask question:… for one event' } : undefined,
    });
  }
  if (undated.rows.length) {
    sections.push({
      heading: 'Dates the sources leave open',
      items: undated.rows.map(item),
      more: undated.total > UNDATED ? { count: undated.total - UNDATED, hint: 'see /sources for publication dates' } : undefined,
    });
  }
  return {
    title: 'Timeline',
    description: `Dates as the sources give them, at the precision they give.${disagreements ? ' Disagreements between sources are flagged ⚠.' : ''}`,
    sections,
    citations: cites.list,
  };
}
