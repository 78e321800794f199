import { isGenericProposalKey, sameProposalKey, sameStory } from '../match/names.ts';
import { fold, phraseKey } from '../text/names.ts';
import type { DocumentWriter } from '../store/writer.ts';

/** Proposals named by one of the keys exactly, else by nearly the same words (numbers must agree). */
async function proposalCandidates(w: DocumentWriter, keys: string[]): Promise<number[]> {
  if (!keys.length) return [];
  const exact = await w.proposalsByKeys(keys);
  if (exact.length) return exact;
  const near = await w.proposalsNear(keys);
  return near.filter((p) => keys.some((k) => sameProposalKey(k, p.key.replace(/ #\d+$/, '')))).map((p) => p.id);
}

async function firstOfSameStory(w: DocumentWriter, ids: number[], countries: string[]): Promise<number | undefined> {
  for (const id of ids) if (sameStory(countries, (await w.proposalCountries(id)).map(fold))) return id;
  return undefined;
}

/**
 * The proposal a name refers to across documents, found or created. A bare head ("plan", "the deal") never links
 * documents: only names of two or more content words do, by equal keys or by nearly the same words. A generic name
 * ("peace agreement") links only documents of one story (see sameStory), told by the countries they name.
 */
export async function resolveProposal(
  w: DocumentWriter,
  p: { name: string; aliases: string[]; documentId: number; countries: string[] },
): Promise<{ id: number; isNew: boolean }> {
  const keys = [...new Set([p.name, ...p.aliases].map(phraseKey).filter((k) => k.split(' ').length >= 2))];
  const specific = keys.filter((k) => !isGenericProposalKey(k));
  const generic = keys.filter(isGenericProposalKey);
  const found =
    (await proposalCandidates(w, specific))[0] ??
    (await firstOfSameStory(w, await proposalCandidates(w, generic), p.countries));
  const id = found ?? (await w.insertProposal(p.name, phraseKey(p.name) || fold(p.name), p.documentId));
  const forms = [p.name, ...p.aliases].filter((f) => phraseKey(f));
  await w.addProposalAliases(
    id,
    forms.map((f) => ({ alias: f, key: phraseKey(f) })),
  );
  return { id, isNew: found === undefined };
}
