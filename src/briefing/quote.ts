import type { CorpusReads } from '../store/store.ts';
import { CitationList, notice, type Answer } from './answer.ts';
import { plural, quoteText } from './format.ts';
import { ftsQuery, questionTerms } from './fts.ts';
import { fold } from '../text/names.ts';
import { closestWho, findWho } from './who.ts';
import { tryHint } from './examples.ts';
import { didYouMean } from './similar.ts';

const LIMIT = 8;

export async function quotes(store: CorpusReads, speaker?: string, about?: string): Promise<Answer> {
  let speakerIds: number[] | undefined;
  let speakerName: string | undefined;
  if (speaker?.trim()) {
    const matches = await findWho(store, speaker, 3);
    if (!matches.length) {
      const suggestions = await closestWho(store, speaker);
      return notice(
        'No one by that name',
        didYouMean(
          suggestions,
          await tryHint(store, 'person', (n) => `/quote speaker:${n}`, '/quote with no speaker.'),
        ),
      );
    }
    speakerIds = [matches[0].id];
    speakerName = matches[0].name;
  }
  const aboutMatch = about?.trim() ? ftsQuery(about) : null;
  if (about?.trim() && !aboutMatch) {
    const { proposal } = await store.examples();
    return notice('Quotes', `Give a word to look for${proposal ? `, e.g. /quote about:${proposal}` : ''}.`);
  }
  // The index finds quotes by their sentence; keep those whose own words carry the term (a stem is enough).
  const found = await store.listQuotes({ speakerIds, aboutMatch, limit: aboutMatch ? 200 : LIMIT });
  const stems = about?.trim() ? questionTerms(about).map((t) => t.slice(0, Math.max(4, t.length - 2))) : [];
  const matching = stems.length ? found.rows.filter((q) => stems.some((s) => fold(q.text).includes(s))) : found.rows;
  const rows = matching.slice(0, LIMIT);
  const total = stems.length ? matching.length : found.total;
  const title = speakerName ? `Quotes: ${speakerName}` : 'Quotes';
  if (!rows.length) return notice(title, about ? 'No quote matches that word.' : 'No quotes recorded.', false);
  const cites = new CitationList();
  return {
    title,
    description: `${plural(total, 'quote')}${about ? ' matching your word' : ''}.`,
    sections: [
      {
        heading: 'Who said what',
        items: rows.map((q) => ({ label: q.speaker ?? '', text: quoteText(q.text, 400), cite: [cites.add(q.ref)] })),
        more:
          total > rows.length
            ? { count: total - rows.length, hint: 'narrow with /quote speaker:… about:…' }
            : undefined,
      },
    ],
    citations: cites.list,
  };
}
