import {
  dayNumber,
  disputesAmong,
  disputeWindow,
  isOneOff,
  isoDay,
  LONE_DAYS,
  sameDayOtherYears,
  type EventFacts,
} from '../match/events.ts';
import type { DocumentWriter, EventKey } from '../store/writer.ts';
import { refreshEvent, type Neighbourhood } from './events.ts';

/** The facts the dispute rules weigh, for day-precision events. */
async function facts(w: DocumentWriter, rows: EventKey[]): Promise<EventFacts[]> {
  const dated = rows.filter((r): r is EventKey & { day: string } => r.day?.length === 10);
  const links = await w.eventLinks(dated.map((r) => r.id));
  return dated.map((r) => {
    const l = links.get(r.id) ?? { participants: [], documents: [] };
    return {
      ...r,
      participants: l.participants.map((p) => p.id),
      people: l.participants.filter((p) => p.kind === 'person').map((p) => p.id),
      documents: l.documents.map((x) => x.id),
      published: l.documents.map((x) => x.published),
    };
  });
}

/**
 * Re-decides the disputes of the events near one day of one kind and place, and of that kind and place's lone
 * upcoming dates. Returns how many events are now flagged there.
 */
export async function refreshDisputes(w: DocumentWriter, n: Neighbourhood): Promise<number> {
  if ((n.placeKey <= 0 && !isOneOff(n.kind)) || !n.day || n.day.length !== 10) return 0;
  const day = n.day;
  const span = disputeWindow(n.kind);
  const d = dayNumber(day);
  const otherYears = await w.eventsOnDays(n.kind, n.placeKey, sameDayOtherYears(day), 100);
  const between = await w.eventsBetween(n.kind, n.placeKey, isoDay(d - 2 * span), isoDay(d + 2 * span), 500);
  const near = await facts(w, [...between, ...otherYears]);
  const owned = near.filter((e) => Math.abs(dayNumber(e.day) - d) <= span || e.day.slice(4) === day.slice(4));
  const found = disputesAmong(near);
  for (const e of owned) await w.setDispute(e.id, found.get(e.id));
  const lone = n.placeKey > 0 ? await refreshLoneDates(w, n.kind, n.placeKey) : 0;
  return owned.filter((e) => found.has(e.id)).length + lone;
}

/**
 * Each lone upcoming event of a kind and place is flagged against the best supported far event it shares a participant
 * with.
 */
async function refreshLoneDates(w: DocumentWriter, kind: string, placeKey: number): Promise<number> {
  let flagged = 0;
  for (const e of await facts(w, await w.loneEvents(kind, placeKey, 50))) {
    const around = await facts(w, await w.eventsAround(kind, placeKey, e.day, e.id, 3));
    const others = around.filter(
      (o) =>
        o.participants.some((p) => e.participants.includes(p)) && !o.documents.some((x) => e.documents.includes(x)),
    );
    const target = others.sort((a, b) => b.documents.length - a.documents.length)[0];
    await w.setDispute(e.id, target?.id);
    if (target) flagged++;
  }
  return flagged;
}

/** Upcoming events of a neighbourhood's kind and place within two months of its day: they may be lone again. */
async function upcomingNear(w: DocumentWriter, n: Neighbourhood): Promise<number[]> {
  const d = dayNumber(n.day ?? '');
  const rows = await w.eventsBetween(n.kind, n.placeKey, isoDay(d - LONE_DAYS), isoDay(d + LONE_DAYS), 500);
  return rows.filter((r) => r.futureOnly).map((r) => r.id);
}

/**
 * After a document is removed: its events that no source states any more go, the rest and their neighbours are
 * re-decided.
 */
export async function pruneEvents(w: DocumentWriter, gone: EventKey[]): Promise<void> {
  for (const e of gone) if (!(await w.dropUnstatedEvent(e.id))) await refreshEvent(w, e.id);
  for (const n of gone) {
    if (n.placeKey > 0 && n.day?.length === 10) for (const id of await upcomingNear(w, n)) await refreshEvent(w, id);
    await refreshDisputes(w, n);
  }
}
