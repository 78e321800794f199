/**
 * The rules that decide when two events are one and when two events contradict each other. Both store backends
 * call these; the store only finds the candidates through its indexes.
 *
 * - One event: same kind, same place, same date (as precise as given), and a participant in common when both
 *   name any. Events on adjacent days are two days of one round, never a disagreement.
 * - A disagreement: two events of the same kind at the same place, with a participant in common, that no
 *   document states together, dated a few days apart — or a one-off such as a signing or a resignation, which
 *   cannot take two days, a day to two weeks apart, wherever it is said to happen as long as one person took part
 *   in both — or on the same day of the month a year or three apart (a mistyped year). The event fewer documents
 *   support is flagged against the other.
 * - A lone upcoming date: an event every source states as still to come, with no other event of its kind and place
 *   within two months, while others give that kind and place a date far away — a likely typo, flagged too.
 */
const ONE_OFF = new Set(['signing', 'resignation', 'appointment', 'vote', 'summit', 'election', 'walkout']);

/** How many days apart two dates of one event may be said to be, before they are two events. */
export function disputeWindow(kind: string): number {
  return ONE_OFF.has(kind) ? 14 : 3;
}

/** A one-off happens once: two dates for it are a disagreement even a day apart, and even where no place is given. */
export const isOneOff = (kind: string): boolean => ONE_OFF.has(kind);

/** The same day of the month in the years around: where a mistyped year would put an event. */
export function sameDayOtherYears(iso: string, years = 3): string[] {
  const y = Number(iso.slice(0, 4));
  const out: string[] = [];
  for (let k = -years; k <= years; k++) if (k) out.push(`${y + k}${iso.slice(4, 10)}`);
  return out;
}

/** A lone upcoming date further than this from every other date of its kind and place is flagged. */
export const LONE_DAYS = 60;

export function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000);
}

export function isoDay(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

/** Days between two ISO dates compared at the precision both have (a month counts from its first day). */
export function daysApart(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  const pad = (s: string) => (s.slice(0, n) + '-01-01'.slice(n - 4)).slice(0, 10);
  return Math.abs(Date.parse(pad(a)) - Date.parse(pad(b))) / 86_400_000;
}

export interface EventFacts {
  id: number;
  kind: string;
  day: string;
  participants: number[];
  /** The participants that are people. */
  people: number[];
  documents: number[];
  /** The publication dates of those documents (null: undated). */
  published: (string | null)[];
  /** Every source speaks of it as still to come. */
  futureOnly: boolean;
  placeKey: number;
}

const shareAny = (a: number[], b: number[]) => a.some((x) => b.includes(x));

/** Same kind and place, no document in common, and a participant in common (a person, for a one-off with no place). */
function sameOccasion(a: EventFacts, b: EventFacts): boolean {
  if (a.kind !== b.kind || a.placeKey !== b.placeKey || shareAny(a.documents, b.documents)) return false;
  return a.placeKey ? shareAny(a.participants, b.participants) : isOneOff(a.kind) && shareAny(a.people, b.people);
}

const mistypedYear = (a: string, b: string) =>
  a.slice(4) === b.slice(4) && a.slice(0, 4) !== b.slice(0, 4) && Math.abs(dayNumber(a) - dayNumber(b)) <= 3 * 366;

/**
 * Whether `outlier`'s sources contradict `other`'s date for one occasion. Sources of a plan may disagree on its date
 * at any time; otherwise its sources must have been able to know of the other date (written after it, or undated). A
 * recurring kind (talks, a meeting) reported on the day it happened
 * is a report of that day, not a mistake about another: only a source looking back (two days or more) can be
 * wrong about the day. A year is taken for mistyped only when the other date is nearer the source's own date.
 */
export function contradicts(outlier: EventFacts, other: EventFacts): boolean {
  if (!sameOccasion(outlier, other)) return false;
  const apart = Math.abs(dayNumber(outlier.day) - dayNumber(other.day));
  const typo = mistypedYear(outlier.day, other.day);
  if (!typo && !(apart >= (isOneOff(outlier.kind) ? 1 : 2) && apart <= disputeWindow(outlier.kind))) return false;
  const at = (p: string) => dayNumber(p);
  return outlier.published.every((p) => {
    if (!p || (outlier.futureOnly && !typo)) return true;
    if (at(p) < dayNumber(other.day)) return false;
    if (!isOneOff(outlier.kind) && at(p) - dayNumber(outlier.day) < 2) return false;
    return !typo || Math.abs(at(p) - dayNumber(other.day)) < Math.abs(at(p) - dayNumber(outlier.day));
  });
}

/**
 * For each event of a neighbourhood (one kind, one place), the event it is flagged against, if any: the better
 * supported of the events whose date it contradicts (more documents, then the nearer date). Ties flag the later date.
 */
export function disputesAmong(events: EventFacts[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const e of events) {
    let best: EventFacts | null = null;
    for (const o of events) {
      if (o.id === e.id || !contradicts(e, o)) continue;
      const weaker =
        e.documents.length < o.documents.length || (e.documents.length === o.documents.length && e.day > o.day);
      if (!weaker) continue;
      const closer =
        best && Math.abs(dayNumber(o.day) - dayNumber(e.day)) < Math.abs(dayNumber(best.day) - dayNumber(e.day));
      if (
        !best ||
        o.documents.length > best.documents.length ||
        (o.documents.length === best.documents.length && closer)
      )
        best = o;
    }
    if (best) out.set(e.id, best.id);
  }
  return out;
}

export interface LabelPart {
  name: string;
  kind: 'person' | 'place' | 'organization';
}

/** The family name with its particles: "de la Torre", "van der Berg", "bin Salman". */
export function surname(name: string): string {
  const words = name.split(/\s+/);
  let i = words.length - 1;
  while (i > 0 && /^\p{Ll}/u.test(words[i - 1])) i--;
  return words.slice(i).join(' ');
}

/** "Keller, Moreau — talks, Vienna": who (surnames, at most three), what, where. */
export function eventLabel(kind: string, participants: LabelPart[], place: string | null): string {
  const order = { person: 0, organization: 1, place: 2 } as const;
  const who = [...participants]
    .sort((a, b) => order[a.kind] - order[b.kind])
    .slice(0, 3)
    .map((p) => (p.kind === 'person' ? surname(p.name) : p.name));
  const what = place ? `${kind}, ${place}` : kind;
  return who.length ? `${who.join(', ')} — ${what}` : what;
}
