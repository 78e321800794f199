import { eventsSection } from './events.ts';
import type { PlaceSummary, SentenceRef, CorpusReads } from '../store/store.ts';
import { CitationList, notice, type Answer } from './answer.ts';
import { excerpt, plural } from './format.ts';
import { tryHint } from './examples.ts';
import { closest, didYouMean, initials } from './similar.ts';

const EVENT = '(?:talks|negotiations?|discussions?|meetings?|met|summit|conference|held|hosted|gathered)';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Words for a meeting, which a "where" question may use for another ("where were the talks" → negotiations). */
export const MEETING_WORDS = [
  'talks',
  'negotiations',
  'discussions',
  'meeting',
  'met',
  'summit',
  'conference',
  'held',
  'hosted',
  'gathered',
];
const MEETING = /^(?:talks?|negotiat\w*|discuss\w*|meet\w*|met|summits?|conferences?|held|hold\w*|host\w*|gather\w*)$/i;
export const isMeetingWord = (word: string): boolean => MEETING.test(word);

/** How strongly a sentence says that something happened AT this place ("talks in Lisbon", "Lisbon negotiations"). */
export function venueSignal(name: string, sentence: string): number {
  const n = escape(name);
  const at = new RegExp(`\\b${EVENT}\\b[^.;]{0,60}\\b(?:in|at)\\s+(?:the\\s+)?${n}\\b`, 'i');
  const adjective = new RegExp(`\\b${n}\\s+${EVENT}\\b`, 'i');
  return at.test(sentence) || adjective.test(sentence) ? 1 : 0;
}

function why(place: PlaceSummary): { ref: SentenceRef | undefined; venue: number } {
  let venue = 0;
  let best: SentenceRef | undefined;
  for (const r of place.refs) {
    const v = venueSignal(place.name, r.sentence);
    venue += v;
    if (v && !best) best = r;
  }
  return { ref: best ?? place.refs[0], venue };
}

export async function whereList(store: CorpusReads): Promise<Answer> {
  const places = await store.listPlaces(60);
  if (!places.length) return notice('No places yet', 'No place is named in the documents so far.', false);
  const ranked = places.map((p) => ({ p, ...why(p) })).sort((a, b) => b.venue - a.venue || b.p.mentions - a.p.mentions);
  const cites = new CitationList();
  const shown = ranked.slice(0, 15);
  const venues = shown.filter((r) => r.venue > 0);
  const others = shown.filter((r) => r.venue === 0);
  const item = (r: (typeof ranked)[number]) => ({
    label: r.p.name,
    text: r.ref ? excerpt(r.ref.sentence, r.p.name, 200) : plural(r.p.mentions, 'mention'),
    cite: r.ref ? [cites.add(r.ref)] : [],
  });
  const sections = [];
  if (venues.length) sections.push({ heading: 'Where things happen', items: venues.map(item) });
  if (others.length)
    sections.push({
      heading: 'Also in the story',
      items: others.map(item),
      more:
        ranked.length > shown.length
          ? { count: ranked.length - shown.length, hint: 'narrow with /where place:…' }
          : undefined,
    });
  return {
    title: 'Where',
    description: `${plural(places.length, 'place')} named; the venues of talks and meetings first.`,
    sections,
    citations: cites.list,
  };
}

export async function whereIs(store: CorpusReads, place: string): Promise<Answer> {
  const [match] = await store.findEntities('place', place, 1);
  if (!match) {
    const suggestions = closest(place, await store.allNames('place', { prefixes: initials(place) }));
    return notice(
      'No such place in the story',
      didYouMean(
        suggestions,
        await tryHint(store, 'place', (n) => `/where place:${n}`, '/where with no place to see them all.'),
      ),
    );
  }
  const detail = await store.entity(match.id, 30);
  if (!detail) return notice('No such place in the story', 'It may have been removed with its document.');
  const cites = new CitationList();
  const ordered = [...detail.mentions].sort(
    (a, b) => venueSignal(detail.name, b.sentence) - venueSignal(detail.name, a.sentence),
  );
  const filter = detail.placeKind === 'country' ? { participantId: detail.id } : { placeId: detail.id };
  const events = await eventsSection(
    store,
    filter,
    cites,
    detail.placeKind === 'country' ? 'Events it took part in' : 'Events there',
  );
  const documents = plural(detail.documentCount, 'document');
  const kind = detail.placeKind && detail.placeKind !== 'other' ? `A ${detail.placeKind}, ` : '';
  return {
    title: detail.name,
    description: `${kind}mentioned ${plural(detail.mentionCount, 'time')} in ${documents}.`,
    sections: [
      ...(events ? [events] : []),
      {
        heading: events ? 'Also mentioned there' : 'What happened there',
        items: ordered
          .slice(0, 6)
          .map((m) => ({ text: excerpt(m.sentence, [detail.name, ...detail.aliases], 300), cite: [cites.add(m)] })),
        more:
          ordered.length > 6
            ? { count: detail.mentionCount - 6, hint: `ask /ask question:${detail.name} …` }
            : undefined,
      },
    ],
    citations: cites.list,
  };
}
