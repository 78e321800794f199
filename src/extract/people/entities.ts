import type { AnalyzedSentence, NameChunk } from '../chunks.ts';
import { SPEECH_VERBS } from '../lexicon/verbs.ts';
import { isCommonWord, isFirstName } from '../lexicon/words.ts';
import { hasPersonalName } from './personal-name.ts';
import type { Candidate } from './types.ts';

/**
 * Stages 2–3 of the people stage: candidates become entities — one per person — from full names first, then
 * royal given names, inner names and nicknames, then surnames and single names linked to them.
 */
export interface Entity {
  id: number;
  cands: Candidate[];
  full: string[][];
}

const fold = (k: string) => k.replace(/^(?:al|el|ad|as|ash|at|az)-/, '').replace(/[^a-z0-9]/g, '');

function editDistanceAtMost1(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}
/** Same surname, allowing one letter of transliteration difference in long names (Kovalenko / Kowalenko). */
export function sameSurname(a: string, b: string): boolean {
  const x = fold(a);
  const y = fold(b);
  if (!x || !y) return false;
  if (x === y) return true;
  return x.length >= 6 && y.length >= 6 && x.slice(0, 3) === y.slice(0, 3) && editDistanceAtMost1(x, y);
}
function sameGiven(a: string, b: string): boolean {
  const x = fold(a);
  const y = fold(b);
  if (x === y) return true;
  if (x.length === 1 || y.length === 1) return x[0] === y[0];
  return x.length >= 4 && y.length >= 4 && x.slice(0, 2) === y.slice(0, 2) && editDistanceAtMost1(x, y);
}

export const position = (c: Candidate) => c.s.index * 10000 + c.chunk.start;

export function linkEntities(
  cands: Candidate[],
  candAt: Map<string, Candidate>,
  sentences: AnalyzedSentence[],
): { entities: Entity[]; entityOf: Map<Candidate, Entity> } {
  const entities: Entity[] = [];
  const entityOf = new Map<Candidate, Entity>();
  const join = (c: Candidate, e: Entity) => {
    e.cands.push(c);
    entityOf.set(c, e);
  };
  fullNames(cands, entities, join);
  innerNames(cands, candAt, entities, entityOf, join);
  singleNames(cands, sentences, entities, entityOf, join);
  mergeSurnameEntities(entities, entityOf);
  return { entities, entityOf };
}

type Join = (c: Candidate, e: Entity) => void;

/** Strong full names: one entity per surname (and matching given name). */
function fullNames(cands: Candidate[], entities: Entity[], join: Join): void {
  const matchFull = (keys: string[]): Entity | undefined =>
    entities.find((e) =>
      e.full.some(
        (f) =>
          sameSurname(f[f.length - 1], keys[keys.length - 1]) &&
          (f.length === 1 || keys.length === 1 || sameGiven(f[0], keys[0])),
      ),
    );
  for (const c of cands) {
    if (!c.strong || c.keys.length < 2 || !hasPersonalName(c.s, c.chunk)) continue;
    let e = matchFull(c.keys);
    if (!e) entities.push((e = { id: entities.length, cands: [], full: [] }));
    e.full.push(c.keys);
    join(c, e);
  }
}

/**
 * "Sheikh Mohammed", "Prince Faisal": a royal or religious title with a given name names the full-name person;
 * "Lula": a single word that is an inner part of exactly one full name ("Luiz Inácio Lula da Silva");
 * "X, known as Hemedti": a nickname.
 */
function innerNames(
  cands: Candidate[],
  candAt: Map<string, Candidate>,
  entities: Entity[],
  entityOf: Map<Candidate, Entity>,
  join: Join,
): void {
  for (const c of cands) {
    if (entityOf.has(c) || c.keys.length !== 1) continue;
    const k0 = c.keys[0];
    const prevChunk = c.ci > 0 ? c.s.chunks[c.ci - 1] : null;
    const royal =
      !!prevChunk &&
      prevChunk.type === 'title' &&
      prevChunk.end === c.chunk.start &&
      /^(sheikh|prince|princess|king|queen|emir|sultan|crown prince)$/.test(prevChunk.head);
    let hits = entities.filter(
      (e) =>
        e.cands.length &&
        e.full.some(
          (f) =>
            f.length >= 2 &&
            (royal
              ? sameGiven(f[0], k0)
              : f.length >= 3 && k0.length >= 4 && f.slice(1, -1).some((w) => fold(w) === fold(k0))),
        ),
    );
    if (royal && hits.length > 1) hits = hits.filter((e) => e.full.some((f) => fold(f[0]) === fold(k0)));
    if (!royal && !hits.length) {
      // nickname after "known as" / "nicknamed"
      const t = c.s.tokens;
      const st = c.chunk.start;
      if ((t[st - 1]?.key === 'as' && t[st - 2]?.key === 'known') || t[st - 1]?.key === 'nicknamed') {
        for (let k = c.ci - 1; k >= 0; k--) {
          const pc = candAt.get(`${c.s.index}:${k}`);
          if (pc && entityOf.has(pc) && c.s.chunks[k].end >= st - 4) {
            hits = [entityOf.get(pc)!];
            break;
          }
        }
      }
    }
    if (hits.length === 1) join(c, hits[0]);
  }
}

/** Single words and weak spans link to a surname (or make a titled single-name person). */
function singleNames(
  cands: Candidate[],
  sentences: AnalyzedSentence[],
  entities: Entity[],
  entityOf: Map<Candidate, Entity>,
  join: Join,
): void {
  for (const c of cands) {
    if (entityOf.has(c)) continue;
    const last = c.keys[c.keys.length - 1];
    const matches = entities.filter((e) =>
      e.full.some(
        (f) =>
          f.length >= 2 && sameSurname(f[f.length - 1], last) && (c.keys.length === 1 || sameGiven(f[0], c.keys[0])),
      ),
    );
    if (!matches.length && c.keys.length === 1 && (knightedGivenName(c) || !isFirstName(c.chunk.text))) {
      const byGiven = entities.filter((e) => e.full.some((f) => f.length >= 2 && fold(f[0]) === fold(last)));
      // "Sir Keir"; "Anutin" for Anutin Charnvirakul, where news calls people by the given name
      if (knightedGivenName(c) || byGiven.length === 1) matches.push(...byGiven);
    }
    let e: Entity | undefined = matches.length > 1 ? mostRecent(matches, c) : matches[0];
    // "Lula said …; he …": a single name that speaks and is then called he or she
    let spoke = false;
    if (
      !e &&
      !c.strong &&
      c.keys.length === 1 &&
      /^\p{Lu}\p{Ll}{2,}/u.test(c.chunk.text) &&
      !c.chunk.poss &&
      !c.s.headline &&
      !c.s.bare &&
      !isCommonWord(c.s.tokens[c.chunk.start].text) &&
      singleSpeaker(c, sentences)
    ) {
      c.strong = spoke = true;
    }
    // a later mention of a single-name person already found ("Lula told reporters")
    if (!e && !c.strong && c.keys.length === 1)
      e = entities.find(
        (x) => x.cands.length && x.full.every((f) => f.length === 1) && x.full.some((f) => fold(f[0]) === fold(last)),
      );
    if (
      !e &&
      c.strong &&
      (c.titles.length || c.honorificGender || c.keys.length >= 2 || spoke) &&
      hasPersonalName(c.s, c.chunk)
    ) {
      // a single name with a title, or a strong full name seen only now
      e = entities.find((x) => x.full.some((f) => f.length === 1 && sameSurname(f[0], last)));
      if (!e) entities.push((e = { id: entities.length, cands: [], full: [] }));
      e.full.push(c.keys);
    }
    if (e) join(c, e);
  }
}

/** "Sir Keir", "Dame Judi": a knight is called by the given name, not the surname. */
function knightedGivenName(c: Candidate): boolean {
  return c.keys.length === 1 && /^(sir|dame)$/.test(c.s.tokens[c.chunk.start - 1]?.key ?? '');
}

/**
 * Of several entities with the surname, the one the text already calls by the bare surname (a relative named in
 * full later does not take it over), else the one mentioned most recently before the candidate.
 */
function mostRecent(matches: Entity[], c: Candidate): Entity {
  if (c.keys.length === 1) {
    const called = matches.filter((m) => m.cands.some((x) => x.keys.length === 1 && position(x) < position(c)));
    if (called.length === 1) return called[0];
  }
  let best = -1;
  let e: Entity | undefined;
  for (const m of matches) {
    const p = Math.max(...m.cands.filter((x) => position(x) < position(c)).map(position), -1);
    if (p > best) {
      best = p;
      e = m;
    }
  }
  return e ?? matches[0];
}

/** Single-name entities whose name is a surname of a full-name entity merge into it. */
function mergeSurnameEntities(entities: Entity[], entityOf: Map<Candidate, Entity>): void {
  for (const e of entities) {
    if (e.full.some((f) => f.length >= 2) || !e.cands.length) continue;
    const target = entities.find(
      (x) =>
        x !== e && x.cands.length && x.full.some((f) => f.length >= 2 && sameSurname(f[f.length - 1], e.full[0][0])),
    );
    if (!target) continue;
    for (const c of e.cands) {
      target.cands.push(c);
      entityOf.set(c, target);
    }
    e.cands = [];
  }
}

/**
 * A single capitalised name next to a verb of speech, referred to next by "he" or "she" (not "it"), or named as
 * the speaker right after a quote ("…,” X told parliament) and not called "it" after.
 */
function singleSpeaker(c: { s: AnalyzedSentence; chunk: NameChunk }, sentences: AnalyzedSentence[]): boolean {
  const t = c.s.tokens;
  const speaks =
    SPEECH_VERBS.has(t[c.chunk.end]?.key ?? '') ||
    (SPEECH_VERBS.has(t[c.chunk.start - 1]?.key ?? '') && !t[c.chunk.end]?.cap);
  if (!speaks) return false;
  const afterQuote =
    /^[”"]$/.test(t[c.chunk.start - 1]?.text ?? '') &&
    /^[,?!]$/.test(t[c.chunk.start - 2]?.text ?? '') &&
    SPEECH_VERBS.has(t[c.chunk.end]?.key ?? '');
  const rest = [...t.slice(c.chunk.end), ...(sentences[c.s.index + 1]?.tokens ?? [])].slice(0, 30);
  for (const w of rest) {
    if (/^(he|she|his|her|him)$/.test(w.key)) return true;
    if (/^(it|its|they|their)$/.test(w.key)) return false;
  }
  return afterQuote;
}
