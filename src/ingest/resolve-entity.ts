import { samePersonName, sameSpellingVariant } from '../match/names.ts';
import { nameKey, skeletonKey } from '../text/names.ts';
import type { EntityKind } from '../store/store.ts';
import type { DocumentWriter, EntityRow } from '../store/writer.ts';

/**
 * The display name of one entity, whatever order its documents came in: a fuller name wins ("Keller" seen first,
 * "Anna Keller" later); between spellings of equal length, the one that keeps its accents, then the first in order.
 */
export function preferredName(a: string, b: string): string {
  const words = (s: string) => s.split(/\s+/).length;
  if (words(a) !== words(b)) return words(a) > words(b) ? a : b;
  const marks = (s: string) => s.normalize('NFKD').length - s.length;
  if (marks(a) !== marks(b)) return marks(a) > marks(b) ? a : b;
  return a < b ? a : b;
}

interface EntityFacts {
  kind: EntityKind;
  name: string;
  aliases: string[];
  documentId: number;
  affiliation?: string | null;
  placeKind?: string;
}

/** The corpus's entity a name refers to: by name or alias (a person by a compatible name), else a spelling variant. */
async function matchEntity(w: DocumentWriter, e: EntityFacts): Promise<EntityRow | undefined> {
  const keys = new Set([e.name, ...e.aliases].map(nameKey).filter(Boolean));
  if (e.kind === 'person') keys.add(nameKey(e.name).split(' ').pop() ?? '');
  const candidates = await w.entitiesByKeys(e.kind, [...keys]);
  const byName =
    e.kind === 'person'
      ? candidates.find((c) => samePersonName(e.name, c.name))
      : (candidates.find((c) => nameKey(c.name) === nameKey(e.name)) ?? candidates[0]);
  return byName ?? spellingVariant(w, e);
}

/** An entity of the corpus spelled with other vowels ("-ian" / "-yan") that nothing tells apart from this name. */
async function spellingVariant(w: DocumentWriter, e: EntityFacts): Promise<EntityRow | undefined> {
  const rows = await w.entitiesBySkeleton(e.kind, skeletonKey(e.name), 5);
  const mine = { name: e.name, affiliation: e.affiliation ?? null, placeKind: e.placeKind ?? null };
  const fits = rows.filter((r) => sameSpellingVariant(e.kind, mine, r));
  return fits.length === 1 ? fits[0] : undefined;
}

/** Finds the entity a name refers to or creates it; merges its aliases, affiliation and fuller name. */
export async function resolveEntity(w: DocumentWriter, e: EntityFacts): Promise<{ id: number; isNew: boolean }> {
  const match = await matchEntity(w, e);
  let id: number;
  if (match) {
    id = match.id;
    if (!match.affiliation && e.affiliation) await w.setAffiliation(id, e.affiliation);
    if (preferredName(e.name, match.name) !== match.name) await w.renameEntity(id, e.kind, e.name, nameKey(e.name));
  } else {
    id = await w.insertEntity({
      kind: e.kind,
      name: e.name,
      nameKey: nameKey(e.name),
      affiliation: e.affiliation ?? null,
      placeKind: e.placeKind ?? null,
      documentId: e.documentId,
    });
  }
  const forms = [e.name, ...e.aliases].filter((f) => nameKey(f));
  await w.addAliases(
    id,
    forms.map((f) => ({ alias: f, key: nameKey(f), skeleton: skeletonKey(f) })),
  );
  return { id, isNew: !match };
}

/**
 * The one person of the corpus a bare surname or short name refers to ("Keller", once "Anna Keller" is known),
 * or null when none or several answer to it.
 */
export async function knownPerson(w: DocumentWriter, name: string): Promise<{ id: number; name: string } | null> {
  const rows = await w.entitiesByKeys('person', [nameKey(name)]);
  const distinct = [...new Map(rows.map((r) => [r.id, r])).values()];
  return distinct.length === 1 ? { id: distinct[0].id, name: distinct[0].name } : null;
}
