import type { AnalyzedSentence, NameChunk } from './chunks.ts';
import type { PeopleResult, Person } from './people.ts';
import { SPEECH_VERBS } from './lexicon/verbs.ts';

/**
 * Speakers an article names only by surname ("Moravec said …" and never "Lena Moravec"): the people pass
 * leaves such a bare name unresolved. A one-word name that the text has speak — "X said", "said X", "X told" —
 * at least once, and names at least twice, becomes a speaker of that name, so the quotes around it can be
 * credited to it (the store links a bare surname to the corpus's one person of that name).
 */
export function withBareSurnames(sentences: AnalyzedSentence[], people: PeopleResult): PeopleResult {
  const seen = new Map<string, Array<{ s: number; ci: number; c: NameChunk }>>();
  const speaks = new Set<string>();
  for (const s of sentences) {
    if (s.headline) continue;
    s.chunks.forEach((c, ci) => {
      if (!isBareName(c) || people.byChunk.has(`${s.index}:${ci}`)) return;
      const key = c.text.replace(/[’']s?$/, '');
      if (!seen.has(key)) seen.set(key, []);
      seen.get(key)!.push({ s: s.index, ci, c });
      if (!c.poss && isSpeechSubject(s, c)) speaks.add(key);
    });
  }
  const extra: Person[] = [];
  const byChunk = new Map(people.byChunk);
  for (const [name, uses] of seen) {
    // a one-word name that is part of one known person's name ("Lena" of "Lena Moravec") is that person
    const holder = personNamed(people.people, name);
    if (holder) {
      for (const u of uses) byChunk.set(`${u.s}:${u.ci}`, holder.id);
      continue;
    }
    if (!speaks.has(name) || uses.length < 2) continue;
    const id = people.people.length + extra.length;
    const mentions = uses.map(({ s, ci, c }) => ({
      s,
      chunk: ci,
      start: c.start,
      end: c.end,
      poss: c.poss,
      inComplement: c.inComplement,
      form: c.text,
    }));
    extra.push({
      id,
      name,
      aliases: [],
      roles: [],
      roleSentences: {},
      affiliation: null,
      gender: null,
      mentions,
      sentences: [...new Set(uses.map((u) => u.s))],
    });
    for (const u of uses) byChunk.set(`${u.s}:${u.ci}`, id);
  }
  if (!extra.length && byChunk.size === people.byChunk.size) return people;
  return { ...people, people: [...people.people, ...extra], byChunk };
}

/** The one person whose name or alias is `word`, else the one person whose full name holds it as a word. */
function personNamed(people: Person[], word: string): Person | null {
  const w = word.toLowerCase();
  const exact = people.filter((p) => [p.name, ...p.aliases].some((n) => n.toLowerCase() === w));
  const holders = people.filter(
    (p) => p.name.toLowerCase().split(/\s+/).length > 1 && p.name.toLowerCase().split(/\s+/).includes(w),
  );
  if (holders.length === 1) return holders[0];
  return exact.length === 1 ? exact[0] : null;
}

function isBareName(c: AnalyzedSentence['chunks'][number]): c is NameChunk {
  return (
    c.type === 'name' &&
    c.end - c.start === 1 &&
    !c.headKind &&
    !c.givenPlace &&
    !c.inComplement &&
    /^\p{Lu}\p{Ll}+(?:[’']s)?$/u.test(c.text)
  );
}

/** "X said", "X also told", "…,” said X". */
function isSpeechSubject(s: AnalyzedSentence, c: NameChunk): boolean {
  let k = c.end;
  while (
    k < s.tokens.length &&
    k < c.end + 2 &&
    /^(also|then|later|again|has|had|have|once)$|ly$/.test(s.tokens[k].key)
  )
    k++;
  if (SPEECH_VERBS.has(s.tokens[k]?.key ?? '')) return true;
  const before = s.tokens[c.start - 1];
  return !!before && SPEECH_VERBS.has(before.key) && /^[,”"’]$/.test(s.tokens[c.start - 2]?.text ?? '');
}
