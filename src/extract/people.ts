import type { Token } from '../text/tokens.ts';
import { joinTokens, type AnalyzedSentence, type Chunk, type NameChunk, type TitleChunk } from './chunks.ts';
import type { GazEntry } from './lexicon/gazetteer.ts';
import { HONORIFICS, POSTED_HEADS } from './lexicon/titles.ts';
import { TRAVEL_WORDS } from './lexicon/places.ts';
import { SPEECH_VERBS } from './lexicon/verbs.ts';
import { firstNameGender, isCommonWord } from './lexicon/words.ts';
import { countryByCapital, countryByDemonym, countryByKey, phraseKey } from './lexicon/countries.ts';

const countryOfCity = (name: string) => countryByCapital(phraseKey(name))?.name;

/**
 * People: name spans with evidence that they name a person (a title before, an appositive role, a first name,
 * an honorific), merged into one entity per person (full name + surname-only mentions + spelling variants),
 * with roles as the text gives them and an affiliation from the title's country, demonym or organisation.
 */
export type Gender = 'm' | 'f';

export interface PersonMention {
  s: number;
  /** chunk index in the sentence */
  chunk: number;
  start: number;
  end: number;
  poss: boolean;
  inComplement: boolean;
  form: string;
}

export interface Person {
  id: number;
  name: string;
  aliases: string[];
  roles: string[];
  roleSentences: Record<string, number>;
  affiliation: string | null;
  gender: Gender | null;
  mentions: PersonMention[];
  sentences: number[];
}

export interface PeopleResult {
  people: Person[];
  /** `${sentence}:${chunk}` → person id */
  byChunk: Map<string, number>;
  /** The country whose officials the document reports on most, if one stands out. */
  mainCountry: string | null;
}

interface Candidate {
  s: AnalyzedSentence;
  ci: number;
  chunk: NameChunk;
  keys: string[];
  titles: Array<{ title: TitleChunk; text: string; owner: Owner | null }>;
  strong: boolean;
  honorificGender: Gender | null;
}

type Owner = { kind: 'country'; name: string } | { kind: 'org'; name: string } | { kind: 'person'; cand: Candidate | null; s: number; ci: number };

const PARTICLE_KEYS = new Set(['von', 'van', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'du', 'la', 'le', 'bin', 'ibn', 'al', 'el', 'ter', 'ten', 'zu']);
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our']);
const PRONOUNS: Record<string, Gender | 'p'> = { he: 'm', him: 'm', his: 'm', she: 'f', her: 'f', hers: 'f', they: 'p', them: 'p' };

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
/** Same surname, allowing one letter of transliteration difference in long names (Zelensky / Zelenskyy). */
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

/** The owner right before a title: "Ukraine’s", "Russian", "NATO", "Trump’s", "Moscow’s". */
function ownerBefore(s: AnalyzedSentence, chunkIndex: number, startTok: number): Owner | null {
  let k = chunkIndex - 1;
  let pos = startTok;
  // skip determiners
  while (pos > 0 && DETERMINERS.has(s.tokens[pos - 1].key) && s.tokens[pos - 1].kind === 'word') pos--;
  while (k >= 0 && s.chunks[k].end > pos) k--;
  if (k < 0) return null;
  const c = s.chunks[k];
  if (c.end !== pos) return null;
  return ownerFromChunk(s, k, c);
}
function ownerFromChunk(s: AnalyzedSentence, k: number, c: Chunk): Owner | null {
  if (c.type === 'gaz') return ownerFromEntry(c.entry, s.tokens[c.end - 1].poss);
  if (c.type === 'org') return { kind: 'org', name: c.text };
  if (c.type === 'name' && c.poss) return { kind: 'person', cand: null, s: s.index, ci: k };
  return null;
}
function ownerFromEntry(e: GazEntry, poss: boolean): Owner | null {
  if (e.type === 'country' || e.type === 'demonym') return { kind: 'country', name: e.country.name };
  if (e.type === 'org') return { kind: 'org', name: e.org.polity ?? e.org.name };
  if (e.type === 'place' && poss && e.country) return { kind: 'country', name: e.country.name };
  return null;
}

const isComma = (t: Token | undefined) => !!t && t.kind === 'punct' && t.text === ',';

export function resolvePeople(sentences: AnalyzedSentence[]): PeopleResult {
  const cands: Candidate[] = [];
  const candAt = new Map<string, Candidate>();
  // ---- 1. candidates and their evidence
  for (const s of sentences) {
    const { tokens, chunks } = s;
    chunks.forEach((c, ci) => {
      if (c.type !== 'name' || c.headKind) return;
      // "R.Politik": an initial glued to the next word is a brand, not a person's initial
      for (let k = c.start + 1; k < c.end; k++) if (tokens[k].start === tokens[k - 1].end && /\.$/.test(tokens[k - 1].text)) return;
      let keys = c.keys;
      let lead = 0;
      while (lead < keys.length - 1 && PARTICLE_KEYS.has(keys[lead])) lead++;
      if (lead) keys = keys.slice(lead);
      const cand: Candidate = { s, ci, chunk: c, keys: lead ? [keys.join(' ')] : keys, titles: [], strong: false, honorificGender: null };
      if (lead) cand.keys = [keys[keys.length - 1]];
      const prev = ci > 0 ? chunks[ci - 1] : null;
      // title right before the name
      let title: TitleChunk | null = null;
      if (c.inComplement) {
        const host = chunks.find((h): h is TitleChunk => h.type === 'title' && h.complement?.nameChunk === c);
        title = host?.complement?.title ?? null;
      } else if (prev && prev.type === 'title' && prev.end === c.start && !(tokens[prev.end - 1].poss && !prev.complement)) title = prev;
      // "Trump’s envoys Steve Witkoff and Jared Kushner": a plural title covers the names joined to it
      if (!title && ci >= 2 && tokens[c.start - 1]?.key === 'and' && chunks[ci - 1].type === 'name' && chunks[ci - 1].end === c.start - 1) {
        const pc = candAt.get(`${s.index}:${ci - 1}`);
        const pt = pc?.titles[0];
        if (pt && /s$/.test(pt.title.head) && pt.title.end === chunks[ci - 1].start) {
          cand.titles.push({ ...pt });
          cand.strong = true;
        }
      }
      if (title) {
        if (title.honorific) {
          cand.strong = true;
          const g = HONORIFICS[title.head];
          if (g === 'm' || g === 'f') cand.honorificGender = g;
        } else if (!title.relation) {
          const ti = chunks.indexOf(title);
          cand.titles.push({ title, text: title.text, owner: ti >= 0 ? ownerBefore(s, ti, title.start) : null });
          cand.strong = true;
        }
        // a chain of titles: "Prime Minister and Foreign Minister Sheikh X", "Sovereign Council chairman General X"
        let ti = chunks.indexOf(title);
        for (let n = 0; n < 3 && ti > 0; n++) {
          const x = chunks[ti - 1];
          const cur = chunks[ti] as TitleChunk;
          if (x.type !== 'title' || x.honorific || x.relation || tokens[x.end - 1].poss) break;
          if (!(x.end === cur.start || (x.end === cur.start - 1 && tokens[x.end].key === 'and'))) break;
          cand.titles.push({ title: x, text: x.text, owner: ownerBefore(s, ti - 1, x.start) });
          cand.strong = true;
          ti--;
        }
      }
      // "TITLE, NAME," at the start of a clause
      const before1 = chunks.slice(0, ci).reverse().find((x) => !(x.type === 'name' && x.inComplement));
      let farTitle: TitleChunk | null = null;
      if (!title && !(before1 && before1.type === 'title' && before1.end === c.start - 1) && isComma(tokens[c.start - 1]) && (isComma(tokens[c.end]) || SPEECH_VERBS.has(tokens[c.end]?.key ?? ''))) {
        // "the head of the Dnipropetrovsk regional military administration, Serhiy Lysak, said"
        for (let k = ci - 1; k >= 0; k--) {
          const x = chunks[k];
          if (x.start < c.start - 12) break;
          const between = tokens.slice(x.end, c.start - 1);
          if (between.some((t) => t.kind === 'punct')) break;
          if (x.type === 'title' && !x.honorific && !x.relation && (tokens[x.end]?.key === 'of' || tokens[x.end]?.key === 'for') && (x.start === 0 || DETERMINERS.has(tokens[x.start - 1].key) || tokens[x.start - 1].kind === 'punct' || tokens[x.start - 1].poss)) {
            farTitle = x;
            break;
          }
        }
      }
      if (farTitle) {
        const ti = chunks.indexOf(farTitle);
        let owner = ownerBefore(s, ti, farTitle.start);
        // an organisation or country inside the phrase
        for (let m = ti + 1; m < ci && !owner; m++) {
          const x = chunks[m];
          if (x.type === 'org' || (x.type === 'name' && x.headKind === 'org')) owner = { kind: 'org', name: x.text };
          else if (x.type === 'gaz') owner = ownerFromEntry(x.entry, true);
        }
        cand.titles.push({ title: farTitle, text: joinTokens(tokens, farTitle.start, c.start - 1), owner });
        cand.strong = true;
      } else if (!title && before1 && before1.type === 'title' && !before1.honorific && before1.end === c.start - 1 && isComma(tokens[c.start - 1]) && (isComma(tokens[c.end]) || !tokens[c.end])) {
        const prevT = before1;
        const ti = chunks.indexOf(prevT);
        const owner = ownerBefore(s, ti, prevT.start);
        let pos = prevT.start;
        while (pos > 0 && DETERMINERS.has(tokens[pos - 1].key)) pos--;
        if (owner && owner.kind !== 'person') {
          const oc = chunks.find((x) => x.end === pos);
          if (oc) pos = oc.start;
        }
        cand.titles.push({ title: prevT, text: prevT.text, owner });
        cand.strong = true;
      }
      // "NAME, (the) (OWNER) TITLE ..." or "NAME — the EU’s top diplomat — said"
      if (isComma(tokens[c.end]) || (tokens[c.end]?.kind === 'punct' && /^[—–]$/.test(tokens[c.end].text))) {
        let pos = c.end + 1;
        let demonymOwner: Owner | null = null;
        // "X, who served as the top Russia adviser", "X, who is the bloc's foreign policy chief"
        if (tokens[pos]?.key === 'who') {
          let q = pos + 1;
          if (/^(has|had|have)$/.test(tokens[q]?.key ?? '') && tokens[q + 1]?.key === 'been') q += 2;
          else if (/^(served|serves|serving|worked|works)$/.test(tokens[q]?.key ?? '') && tokens[q + 1]?.key === 'as') q += 2;
          else if (/^(is|was|became|becomes)$/.test(tokens[q]?.key ?? '')) q += 1;
          if (q > pos + 1) pos = q;
        }
        while (pos < tokens.length && DETERMINERS.has(tokens[pos].key)) pos++;
        while (pos < tokens.length && /^(top|senior|chief|former|longtime|leading|special)$/.test(tokens[pos].key) && tokens[pos + 1]?.cap) pos++;
        // "the top Russia adviser": a place or country inside the title's modifiers
        if (chunks.some((x) => x.start === pos && x.type === 'gaz' && x.entry.type !== 'org') && !tokens[pos].poss) {
          const x = chunks.find((y) => y.start === pos)!;
          const after = chunks.find((y) => y.start === x.end && y.type === 'title');
          if (after && !tokens[x.end - 1].poss) {
            pos = x.end;
            // "the British prime minister": a demonym is whose office it is ("the top Russia adviser": a country is the brief)
            if (x.type === 'gaz' && x.entry.type === 'demonym') demonymOwner = { kind: 'country', name: x.entry.country.name };
          }
        }
        let k = ci + 1;
        while (k < chunks.length && chunks[k].start < pos) k++;
        let owner: Owner | null = null;
        let ownerStart = -1;
        if (k < chunks.length && chunks[k].start === pos && chunks[k].type !== 'title') {
          owner = ownerFromChunk(s, k, chunks[k]);
          if (owner && (chunks[k].type !== 'name' || tokens[chunks[k].end - 1].poss)) {
            ownerStart = pos;
            pos = chunks[k].end;
            k++;
          } else owner = null;
        }
        if (!owner && demonymOwner) owner = demonymOwner;
        const t = chunks[k];
        let tEnd = t && t.type === 'title' ? t.end : 0;
        while (tEnd < tokens.length && tEnd - pos < 10 && !(tokens[tEnd].kind === 'punct' && /[,;:()—–“”"]/.test(tokens[tEnd].text))) tEnd++;
        const nextName = isComma(tokens[tEnd]) && chunks.find((x) => x.start === tEnd + 1 && x.type === 'name' && !x.headKind);
        if (t && t.type === 'title' && t.start === pos && !t.honorific && !(tokens[t.end - 1].poss && !t.complement) && !nextName) {
          // the role runs to the end of the appositive (a comma, a sentence end) if that is near
          let end = t.end;
          while (end < tokens.length && end - t.start < 10 && !(tokens[end].kind === 'punct' && /[,;:()—–“”"]/.test(tokens[end].text))) end++;
          const appositiveEnd = end < tokens.length && end - t.start < 10 ? end : t.end;
          const text = joinTokens(tokens, t.start, appositiveEnd);
          // a country or organisation inside the appositive ("head of Ukraine’s presidential office")
          if (!owner) {
            for (let m = k + 1; m < chunks.length && chunks[m].start < appositiveEnd; m++) {
              const x = chunks[m];
              if ((x.type === 'org' || (x.type === 'name' && x.headKind === 'org')) && !owner) {
                owner = { kind: 'org', name: x.text };
                break;
              }
              if (x.type === 'gaz' && !(t.complement?.prep === 'to' && POSTED_HEADS.has(t.head))) {
                const o = ownerFromEntry(x.entry, true);
                if (o) {
                  owner = o;
                  break;
                }
              }
            }
          }
          if (!t.relation || (owner && owner.kind === 'person') || t.complement) {
            cand.titles.push({ title: t, text, owner });
            cand.strong = true;
          }
          void ownerStart;
        }
      }
      // relation after a possessive person: "Trump’s son-in-law, Jared Kushner" is rare; "Kushner, Trump’s son-in-law" handled above
      const g = firstNameGender(tokens[c.start].text);
      if (!lead && c.keys.length >= 2 && g && !isCommonWord(tokens[c.end - 1].text)) cand.strong = true;
      const nextTok = tokens[c.end];
      const prevTok = tokens[c.start - 1];
      const placeBefore = !!prevTok && /^(in|at|near|from|to|into|outside|on)$/.test(prevTok.key);
      // a first name and a surname that is also a word ("Fiona Hill"), next to a verb of speech or an appositive
      if (!cand.strong && !lead && c.keys.length >= 2 && g && !s.headline && !placeBefore && ((nextTok && SPEECH_VERBS.has(nextTok.key)) || (prevTok && SPEECH_VERBS.has(prevTok.key)) || (isComma(nextTok) && /^(who|whose|a|an|the)$/.test(tokens[c.end + 1]?.key ?? '')))) cand.strong = true;
      // two or more capitalised words, none of them an English word, not in a headline
      if (!cand.strong && !lead && c.keys.length >= 2 && !s.headline && c.keys.every((_, n) => !isCommonWord(tokens[c.start + n].text))) {
        if ((nextTok && SPEECH_VERBS.has(nextTok.key)) || (prevTok && SPEECH_VERBS.has(prevTok.key)) || (isComma(nextTok) && !placeBefore) || c.poss) cand.strong = true;
      }
      cands.push(cand);
      candAt.set(`${s.index}:${ci}`, cand);
    });
  }
  // "the national security advisers of Britain, France and Germany — A, B and C —": a plural title and its list of names
  for (const s of sentences) {
    const { tokens, chunks } = s;
    chunks.forEach((t) => {
      if (t.type !== 'title' || !/s$/.test(t.head) || t.honorific || t.relation) return;
      let d = t.end;
      const countries: string[] = [];
      while (d < tokens.length && d < t.end + 12 && !(tokens[d].kind === 'punct' && /[—–:]/.test(tokens[d].text))) {
        const x = chunks.find((y) => y.start === d && y.type === 'gaz');
        if (x && x.type === 'gaz' && x.entry.type === 'country') countries.push(x.entry.country.name);
        if (tokens[d].kind === 'punct' && tokens[d].text === '.') return;
        d++;
      }
      if (d >= tokens.length || !(tokens[d].kind === 'punct' && /[—–:]/.test(tokens[d].text))) return;
      const listed: Candidate[] = [];
      for (let k = d + 1; k < tokens.length; ) {
        const ci = chunks.findIndex((y) => y.start === k && y.type === 'name');
        const cand = ci >= 0 ? candAt.get(`${s.index}:${ci}`) : undefined;
        if (!cand) break;
        listed.push(cand);
        k = chunks[ci].end;
        if (tokens[k] && (isComma(tokens[k]) || tokens[k].key === 'and')) k++;
        if (tokens[k]?.key === 'and') k++;
      }
      if (listed.length < 2) return;
      const text = t.text.replace(/(\p{L})s(?=$|\s+(?:of|to|for)\b)/u, '$1');
      listed.forEach((cand, n) => {
        if (cand.titles.length) return;
        const owner: Owner | null = countries.length === listed.length ? { kind: 'country', name: countries[n] } : null;
        cand.titles.push({ title: { ...t, complement: undefined }, text: text.replace(/\s+(?:of|for)\s.*$/, ''), owner });
        cand.strong = true;
      });
    });
  }
  // resolve person owners of titles to their candidates
  for (const c of cands) for (const t of c.titles) if (t.owner?.kind === 'person') t.owner.cand = candAt.get(`${t.owner.s}:${t.owner.ci}`) ?? null;

  // ---- 2. entities from full names
  interface Entity {
    id: number;
    cands: Candidate[];
    full: string[][];
  }
  const entities: Entity[] = [];
  const entityOf = new Map<Candidate, Entity>();
  const matchFull = (keys: string[]): Entity | undefined =>
    entities.find((e) => e.full.some((f) => sameSurname(f[f.length - 1], keys[keys.length - 1]) && (f.length === 1 || keys.length === 1 || sameGiven(f[0], keys[0]))));
  for (const c of cands) {
    if (!c.strong || c.keys.length < 2) continue;
    let e = matchFull(c.keys);
    if (!e) entities.push((e = { id: entities.length, cands: [], full: [] }));
    e.cands.push(c);
    e.full.push(c.keys);
    entityOf.set(c, e);
  }
  // "Sheikh Mohammed", "Prince Faisal": a royal or religious title with a given name names the full-name person
  // "Lula": a single word that is an inner part of exactly one full name ("Luiz Inácio Lula da Silva")
  // "X, known as Hemedti": a nickname
  for (const c of cands) {
    if (entityOf.has(c) || c.keys.length !== 1) continue;
    const k0 = c.keys[0];
    const prevChunk = c.ci > 0 ? c.s.chunks[c.ci - 1] : null;
    const royal = !!prevChunk && prevChunk.type === 'title' && prevChunk.end === c.chunk.start && /^(sheikh|prince|princess|king|queen|emir|sultan|crown prince)$/.test(prevChunk.head);
    let hits = entities.filter((e) => e.cands.length && e.full.some((f) => f.length >= 2 && (royal ? sameGiven(f[0], k0) : f.length >= 3 && k0.length >= 4 && f.slice(1, -1).some((w) => fold(w) === fold(k0)))));
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
    if (hits.length !== 1) continue;
    hits[0].cands.push(c);
    entityOf.set(c, hits[0]);
  }
  // ---- 3. single words and weak spans link to a surname (or make a titled single-name person)
  const position = (c: Candidate) => c.s.index * 10000 + c.chunk.start;
  for (const c of cands) {
    if (entityOf.has(c)) continue;
    const last = c.keys[c.keys.length - 1];
    const matches = entities.filter((e) => e.full.some((f) => f.length >= 2 && sameSurname(f[f.length - 1], last) && (c.keys.length === 1 || sameGiven(f[0], c.keys[0]))));
    let e: Entity | undefined;
    if (matches.length === 1) e = matches[0];
    else if (matches.length > 1) {
      // the one mentioned most recently before
      let best = -1;
      for (const m of matches) {
        const p = Math.max(...m.cands.filter((x) => position(x) < position(c)).map(position), -1);
        if (p > best) {
          best = p;
          e = m;
        }
      }
      e ??= matches[0];
    }
    // "Lula said …; he …": a single name that speaks and is then called he or she
    let spoke = false;
    if (!e && !c.strong && c.keys.length === 1 && /^\p{Lu}\p{Ll}{2,}/u.test(c.chunk.text) && !c.chunk.poss && !c.s.headline && !c.s.bare && !isCommonWord(c.s.tokens[c.chunk.start].text) && singleSpeaker(c, sentences)) {
      c.strong = spoke = true;
    }
    // a later mention of a single-name person already found ("Lula told reporters")
    if (!e && !c.strong && c.keys.length === 1) e = entities.find((x) => x.cands.length && x.full.every((f) => f.length === 1) && x.full.some((f) => fold(f[0]) === fold(last)));
    if (!e && c.strong && (c.titles.length || c.honorificGender || c.keys.length >= 2 || spoke)) {
      // a single name with a title, or a strong full name seen only now
      e = entities.find((x) => x.full.some((f) => f.length === 1 && sameSurname(f[0], last)));
      if (!e) entities.push((e = { id: entities.length, cands: [], full: [] }));
      e.full.push(c.keys);
    }
    if (!e) continue;
    e.cands.push(c);
    entityOf.set(c, e);
  }
  // single-name entities whose name is a surname of a full-name entity merge into it
  for (const e of entities) {
    if (e.full.some((f) => f.length >= 2) || !e.cands.length) continue;
    const target = entities.find((x) => x !== e && x.cands.length && x.full.some((f) => f.length >= 2 && sameSurname(f[f.length - 1], e.full[0][0])));
    if (target) {
      for (const c of e.cands) {
        target.cands.push(c);
        entityOf.set(c, target);
      }
      e.cands = [];
    }
  }

  // ---- 4. build people
  const byChunk = new Map<string, number>();
  const people: Person[] = [];
  const pending: Array<{ person: Person; owner: Candidate; how: 'relation' | 'serves' }> = [];
  const foreignTo = new Map<Person, Set<string>>();
  const entityPerson = new Map<Entity, Person>();
  for (const e of entities) {
    if (!e.cands.length) continue;
    e.cands.sort((a, b) => position(a) - position(b));
    const forms = new Map<string, number>();
    for (const c of e.cands) forms.set(c.chunk.text, (forms.get(c.chunk.text) ?? 0) + 1);
    const multi = [...forms].filter(([f]) => f.includes(' ') || /\p{Ll}-\p{Lu}/u.test(f));
    const name = (multi.length ? multi : [...forms]).sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0][0];
    const full = e.full.find((f) => f.length >= 2) ?? e.full[0];
    const nameTokens = name.split(/\s+/);
    // surname with its particles: "von der Leyen", "bin Salman"
    let si = nameTokens.length - 1;
    while (si > 1 && /^(von|van|der|den|de|del|della|di|da|du|la|le|dos|das|bin|ibn|al|el|ter|ten|zu)$/i.test(nameTokens[si - 1])) si--;
    const surname = nameTokens.slice(si).join(' ').replace(/^(Jr\.?|Sr\.?)$/, '');
    const aliases = new Set<string>();
    for (const f of forms.keys()) if (f !== name) aliases.add(f);
    if (nameTokens.length > 1 && surname) aliases.add(surname);
    void full;
    const person: Person = { id: people.length, name, aliases: [...aliases], roles: [], roleSentences: {}, affiliation: null, gender: null, mentions: [], sentences: [] };
    entityPerson.set(e, person);
    let votes = { m: 0, f: 0 };
    const affs = new Map<string, number>();
    for (const c of e.cands) {
      person.mentions.push({ s: c.s.index, chunk: c.ci, start: c.chunk.start, end: c.chunk.end, poss: c.chunk.poss, inComplement: c.chunk.inComplement, form: c.chunk.text });
      if (!person.sentences.includes(c.s.index)) person.sentences.push(c.s.index);
      byChunk.set(`${c.s.index}:${c.ci}`, person.id);
      if (c.honorificGender) votes[c.honorificGender] += 3;
      for (const t of c.titles) {
        const role = expandAbbreviations(t.text.replace(/,$/, ''));
        if (!person.roles.some((r) => r.toLowerCase() === role.toLowerCase())) {
          person.roles.push(role);
          person.roleSentences[role] = c.s.index;
        }
        const ow = t.owner;
        if (ow && (ow.kind === 'country' || ow.kind === 'org')) affs.set(ow.name, (affs.get(ow.name) ?? 0) + 2);
        else if (ow?.kind === 'person' && ow.cand) pending.push({ person, owner: ow.cand, how: 'relation' });
        const comp = t.title.complement;
        if (comp?.entry && comp.prep !== 'to') {
          const o = ownerFromEntry(comp.entry, true);
          // "secretary of Ukraine’s National Security and Defense Council": the country named in the title wins over the body
          if (o && o.kind !== 'person') affs.set(o.name, (affs.get(o.name) ?? 0) + (o.kind === 'country' ? 3 : 2));
        }
        if (comp?.nameChunk) {
          const host = candAt.get(`${c.s.index}:${c.s.chunks.indexOf(comp.nameChunk)}`);
          if (host) pending.push({ person, owner: host, how: 'serves' });
        }
      }
    }
    // gender: first names, then pronouns right after the person's mentions
    const g = firstNameGender(nameTokens[0]);
    if (g === 'm' || g === 'f') votes[g] += 2;
    for (const c of e.cands) {
      for (const s2 of [c.s, sentences[c.s.index + 1]]) {
        if (!s2) continue;
        const from = s2 === c.s ? c.chunk.end : 0;
        for (let k = from; k < s2.tokens.length && k < from + 25; k++) {
          const p = PRONOUNS[s2.tokens[k].key];
          if (p === 'm' || p === 'f') {
            votes[p]++;
            break;
          }
        }
      }
    }
    person.gender = votes.m > votes.f ? 'm' : votes.f > votes.m ? 'f' : null;
    // "Sen. Lindsey Graham, R-S.C.," / "(D-N.Y.)": a U.S. party-and-state tag
    for (const c of e.cands) {
      const t = c.s.tokens;
      const k = c.chunk.end + (t[c.chunk.end]?.text === ',' || t[c.chunk.end]?.text === '(' ? 1 : 0);
      if (k > c.chunk.end && /^[RDI]$/.test(t[k]?.text ?? '') && t[k + 1]?.text === '-' && t[k + 2]?.cap) affs.set('United States', (affs.get('United States') ?? 0) + 3);
    }
    if (affs.size) person.affiliation = [...affs].sort((a, b) => b[1] - a[1])[0][0];
    // "the Omani Foreign Ministry", "Russia’s Defense Ministry": a country's own government body stands for the country
    if (person.affiliation) {
      const m = /^(\S+?)(?:’s|'s)?\s.*\b(?:ministry|government|cabinet|presidency|army|navy|parliament|embassy|forces|military)$/i.exec(person.affiliation);
      const k = m ? phraseKey(m[1]) : '';
      const c = k ? countryByDemonym(k) ?? countryByKey(k) : undefined;
      if (c) person.affiliation = c.name;
    }
    people.push(person);
  }
  // "the French president", "The Ukrainian president told reporters": a definite description names a person
  // already in the text; it gives them their role when the text has given none
  describeReferents(sentences, people, byChunk);
  // where a person travels: "X visiting the United States", "X traveling to Russia"
  for (const p of people) {
    const set = new Set<string>();
    for (const m of p.mentions) {
      const s = sentences[m.s];
      for (let k = m.end; k < s.tokens.length && k < m.end + 5; k++) {
        if (!TRAVEL_WORDS.has(s.tokens[k].key)) continue;
        for (let q = k + 1; q < s.tokens.length && q < k + 5; q++) {
          const ci = s.chunkAt[q];
          const ch = ci >= 0 ? s.chunks[ci] : null;
          if (ch && ch.type === 'gaz' && ch.entry.type === 'country') set.add(ch.entry.country.name);
        }
        break;
      }
    }
    foreignTo.set(p, set);
  }
  const personOfCand = (c: Candidate) => {
    const e = entityOf.get(c);
    return e ? entityPerson.get(e) : undefined;
  };
  const resolvePending = () => {
    for (const { person, owner, how } of pending) {
      if (person.affiliation) continue;
      const o = personOfCand(owner);
      if (o && o !== person && o.affiliation) person.affiliation = o.affiliation;
      if (how === 'relation' && o) {
        // keep the relation's role readable: "Trump’s son-in-law"
      }
    }
  };
  resolvePending();
  // ---- 5. the document's main country: whose officials it reports on
  // "In London, Prime Minister X’s spokesman said": a sentence set in a capital speaks of that country's officials
  const FALLBACK_HEADS = /\b(?:president|prime minister|premier|chancellor|minister|secretary|senator|representative|congressman|congresswoman|governor|ambassador|envoy|spokesman|spokeswoman|spokesperson)\b/i;
  for (const p of people) {
    if (p.affiliation || !p.roles.some((r) => FALLBACK_HEADS.test(r))) continue;
    for (const m of p.mentions) {
      const s = sentences[m.s];
      const first = s.chunks[0];
      if (first && first.type === 'gaz' && first.entry.type === 'place' && first.entry.country && s.tokens[first.start - 1]?.key === 'in' && s.tokens[first.end]?.text === ',') {
        p.affiliation = first.entry.country.name;
        break;
      }
    }
  }
  const dateline = sentences.find((s) => s.dateline);
  let datelineCountry: string | null = null;
  if (dateline) {
    const key = dateline.dateline!.name.toLowerCase();
    // "KYIV, Ukraine (AP) —": only a country right after the dateline's city
    const ds = sentences[dateline.index];
    const e = ds.chunks.find((c) => c.type === 'gaz' && c.entry.type === 'country' && ds.tokens[c.start].start <= dateline.dateline!.end + 3);
    datelineCountry = e && e.type === 'gaz' && e.entry.type === 'country' ? e.entry.country.name : (countryOfCity(key) ?? null);
  }
  // "The Kremlin dismissed the vote. Spokesman Dmitry Peskov said …": an institution leading the sentence before
  for (const p of people) {
    if (p.affiliation || !p.roles.some((r) => FALLBACK_HEADS.test(r)) || !p.mentions.length) continue;
    // "The Kremlin said …, according to spokesman Dmitry Peskov": the institution leading the same sentence, or the one before
    for (const si of [p.mentions[0].s, p.mentions[0].s - 1]) {
      const prev = sentences[si];
      const first = prev?.chunks[0];
      if (first && first.type === 'gaz' && first.entry.type === 'org' && first.entry.org.polity && (first.start === 0 || (first.start === 1 && prev.tokens[0].key === 'the'))) {
        p.affiliation = first.entry.org.polity;
        break;
      }
    }
  }
  // a dateline's country stands for the document's officials only when the text itself names that country
  // ("BRUSSELS —" over a story about France, Poland and Italy says nothing about Belgium)
  if (datelineCountry && !countryCounts(sentences).get(datelineCountry)) datelineCountry = null;
  const found = findMainCountry(sentences);
  const mainCountry = found ?? datelineCountry;
  if (mainCountry) {
    const counts = countryCounts(sentences);
    const waiting = new Set(pending.map((x) => x.person));
    for (const p of people) {
      if (p.affiliation || waiting.has(p)) continue;
      const gov = p.roles.some((r) => FALLBACK_HEADS.test(r)) && p.roles.every((r) => !/\b(?:general|commander|colonel|admiral)\b/i.test(r));
      if (!gov) continue;
      const away = foreignTo.get(p) ?? new Set();
      if (!away.has(mainCountry)) p.affiliation = mainCountry;
      else {
        const others = [...counts].filter(([c]) => c !== mainCountry && !away.has(c)).sort((a, b) => b[1] - a[1]);
        if (others.length && (others.length === 1 || others[0][1] >= 1.5 * others[1][1])) p.affiliation = others[0][0];
      }
    }
    resolvePending();
    // a person whose affiliation hung on someone else's and still has none
    for (const p of people) if (!p.affiliation && waiting.has(p) && p.roles.some((r) => /\b(?:president|minister|secretary|senator|ambassador|envoy)\b/i.test(r))) p.affiliation = null;
  }
  return { people, byChunk, mainCountry };
}

const ABBREVIATIONS: Record<string, string> = { sen: 'Senator', rep: 'Representative', gov: 'Governor', gen: 'General', lt: 'Lieutenant', maj: 'Major', col: 'Colonel', adm: 'Admiral', capt: 'Captain', amb: 'Ambassador', pres: 'President', sec: 'Secretary', sgt: 'Sergeant', prof: 'Professor' };
/** "Sen." → "Senator", "Lt. Gen." → "Lieutenant General". */
export function expandAbbreviations(role: string): string {
  return role.replace(/\b(\p{L}+)\.(?=\s|$)/gu, (m, w: string) => ABBREVIATIONS[w.toLowerCase()] ?? m);
}

/** How often each country is named (names and demonyms). */
function countryCounts(sentences: AnalyzedSentence[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const s of sentences) for (const c of s.chunks) if (c.type === 'gaz' && (c.entry.type === 'country' || c.entry.type === 'demonym')) m.set(c.entry.country.name, (m.get(c.entry.country.name) ?? 0) + 1);
  return m;
}

const MAIN_GROUPS = new Set(['official', 'officials', 'lawmakers', 'lawmaker', 'senators', 'legislators', 'administration', 'government', 'authorities']);
/** The country named most often right before "officials", "lawmakers", "administration" — if it stands out. */
function findMainCountry(sentences: AnalyzedSentence[]): string | null {
  const m = new Map<string, number>();
  for (const s of sentences) {
    for (const c of s.chunks) {
      if (c.type !== 'gaz' || (c.entry.type !== 'country' && c.entry.type !== 'demonym')) continue;
      let k = c.end;
      for (let steps = 0; steps < 4 && k < s.tokens.length; steps++) {
        if (/^(senior|top|other|two|three|several|some|many|and|both)$/.test(s.tokens[k].key)) k++;
        else {
          // "U.S. and Ukrainian officials": the next country shares the noun
          const ci = s.chunkAt[k];
          const n = ci >= 0 ? s.chunks[ci] : null;
          if (n && n.type === 'gaz' && (n.entry.type === 'country' || n.entry.type === 'demonym') && s.tokens[k - 1]?.key === 'and') k = n.end;
          else break;
        }
      }
      const t = s.tokens[k];
      if (t && MAIN_GROUPS.has(t.key)) m.set(c.entry.country.name, (m.get(c.entry.country.name) ?? 0) + 1);
    }
  }
  const ranked = [...m].sort((a, b) => b[1] - a[1]);
  if (!ranked.length || ranked[0][1] < 2) return null;
  if (ranked.length > 1 && ranked[0][1] < 1.5 * ranked[1][1]) return null;
  return ranked[0][0];
}

const ANAPHOR_HEADS = new Set(['president', 'vice president', 'prime minister', 'premier', 'chancellor', 'foreign minister', 'defence minister', 'defense minister', 'secretary of state', 'secretary general', 'envoy', 'aide', 'spokesman', 'spokeswoman', 'ambassador', 'senator', 'speaker', 'governor', 'king', 'emir', 'crown prince', 'foreign policy chief', 'negotiator', 'foreign secretary']);
const PREPS = new Set(['with', 'to', 'by', 'from', 'of', 'for', 'at', 'against', 'on', 'about', 'between', 'after', 'before', 'than', 'like', 'including', 'and']);

/** The person a sentence is about: the first mention that is not a possessive, a complement or after a preposition. */
export function subjectMention(s: AnalyzedSentence, byChunk: Map<string, number>, people: Person[], before = Infinity): Person | null {
  for (let ci = 0; ci < s.chunks.length; ci++) {
    const c = s.chunks[ci];
    if (c.start >= before) break;
    if (c.type !== 'name') continue;
    const id = byChunk.get(`${s.index}:${ci}`);
    if (id === undefined || c.poss || c.inComplement) continue;
    let k = c.start - 1;
    // walk back over the title, owner and determiners in front of the name
    while (k >= 0) {
      const x = s.chunkAt[k] >= 0 ? s.chunks[s.chunkAt[k]] : null;
      if (x && (x.type === 'title' || x.type === 'gaz' || x.type === 'org')) k = x.start - 1;
      else if (DETERMINERS.has(s.tokens[k].key)) k--;
      else break;
    }
    if (k >= 0 && PREPS.has(s.tokens[k].key)) continue;
    return people[id];
  }
  return null;
}

function describeReferents(sentences: AnalyzedSentence[], people: Person[], byChunk: Map<string, number>): void {
  const lastMentionBefore = (si: number, tok: number): Person | null => {
    const s = sentences[si];
    let best: Person | null = null;
    s.chunks.forEach((c, ci) => {
      if (c.type !== 'name' || c.end > tok) return;
      const id = byChunk.get(`${si}:${ci}`);
      if (id !== undefined && !c.inComplement) best = people[id];
    });
    return best;
  };
  for (const s of sentences) {
    const { tokens, chunks } = s;
    chunks.forEach((t, ci) => {
      if (t.type !== 'title' || t.honorific || t.relation || !ANAPHOR_HEADS.has(t.head) || t.complement) return;
      const next = chunks[ci + 1];
      if (next && next.type === 'name' && (next.start === t.end || (next.start === t.end + 1 && isComma(tokens[t.end])))) return;
      // the description: "the (OWNER) TITLE"
      let p0 = t.start;
      let owner: string | null = null;
      const prev = chunks[ci - 1];
      if (prev && prev.end === t.start && prev.type === 'gaz' && (prev.entry.type === 'country' || prev.entry.type === 'demonym')) {
        owner = prev.entry.country.name;
        p0 = prev.start;
      }
      while (p0 > 0 && tokens[p0 - 1].kind === 'word' && /^(former|current|then|new|incoming|outgoing)$/.test(tokens[p0 - 1].key)) p0--;
      if (tokens[p0 - 1]?.key !== 'the') return;
      // an appositive to a name ("X, the French president") is read elsewhere
      if (isComma(tokens[p0 - 2]) && s.chunkAt[p0 - 3] >= 0 && s.chunks[s.chunkAt[p0 - 3]].type === 'name') return;
      let ref: Person | null = null;
      if (owner) {
        const same = people.filter((p) => p.affiliation === owner);
        if (same.length === 1) ref = same[0];
      }
      if (!ref) {
        const inSentence = lastMentionBefore(s.index, p0);
        if (inSentence) ref = tokens[t.end - 1].poss ? inSentence : null;
        else
          for (let b = s.index - 1; b >= 0 && b >= s.index - 2 && !ref; b--) {
            ref = subjectMention(sentences[b], byChunk, people);
            if (sentences[b].chunks.some((c, k) => c.type === 'name' && byChunk.has(`${b}:${k}`))) break;
          }
      }
      if (!ref || ref.roles.length) return;
      if (owner && ref.affiliation && ref.affiliation !== owner) return;
      const role = joinTokens(tokens, prev && owner ? prev.start : t.start, t.end);
      ref.roles.push(role);
      ref.roleSentences[role] = s.index;
      if (owner && !ref.affiliation) ref.affiliation = owner;
    });
  }
}

/** A single capitalised name next to a verb of speech, referred to next by "he" or "she" (not "it"). */
function singleSpeaker(c: { s: AnalyzedSentence; chunk: NameChunk }, sentences: AnalyzedSentence[]): boolean {
  const t = c.s.tokens;
  const speaks = SPEECH_VERBS.has(t[c.chunk.end]?.key ?? '') || (SPEECH_VERBS.has(t[c.chunk.start - 1]?.key ?? '') && !t[c.chunk.end]?.cap);
  if (!speaks) return false;
  const rest = [...t.slice(c.chunk.end), ...(sentences[c.s.index + 1]?.tokens ?? [])].slice(0, 30);
  for (const w of rest) {
    if (/^(he|she|his|her|him)$/.test(w.key)) return true;
    if (/^(it|its|they|their)$/.test(w.key)) return false;
  }
  return false;
}
