import type { SourceDocument } from '../documents/document.ts';
import type { Extraction } from '../extract/contract.ts';
import { fold, phraseKey } from '../text/names.ts';
import type { Sentence } from '../text/sentences.ts';
import type { EntityKind, IngestProbe, IngestResult } from '../store/store.ts';
import type { DocumentWriter, DocumentWrites } from '../store/writer.ts';
import { pruneEvents, refreshDisputes } from './disputes.ts';
import { storeEvent, type Neighbourhood, type ResolvedEntity } from './events.ts';
import { knownPerson, resolveEntity } from './resolve-entity.ts';
import { resolveProposal } from './resolve-proposal.ts';

/** What one document's ingest has written so far. */
interface DocumentWrite {
  w: DocumentWriter;
  documentId: number;
  sentences: Sentence[];
  sentenceIds: number[];
  /** The entities the document names, by every folded form, resolved to their rows. */
  entities: Map<string, ResolvedEntity>;
  added: IngestResult['added'];
  dropped: string[];
}

function sid(d: DocumentWrite, i: number): number {
  const id = d.sentenceIds[i];
  if (id === undefined)
    throw new Error(`extraction points at sentence ${i}, but the document has ${d.sentenceIds.length}`);
  return id;
}

/**
 * One fact, merged in its own savepoint: a fact that cannot be merged is rolled back, named in `dropped` and left
 * out, and the document is stored without it.
 */
async function fact(d: DocumentWrite, what: string, write: () => Promise<void>): Promise<void> {
  try {
    await d.w.savepoint(write);
  } catch (e) {
    d.dropped.push(`${what}: ${(e as Error).message}`);
  }
}

/**
 * Stores a document in the writer's own corpus, merged with that corpus's facts, in one transaction: all of it or
 * none. Facts that cannot be merged are dropped and named; the document is never refused for them.
 */
export async function writeDocument(
  store: DocumentWrites,
  doc: SourceDocument,
  sentences: Sentence[],
  x: Extraction,
  probe: IngestProbe = () => {},
): Promise<IngestResult> {
  return store.write(async (w) => {
    const added: IngestResult['added'] = { people: [], places: [], organizations: [], proposals: [] };
    const same = await w.documentWithHash(doc.contentHash);
    if (same) return { status: 'unchanged', documentId: same.id, sameAs: same.key, added, conflicts: 0, dropped: [] };
    const old = await w.ownDocumentByKey(doc.key);
    if (old !== null) await removeDocument(w, old);
    const documentId = await w.insertDocument(doc);
    probe('document');
    const d: DocumentWrite = { w, documentId, sentences, sentenceIds: [], entities: new Map(), added, dropped: [] };
    d.sentenceIds = await w.insertSentences(documentId, sentences);
    probe('sentences');
    await storeEntities(d, x);
    probe('entities');
    await storeProposals(d, x);
    probe('proposals');
    await storeQuotes(d, x);
    probe('quotes');
    await storeDates(d, x);
    const conflicts = await storeEvents(d, x);
    probe('dates');
    return { status: old !== null ? 'replaced' : 'new', documentId, added, conflicts, dropped: d.dropped };
  });
}

/** Removes a document and everything only it supported, and re-decides the events it stated. */
export async function removeDocument(w: DocumentWriter, documentId: number): Promise<void> {
  const events = await w.eventsOfDocument(documentId);
  await w.removeDocument(documentId);
  await pruneEvents(w, events);
}

async function storeEntities(d: DocumentWrite, x: Extraction): Promise<void> {
  const { w } = d;
  const remember = (id: number, kind: EntityKind, name: string, forms: string[]) => {
    for (const f of [name, ...forms]) if (!d.entities.has(fold(f))) d.entities.set(fold(f), { id, kind, name });
  };
  for (const p of x.people) {
    await fact(d, `person ${p.name}`, async () => {
      const { id, isNew } = await resolveEntity(w, {
        kind: 'person',
        name: p.name,
        aliases: p.aliases,
        documentId: d.documentId,
        affiliation: p.affiliation,
      });
      for (const s of p.sentences) await w.addMention(id, sid(d, s));
      for (const r of p.roles) await w.addRole(id, r, p.affiliation, sid(d, p.roleSentences[r] ?? p.sentences[0] ?? 0));
      if (isNew) d.added.people.push(p.name);
      remember(id, 'person', p.name, p.aliases);
    });
  }
  const others = [
    ...x.places.map((e) => ({ kind: 'place' as const, e, placeKind: e.kind as string | undefined })),
    ...x.organizations.map((e) => ({ kind: 'organization' as const, e, placeKind: undefined })),
  ];
  for (const { kind, e, placeKind } of others) {
    await fact(d, `${kind} ${e.name}`, async () => {
      const entity = { kind, name: e.name, aliases: e.aliases, documentId: d.documentId, placeKind };
      const { id, isNew } = await resolveEntity(w, entity);
      for (const s of e.sentences) await w.addMention(id, sid(d, s));
      if (isNew) (kind === 'place' ? d.added.places : d.added.organizations).push(e.name);
      remember(id, kind, e.name, e.aliases);
    });
  }
  await w.recountMentions(d.documentId);
}

async function storeProposals(d: DocumentWrite, x: Extraction): Promise<void> {
  const countries = x.places.filter((p) => p.kind === 'country').map((p) => fold(p.name));
  for (const pr of x.proposals) {
    await fact(d, `proposal ${pr.name}`, async () => {
      const proposal = { name: pr.name, aliases: pr.aliases, documentId: d.documentId, countries };
      const { id, isNew } = await resolveProposal(d.w, proposal);
      await d.w.setProposalReport(id, d.documentId, pr.status, pr.proposedBy);
      for (const s of pr.evidence) await d.w.addProposalEvidence(id, sid(d, s));
      if (isNew) d.added.proposals.push(pr.name);
    });
  }
}

async function storeQuotes(d: DocumentWrite, x: Extraction): Promise<void> {
  for (const q of x.quotes) {
    await fact(d, `quote in sentence ${q.sentence}`, async () => {
      const speakerId = q.speaker
        ? (d.entities.get(fold(q.speaker))?.id ?? (await knownPerson(d.w, q.speaker))?.id ?? null)
        : null;
      await d.w.insertQuote(sid(d, q.sentence), speakerId, q.speaker, q.text);
    });
  }
}

async function storeDates(d: DocumentWrite, x: Extraction): Promise<void> {
  for (const dt of x.dates) {
    await fact(d, `date ${dt.text}`, async () => {
      await d.w.insertDate({
        sentenceId: sid(d, dt.sentence),
        text: dt.text,
        iso: dt.iso,
        precision: dt.precision,
        what: dt.what,
        whatKey: dt.what ? phraseKey(dt.what) : null,
      });
    });
  }
}

/** Earlier documents' people that a sentence names by surname alone; each becomes a mention of that sentence. */
async function knownPeopleIn(d: DocumentWrite, index: number): Promise<ResolvedEntity[]> {
  const text = d.sentences[index]?.text ?? '';
  const found: ResolvedEntity[] = [];
  for (const m of text.matchAll(/(?<![\p{L}’'-])\p{Lu}[\p{Ll}’'-]+(?:\s+\p{Lu}[\p{Ll}’'-]+)?/gu)) {
    if (d.entities.has(fold(m[0]))) continue;
    const p = await knownPerson(d.w, m[0]);
    if (!p || found.some((f) => f.id === p.id)) continue;
    await d.w.addMention(p.id, sid(d, index));
    found.push({ ...p, kind: 'person' });
  }
  return found;
}

/** Events merge into the events they state; then the disputes around them are re-decided. Returns the flags raised. */
async function storeEvents(d: DocumentWrite, x: Extraction): Promise<number> {
  const around: Neighbourhood[] = [];
  for (const e of x.events) {
    await fact(d, `event ${e.kind} in sentence ${e.sentence}`, async () => {
      const participants = e.participants.map((n) => d.entities.get(fold(n))).filter((p) => !!p);
      for (const p of await knownPeopleIn(d, e.sentence))
        if (!participants.some((q) => q.id === p.id)) participants.push(p);
      const place = e.place ? (d.entities.get(fold(e.place)) ?? null) : null;
      const statement = { event: e, documentId: d.documentId, sentenceId: sid(d, e.sentence), participants, place };
      around.push(await storeEvent(d.w, statement));
    });
  }
  await d.w.recountMentions(d.documentId);
  let flagged = 0;
  const seen = new Set<string>();
  for (const n of around) {
    const key = `${n.kind}|${n.placeKey}|${n.day}`;
    if (seen.has(key)) continue;
    seen.add(key);
    await fact(d, `disputes of ${n.kind}`, async () => {
      flagged += await refreshDisputes(d.w, n);
    });
  }
  return flagged;
}
