import type { AnalyzedSentence, NameChunk } from '../chunks.ts';
import { gazetteerAt } from '../lexicon/gazetteer.ts';
import { ORG_HEADS } from '../lexicon/organizations.ts';
import { OFFICE_DOMAINS, TITLE_HEADS, TITLE_MODIFIERS } from '../lexicon/titles.ts';
import { isFunctionWord, isPersonWord } from '../lexicon/words.ts';

/**
 * A person has a personal name: a name span made only of office and organisation words, known places and
 * pronouns ("National Security", "Army Europe", "Defense Council", "We") names an office or a body, not a person.
 */
const OFFICE_WORDS = new Set([
  ...ORG_HEADS,
  ...OFFICE_DOMAINS,
  ...TITLE_MODIFIERS,
  ...[...TITLE_HEADS].filter((h) => !h.includes(' ')),
]);

export function hasPersonalName(s: AnalyzedSentence, c: NameChunk): boolean {
  for (let k = c.start; k < c.end; k++) {
    const t = s.tokens[k];
    if (t.kind !== 'word') continue;
    if (isPersonWord(t.text)) return true;
    if (OFFICE_WORDS.has(t.key) || isFunctionWord(t.text)) continue;
    const g = gazetteerAt(s.tokens, k);
    if (g && g.end === k + 1 && (g.entry.type === 'place' || g.entry.type === 'country' || g.entry.type === 'org'))
      continue;
    return true;
  }
  return false;
}
