import type { CorpusReads } from '../store/store.ts';
import { CitationList, notice, type Answer, type AnswerSection } from './answer.ts';
import { eventItem } from './events.ts';

const DATED = 20;
const UNDATED = 8;

/** The events of the story: the newest dated ones in date order, then the ones the sources leave undated. */
export async function timeline(store: CorpusReads): Promise<Answer> {
  const dated = await store.listEvents({ dated: true, limit: DATED, newestFirst: true });
  const undated = await store.listEvents({ dated: false, limit: UNDATED, newestFirst: true });
  if (!dated.total && !undated.total)
    return notice('No events yet', 'No dated event is described in the documents so far.', false);
  const cites = new CitationList();
  const sections: AnswerSection[] = [];
  if (dated.rows.length) {
    sections.push({
      heading: 'Events',
      items: [...dated.rows].reverse().map((e) => eventItem(e, cites)),
      more:
        dated.total > DATED
          ? { count: dated.total - DATED, hint: 'earlier events: /where place:… or /who name:…' }
          : undefined,
    });
  }
  if (undated.rows.length) {
    sections.push({
      heading: 'Events the sources leave undated',
      items: undated.rows.map((e) => eventItem(e, cites)),
      more:
        undated.total > UNDATED
          ? { count: undated.total - UNDATED, hint: 'see /sources for publication dates' }
          : undefined,
    });
  }
  const disputed = dated.rows.some((e) => e.dispute);
  return {
    title: 'Timeline',
    description:
      `What happened, who took part, where, at the precision the sources ` +
      `give.${disputed ? ' Disagreements between sources are flagged ⚠.' : ''}`,
    sections,
    citations: cites.list,
  };
}
