import type { Sentence } from '../text/sentences.ts';
import type {
  ExtractedDate,
  ExtractedEvent,
  ExtractedOrganization,
  ExtractedPerson,
  ExtractedPlace,
} from './contract.ts';
import { FUTURE } from './dates.ts';

/**
 * Events as facts (GDELT/ACLED style): what happened, who took part, where, when. One stage over what the
 * earlier stages found: a sentence with an event word (met, talks, signed, resigned…) becomes an event whose
 * participants are the people, organisations and countries it names, whose place is the city, region or
 * venue it names, and whose date is the date it gives. A sentence with several dates gives one event per date.
 */
const KIND_WORDS: Array<[string, RegExp]> = [
  ['signing', /\b(?:signed|signing|sign|signs|ratif(?:y|ied|ies|ication))\b/i],
  ['resignation', /\b(?:resign(?:s|ed|ing|ation)?|stepp(?:ed|ing) down|steps down|quit)\b/i],
  [
    'appointment',
    /\b(?:appoint(?:s|ed|ment)?|sworn in|swearing-in|nominat(?:ed|es|ion)|named (?:as )?(?:the )?new)\b/i,
  ],
  ['vote', /\b(?:vot(?:e|es|ed|ing)|ballot|referendum|confidence motion)\b/i],
  ['summit', /\bsummits?\b/i],
  ['walkout', /\b(?:walk(?:ed|s)? out|walkout)\b/i],
  [
    'call',
    /\b(?:(?:phone|telephone|video) (?:call|conversation)s?|spoke by (?:phone|telephone)|held a call|call with)\b/i,
  ],
  ['visit', /\b(?:visit(?:s|ed|ing)?|trip to|arriv(?:e|es|ed|ing) in|travell?ed to|flew to)\b/i],
  ['talks', /\b(?:talks|negotiations?|negotiat(?:ed|ing)|discussions|consultations|round of)\b/i],
  ['meeting', /\b(?:met|meet(?:s|ing|ings)?|sat down with|hosted)\b/i],
  ['attack', /\b(?:attack(?:s|ed)?|air ?strikes?|drone strikes?|missile strikes?|shell(?:ed|ing)|bomb(?:ed|ing)s?)\b/i],
  ['capture', /\b(?:captur(?:e|ed|es)|seiz(?:e|ed|es)|took control of)\b/i],
  ['protest', /\b(?:protest(?:s|ed|ers)?|demonstrat(?:ors|ions?)|rall(?:y|ies|ied)|marched)\b/i],
  ['election', /\belections?\b/i],
  ['announcement', /\b(?:announc(?:ed|es|ement)|unveil(?:ed|s))\b/i],
];

/** The kind of event a phrase or sentence states, the most specific first; null when it states none. */
export function eventKindOf(text: string): string | null {
  for (const [kind, re] of KIND_WORDS) if (re.test(text)) return kind;
  return null;
}

const KIND_NEAR = 90;

/**
 * The most specific kind whose word lies near a position of the sentence (within a clause or so): in "walked out
 * of the negotiations on Wednesday" the walkout, not the negotiations, is what the date dates.
 */
function kindNear(text: string, at: number): string | null {
  for (const [kind, re] of KIND_WORDS) {
    for (const m of text.matchAll(new RegExp(re.source, 'gi'))) if (Math.abs(m.index - at) <= KIND_NEAR) return kind;
  }
  return null;
}

/** A live blog's entry stamp ("14:05 GMT —"): the entry is dated the day the blog was published. */
const ENTRY_STAMP = /^\s*\d{1,2}[:.]\d{2}\s*(?:[AP]M\s*)?(?:[A-Z]{2,4}\s*)?[—–-]/;

const PLACE_BEFORE = /\b(?:in|at|to|near|outside|inside|from)\s+(?:the\s+)?$/i;
/** Names a source, not a participant: "told Reuters", "according to the ministry", "(AFP)". */
const SOURCE_BEFORE =
  /(?:\btold|\baccording to|\breported by|\bsaid in|\(|\bquoted by|\bwrote in|\bin an interview with)\s+(?:the\s+)?$/i;

/** News outlets and agencies report events; they take no part in them ("Valley Post", "Reuters", "(AFP)"). */
const OUTLET =
  /(?:\b(?:post|times|news|herald|gazette|tribune|journal|press|ledger|courier|chronicle|telegraph|television|radio|agency|wire)$|^(?:reuters|afp|ap|associated press|agence france-presse|xinhua|tass|ria novosti|interfax|bloomberg|anadolu agency|kuna|yonhap|kyodo|bernama|efe|ansa|dpa)$)/i;

interface Named {
  name: string;
  aliases: string[];
  sentences: number[];
}

function firstIndexIn(text: string, e: Named): number {
  let best = -1;
  for (const form of [e.name, ...e.aliases]) {
    const i = text.indexOf(form);
    if (i >= 0 && (best < 0 || i < best)) best = i;
  }
  return best;
}

function placeOf(text: string, places: ExtractedPlace[], kind: string): string | null {
  const inSentence = places.map((p) => ({ p, at: firstIndexIn(text, p) })).filter((x) => x.at >= 0);
  const local = inSentence.filter((x) => x.p.kind !== 'country');
  const afterPreposition = (xs: typeof inSentence) => xs.find((x) => PLACE_BEFORE.test(text.slice(0, x.at)));
  const pick = afterPreposition(local) ?? (kind === 'visit' ? afterPreposition(inSentence) : undefined) ?? local[0];
  return pick?.p.name ?? null;
}

function participantsOf(text: string, index: number, parts: Named[], place: string | null): string[] {
  const out: string[] = [];
  for (const e of parts) {
    if (e.name === place || !e.sentences.includes(index) || out.includes(e.name)) continue;
    const at = firstIndexIn(text, e);
    if (at < 0 || SOURCE_BEFORE.test(text.slice(Math.max(0, at - 40), at))) continue;
    out.push(e.name);
  }
  return out.slice(0, 8);
}

export interface EventInputs {
  people: ExtractedPerson[];
  places: ExtractedPlace[];
  organizations: ExtractedOrganization[];
  dates: ExtractedDate[];
}

export function extractEvents(
  sentences: Sentence[],
  x: EventInputs,
  publishedAt: string | null = null,
): ExtractedEvent[] {
  const countries = x.places.filter((p) => p.kind === 'country');
  const parties: Named[] = [...x.people, ...x.organizations.filter((o) => !OUTLET.test(o.name)), ...countries];
  const out: ExtractedEvent[] = [];
  for (const s of sentences) {
    if (s.text.length > 1500) continue;
    const dates = x.dates.filter((d) => d.sentence === s.index);
    const dated = dates.filter((d) => d.iso || !publishedAt || !ENTRY_STAMP.test(s.text));
    const stamp: ExtractedDate | null =
      !dated.some((d) => d.iso) && publishedAt && ENTRY_STAMP.test(s.text)
        ? { text: publishedAt, iso: publishedAt, precision: 'day', what: null, sentence: s.index }
        : null;
    const stated = dated.length
      ? dated.map((d) => ({ d, kind: kindNear(s.text, s.text.indexOf(d.text)) ?? (d.what && eventKindOf(d.what)) }))
      : [{ d: stamp, kind: eventKindOf(s.text) }];
    for (const { d, kind } of stated) {
      if (!kind || out.some((e) => e.sentence === s.index && e.kind === kind && e.date?.iso === d?.iso)) continue;
      const place = placeOf(s.text, x.places, kind);
      const participants = participantsOf(s.text, s.index, parties, place);
      if (!d && !place) continue;
      if (!participants.length && !(d?.iso && place)) continue;
      const date = d ? { text: d.text, iso: d.iso, precision: d.precision } : null;
      out.push({ kind, participants, place, date, sentence: s.index, future: FUTURE.test(s.text) });
    }
  }
  return out;
}
