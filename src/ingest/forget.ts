import type { ForgetResult } from '../store/store.ts';
import type { DocumentWrites } from '../store/writer.ts';
import { removeDocument } from './write-document.ts';

/**
 * Removes one document of the writer's own corpus and every fact only it supported, in one transaction; facts other
 * documents support stay, their counts updated. Null when the own corpus holds no such document.
 */
export async function forgetDocument(store: DocumentWrites, documentId: number): Promise<ForgetResult | null> {
  return store.write(async (w) => {
    const doc = await w.ownDocument(documentId);
    if (!doc) return null;
    const before = await w.ownCounts();
    await removeDocument(w, doc.id);
    const after = await w.ownCounts();
    const removed = Object.fromEntries(
      Object.entries(before).map(([k, v]) => [k, v - after[k as keyof typeof after]]),
    ) as ForgetResult['removed'];
    return { ...doc, removed };
  });
}
