import type { ExtractedEvent } from '../extract/contract.ts';
import { dayNumber, eventLabel, isoDay, LONE_DAYS } from '../match/events.ts';
import { nameKey } from '../text/names.ts';
import type { DocumentWriter, EventCandidate, Participant } from '../store/writer.ts';

const surnameKey = (name: string) => nameKey(name).split(' ').pop() ?? '';

/** An entity the document names, resolved to its row in the store. */
export type ResolvedEntity = Participant;

/** Where a dispute may have changed: one kind at one place around one day. */
export interface Neighbourhood {
  kind: string;
  /** The place's entity id, or for an event with no place minus its corpus id: never shared by two corpora. */
  placeKey: number;
  day: string | null;
}

interface EventStatement {
  event: ExtractedEvent;
  documentId: number;
  sentenceId: number;
  participants: ResolvedEntity[];
  place: ResolvedEntity | null;
}

/** A participant in common: the same entity, or a person of the same surname (one not yet linked to the other). */
function sharesParticipant(mine: ResolvedEntity[], candidate: EventCandidate): boolean {
  if (!mine.length || !candidate.participants.length) return true;
  const keys = new Set(mine.flatMap((p) => [`#${p.id}`, ...(p.kind === 'person' ? [`~${surnameKey(p.name)}`] : [])]));
  return candidate.participants.some(
    (c) => keys.has(`#${c.id}`) || (c.kind === 'person' && keys.has(`~${surnameKey(c.name)}`)),
  );
}

/**
 * Stores one event statement: merged into the event it states (same kind, place, date, a shared participant) or new.
 */
export async function storeEvent(w: DocumentWriter, x: EventStatement): Promise<Neighbourhood> {
  const { event: e, place } = x;
  const placeKey = place?.id ?? -w.corpusId;
  const day = e.date?.iso ?? null;
  const rawDate = day ? null : (e.date?.text ?? null);
  const candidates = await w.eventCandidates(e.kind, placeKey, day, rawDate);
  const id =
    candidates.find((c) => sharesParticipant(x.participants, c))?.id ??
    (await w.insertEvent({
      kind: e.kind,
      placeId: place?.id ?? null,
      placeKey,
      day,
      precision: e.date?.precision ?? null,
      rawDate,
      label: e.kind,
      documentId: x.documentId,
    }));
  await w.addEventParticipants(
    id,
    x.participants.map((p) => p.id),
  );
  await w.addEventSource({
    eventId: id,
    sentenceId: x.sentenceId,
    documentId: x.documentId,
    dateText: e.date?.text ?? null,
    iso: day,
    precision: e.date?.precision ?? null,
    future: !!e.future,
  });
  await refreshEvent(w, id);
  if (placeKey > 0 && day?.length === 10) await endLoneness(w, e.kind, placeKey, day, id);
  return { kind: e.kind, placeKey, day };
}

/**
 * Recomputes what an event derives from its parts: its label, whether every source speaks of it as to come, and
 * whether it is lone (to come, and nothing of its kind and place within two months).
 */
export async function refreshEvent(w: DocumentWriter, id: number): Promise<void> {
  const parts = await w.eventParts(id, 6);
  if (!parts) return;
  const lone =
    parts.futureOnly &&
    parts.placeKey > 0 &&
    parts.day?.length === 10 &&
    !(await hasNeighbour(w, parts.kind, parts.placeKey, parts.day, id));
  await w.updateEvent(id, {
    label: eventLabel(parts.kind, parts.participants, parts.place),
    futureOnly: parts.futureOnly,
    lone: !!lone,
  });
}

async function hasNeighbour(w: DocumentWriter, kind: string, placeKey: number, day: string, id: number) {
  const d = dayNumber(day);
  const near = await w.eventsBetween(kind, placeKey, isoDay(d - LONE_DAYS), isoDay(d + LONE_DAYS), 2);
  return near.some((e) => e.id !== id);
}

/** An event at a day ends the loneness of the upcoming events of its kind and place near it, and their flags. */
async function endLoneness(w: DocumentWriter, kind: string, placeKey: number, day: string, id: number) {
  const d = dayNumber(day);
  const from = isoDay(d - LONE_DAYS);
  const to = isoDay(d + LONE_DAYS);
  for (const x of await w.loneEvents(kind, placeKey, 500)) {
    if (x.id === id || !x.day || x.day < from || x.day > to) continue;
    await w.clearLone(x.id);
    await w.setDispute(x.id, undefined);
  }
}
