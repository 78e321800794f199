import type { Token } from '../../text/tokens.ts';
import { joinTokens, type AnalyzedSentence, type Chunk, type NameChunk, type TitleChunk } from '../chunks.ts';
import { countryByKey, phraseKey } from '../lexicon/countries.ts';
import type { GazEntry } from '../lexicon/gazetteer.ts';
import { BASED_WORD, SHIP_PREFIXES } from '../lexicon/organizations.ts';
import { CORPORATE_HEADS, HONORIFICS, POSTED_HEADS } from '../lexicon/titles.ts';
import { SPEECH_VERBS } from '../lexicon/verbs.ts';
import { firstNameGender, isCommonWord, isFirstName, isKnownSurname, isMonth, isPersonWord } from '../lexicon/words.ts';
import { hasPersonalName } from './personal-name.ts';
import { DETERMINERS, type Candidate, type Owner } from './types.ts';

/**
 * Stage 1 of the people stage: every name span that may name a person, with its evidence — a title before it
 * ("Secretary of State X"), a clause-initial title ("the head of …, X, said"), an appositive role
 * ("X, the bloc’s foreign policy chief"), a first name, a verb of speech.
 */
const PARTICLE_KEYS = new Set([
  'von',
  'van',
  'der',
  'den',
  'de',
  'del',
  'della',
  'di',
  'da',
  'du',
  'la',
  'le',
  'bin',
  'ibn',
  'al',
  'el',
  'ter',
  'ten',
  'zu',
]);

const RELATIVES = new Set(['who', 'whom', 'whose', 'which', 'that']);

export const isComma = (t: Token | undefined) => !!t && t.kind === 'punct' && t.text === ',';

/** The owner right before a title: "Norway’s", "Russian", "NATO", "Marek’s", "Moscow’s". */
function ownerBefore(s: AnalyzedSentence, chunkIndex: number, startTok: number): Owner | null {
  let k = chunkIndex - 1;
  let pos = startTok;
  // skip determiners
  while (pos > 0 && DETERMINERS.has(s.tokens[pos - 1].key) && s.tokens[pos - 1].kind === 'word') pos--;
  while (k >= 0 && s.chunks[k].end > pos) k--;
  if (k < 0) return null;
  const c = s.chunks[k];
  if (c.end !== pos) return null;
  const title = s.chunks[chunkIndex];
  // "Orland Steel CEO", "Acme Corporation chairman": a company's name before a company's office
  if (
    c.type === 'name' &&
    c.headKind === 'org' &&
    !c.poss &&
    title?.type === 'title' &&
    CORPORATE_HEADS.has(title.head)
  )
    return { kind: 'org', name: c.text };
  // "Acme CEO Jane Roe": a name (of no person) right before a company's office is the company
  if (
    c.type === 'name' &&
    !c.poss &&
    !c.headKind &&
    title?.type === 'title' &&
    pos === startTok &&
    isCompanyName(s, c, title)
  )
    return { kind: 'org', name: c.text };
  return ownerFromChunk(s, k, c);
}

/** A name of no English word and no given name before a company's office ("Acme CEO"). */
export function isCompanyName(s: AnalyzedSentence, c: NameChunk, title: TitleChunk): boolean {
  if (!CORPORATE_HEADS.has(title.head) || title.start !== c.end) return false;
  return s.tokens.slice(c.start, c.end).every((w) => !isCommonWord(w.text) && !isFirstName(w.text));
}
function ownerFromChunk(s: AnalyzedSentence, k: number, c: Chunk): Owner | null {
  if (c.type === 'gaz') return ownerFromEntry(c.entry, s.tokens[c.end - 1].poss);
  if (c.type === 'org') return { kind: 'org', name: c.text };
  if (c.type === 'name' && c.poss) return { kind: 'person', cand: null, s: s.index, ci: k };
  return null;
}
export function ownerFromEntry(e: GazEntry, poss: boolean): Owner | null {
  if (e.type === 'country' || e.type === 'demonym') return { kind: 'country', name: e.country.name };
  // a national institution's officials act for the country ("White House"); a union's institution's for the
  // institution itself ("the bloc's Commission"), which is what the union's officials are known by
  if (e.type === 'org') {
    const national = e.org.polity && countryByKey(phraseKey(e.org.polity));
    return { kind: 'org', name: national ? e.org.polity! : e.org.name };
  }
  if (e.type === 'place' && poss && e.country) return { kind: 'country', name: e.country.name };
  return null;
}

/** Every candidate of the document, by `${sentence}:${chunk}` too. */
const GEO_FEATURES =
  /^(?:shoal|reef|island|islands|islet|atoll|bay|strait|straits|gulf|sea|river|lake|mountains|peninsula|desert|canal|cape|ridge|jiao|dao|archipelago|valley|plateau|basin|delta)$/;

export function collectCandidates(sentences: AnalyzedSentence[]): {
  cands: Candidate[];
  candAt: Map<string, Candidate>;
} {
  const cands: Candidate[] = [];
  const candAt = new Map<string, Candidate>();
  for (const s of sentences) {
    s.chunks.forEach((_, ci) => {
      const cand = candidateAt(s, ci, candAt);
      if (!cand) return;
      cands.push(cand);
      candAt.set(`${s.index}:${ci}`, cand);
    });
  }
  pluralTitleLists(sentences, candAt);
  namesUsedBySurname(cands);
  // resolve person owners of titles to their candidates
  for (const c of cands)
    for (const t of c.titles)
      if (t.owner?.kind === 'person') t.owner.cand = candAt.get(`${t.owner.s}:${t.owner.ci}`) ?? null;
  return { cands, candAt };
}

function candidateAt(s: AnalyzedSentence, ci: number, candAt: Map<string, Candidate>): Candidate | null {
  const { tokens, chunks } = s;
  const c = chunks[ci];
  if (c.type !== 'name' || c.headKind) return null;
  // "Second Harlan Shoal", "Mount Ellery", "BRP Aurora": a place's or a ship's name, not a person's
  if (GEO_FEATURES.test(c.keys[c.keys.length - 1]) || SHIP_PREFIXES.test(tokens[c.start - 1]?.text ?? '')) return null;
  // "Massachusetts-based Acme", "Kremlin-backed": a name that opens on where or by whom a body is based or run
  if (BASED_WORD.test(tokens[c.start].text)) return null;
  // "R.Politik": an initial glued to the next word is a brand, not a person's initial
  for (let k = c.start + 1; k < c.end; k++)
    if (tokens[k].start === tokens[k - 1].end && /\.$/.test(tokens[k - 1].text)) return null;
  // "a Facebook post", "an Ipsos poll": a name between an indefinite article and a common noun modifies the noun
  const after = tokens[c.end];
  if (/^(a|an)$/.test(tokens[c.start - 1]?.key ?? '') && after?.kind === 'word' && !after.cap) return null;
  let lead = 0;
  while (lead < c.keys.length - 1 && PARTICLE_KEYS.has(c.keys[lead])) lead++;
  const cand: Candidate = {
    s,
    ci,
    chunk: c,
    keys: lead ? [c.keys[c.keys.length - 1]] : c.keys,
    titles: [],
    strong: false,
    honorificGender: null,
  };
  const title = titleBefore(s, ci, c);
  if (!title) sharePluralTitle(cand, candAt);
  if (title) readTitleBefore(cand, title);
  if (!clauseTitle(cand, title)) clauseInitialTitle(cand, title);
  appositiveTitle(cand);
  if (!lead) nameEvidence(cand);
  return cand;
}

/**
 * The title right before the name ("Secretary of State X"), or the one whose complement holds it ("aide to President
 * X").
 */
function titleBefore(s: AnalyzedSentence, ci: number, c: NameChunk): TitleChunk | null {
  const prev = ci > 0 ? s.chunks[ci - 1] : null;
  if (c.inComplement) {
    const host = s.chunks.find((h): h is TitleChunk => h.type === 'title' && h.complement?.nameChunk === c);
    return host?.complement?.title ?? null;
  }
  if (prev && prev.type === 'title' && prev.end === c.start && !(s.tokens[prev.end - 1].poss && !prev.complement))
    return prev;
  // "Managing Director of the International Monetary Fund (IMF) Ondina Kravets": over the acronym
  const before = ci > 1 ? s.chunks[ci - 2] : null;
  const t = s.tokens;
  if (
    before?.type === 'title' &&
    before.complement &&
    t[before.end]?.text === '(' &&
    t[before.end + 2]?.text === ')' &&
    before.end + 3 === c.start
  )
    return before;
  return null;
}

/** "the president’s envoys Tom Hale and Jon Berg": a plural title covers the names joined to it. */
function sharePluralTitle(cand: Candidate, candAt: Map<string, Candidate>): void {
  const { s, ci } = cand;
  const prev = previousListedName(s, ci);
  if (prev === null) return;
  const pc = candAt.get(`${s.index}:${prev}`);
  // the first name of the list holds the plural title; later ones have it shared
  const pt = pc?.titles.find((t) => /s$/.test(t.title.head) && (t.title.end === s.chunks[prev].start || t.shared));
  if (pt) {
    cand.titles.push({ ...pt, shared: true });
    cand.strong = true;
  }
}

/**
 * The name before this one in a list — "A and B", "A, B", "A of Angola, B of Burundi, and C" — as a chunk index,
 * or null.
 */
function previousListedName(s: AnalyzedSentence, ci: number): number | null {
  const { tokens, chunks } = s;
  let k = chunks[ci].start - 1;
  const joined = tokens[k]?.key === 'and' || isComma(tokens[k]);
  if (tokens[k]?.key === 'and') k--;
  if (isComma(tokens[k])) k--;
  if (!joined) return null;
  let j = ci - 1;
  // "B of Burundi": skip the country a listed name is of
  if (j >= 1 && chunks[j].type === 'gaz' && chunks[j].end === k + 1 && tokens[chunks[j].start - 1]?.key === 'of') {
    k = chunks[j].start - 2;
    j--;
  }
  return j >= 0 && chunks[j].type === 'name' && chunks[j].end === k + 1 ? j : null;
}

/** A title right before the name, and a chain of titles before it ("Prime Minister and Foreign Minister X"). */
function readTitleBefore(cand: Candidate, title: TitleChunk): void {
  const { s } = cand;
  const { tokens, chunks } = s;
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
    // "A, the Army Secretary and Gen. B": a title in an appositive to an earlier name is that name's
    if (appositiveToName(s, x.start)) break;
    const owner = ownerBefore(s, ti - 1, x.start);
    const last = cand.titles[cand.titles.length - 1];
    // "President and CEO X": one role of two offices, when both are a company's
    if (last?.title === cur && x.end < cur.start && CORPORATE_HEADS.has(x.head) && CORPORATE_HEADS.has(cur.head)) {
      cand.titles[cand.titles.length - 1] = {
        title: x,
        text: `${x.text} and ${last.text}`,
        owner: owner ?? last.owner,
      };
    } else cand.titles.push({ title: x, text: x.text, owner });
    cand.strong = true;
    ti--;
  }
}

/** A title starting at token `start` that follows "NAME, (the) (OWNER)". */
function appositiveToName(s: AnalyzedSentence, start: number): boolean {
  let k = start;
  while (k > 0 && DETERMINERS.has(s.tokens[k - 1].key)) k--;
  const owner = k > 0 && s.chunkAt[k - 1] >= 0 ? s.chunks[s.chunkAt[k - 1]] : null;
  if (owner && owner.type === 'gaz') k = owner.start;
  while (k > 0 && DETERMINERS.has(s.tokens[k - 1].key)) k--;
  if (!isComma(s.tokens[k - 1])) return false;
  const before = k > 1 && s.chunkAt[k - 2] >= 0 ? s.chunks[s.chunkAt[k - 2]] : null;
  return !!before && before.type === 'name' && !before.headKind;
}

/**
 * "the head of the Kassala regional military administration, Serhiy Lysak, said": a title of the clause before.
 */
function clauseTitle(cand: Candidate, title: TitleChunk | null): boolean {
  const { s, ci, chunk: c } = cand;
  const { tokens, chunks } = s;
  const before1 = chunks
    .slice(0, ci)
    .reverse()
    .find((x) => !(x.type === 'name' && x.inComplement));
  if (
    title ||
    (before1 && before1.type === 'title' && before1.end === c.start - 1) ||
    !isComma(tokens[c.start - 1]) ||
    !(isComma(tokens[c.end]) || !tokens[c.end] || SPEECH_VERBS.has(tokens[c.end]?.key ?? ''))
  )
    return false;
  let farTitle: TitleChunk | null = null;
  for (let k = ci - 1; k >= 0; k--) {
    const x = chunks[k];
    if (x.start < c.start - 12) break;
    const between = tokens.slice(x.end, c.start - 1);
    if (between.some((t) => t.kind === 'punct')) break;
    if (
      x.type === 'title' &&
      !x.honorific &&
      !x.relation &&
      (tokens[x.end]?.key === 'of' || tokens[x.end]?.key === 'for') &&
      (x.start === 0 ||
        DETERMINERS.has(tokens[x.start - 1].key) ||
        tokens[x.start - 1].kind === 'punct' ||
        tokens[x.start - 1].poss)
    ) {
      farTitle = x;
      break;
    }
  }
  if (!farTitle) return false;
  const ti = chunks.indexOf(farTitle);
  let owner = ownerBefore(s, ti, farTitle.start);
  // an organisation or country inside the phrase
  for (let m = ti + 1; m < ci && !owner; m++) {
    const x = chunks[m];
    if (x.type === 'org' || (x.type === 'name' && x.headKind === 'org')) owner = { kind: 'org', name: x.text };
    else if (x.type === 'gaz') owner = ownerFromEntry(x.entry, true);
  }
  cand.titles.push({
    title: farTitle,
    text: joinTokens(tokens, farTitle.start, c.start - 1),
    owner,
    span: { start: farTitle.start, end: c.start - 1 },
  });
  cand.strong = true;
  return true;
}

/** "The country’s foreign minister, X, said": a title right before the comma. */
function clauseInitialTitle(cand: Candidate, title: TitleChunk | null): void {
  const { s, ci, chunk: c } = cand;
  const { tokens, chunks } = s;
  const before1 = chunks
    .slice(0, ci)
    .reverse()
    .find((x) => !(x.type === 'name' && x.inComplement));
  if (
    title ||
    !before1 ||
    before1.type !== 'title' ||
    before1.honorific ||
    before1.end !== c.start - 1 ||
    !isComma(tokens[c.start - 1]) ||
    !endsAppositiveName(s, before1, c)
  )
    return;
  const ti = chunks.indexOf(before1);
  cand.titles.push({ title: before1, text: before1.text, owner: ownerBefore(s, ti, before1.start) });
  cand.strong = true;
}

/**
 * After "TITLE, NAME": a comma, the sentence's end, a bracket, a verb of speech — or, when the title opens the
 * sentence ("The president of the commission, NAME called …"), any lower-case word.
 */
function endsAppositiveName(s: AnalyzedSentence, title: TitleChunk, c: NameChunk): boolean {
  const next = s.tokens[c.end];
  if (!next || isComma(next) || next.text === '(' || SPEECH_VERBS.has(next.key)) return true;
  let k = title.start;
  while (k > 0 && DETERMINERS.has(s.tokens[k - 1].key)) k--;
  return k === 0 && next.kind === 'word' && !next.cap;
}

/** "NAME, (the) (OWNER) TITLE ..." or "NAME — the EU’s top diplomat — said". */
function appositiveTitle(cand: Candidate): void {
  const { s, ci, chunk: c } = cand;
  const { tokens, chunks } = s;
  if (!(isComma(tokens[c.end]) || (tokens[c.end]?.kind === 'punct' && /^[—–]$/.test(tokens[c.end].text)))) return;
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
  while (
    pos < tokens.length &&
    /^(top|senior|chief|former|longtime|leading|special)$/.test(tokens[pos].key) &&
    tokens[pos + 1]?.cap
  )
    pos++;
  // "X, a striking machinist": one describing word between the article and the title
  const describing = tokens[pos];
  if (
    /^(?:a|an|the)$/.test(tokens[pos - 1]?.key ?? '') &&
    describing?.kind === 'word' &&
    !describing.cap &&
    s.chunkAt[pos] < 0 &&
    chunks.some((y) => y.start === pos + 1 && y.type === 'title' && !y.honorific)
  )
    pos++;
  // "the top Russia adviser": a place or country inside the title's modifiers
  const x = chunks.find((y) => y.start === pos);
  if (
    x &&
    x.type === 'gaz' &&
    x.entry.type !== 'org' &&
    !tokens[pos].poss &&
    !tokens[x.end - 1].poss &&
    chunks.some((y) => y.start === x.end && y.type === 'title')
  ) {
    pos = x.end;
    // "the British prime minister": a demonym is whose office it is ("the top Russia adviser": a country is the brief)
    if (x.entry.type === 'demonym') demonymOwner = { kind: 'country', name: x.entry.country.name };
  }
  let k = ci + 1;
  while (k < chunks.length && chunks[k].start < pos) k++;
  let owner: Owner | null = null;
  if (k < chunks.length && chunks[k].start === pos && chunks[k].type !== 'title') {
    owner = ownerFromChunk(s, k, chunks[k]);
    if (owner && (chunks[k].type !== 'name' || tokens[chunks[k].end - 1].poss)) {
      pos = chunks[k].end;
      k++;
    } else owner = null;
  }
  if (!owner && demonymOwner) owner = demonymOwner;
  appositiveRole(cand, k, pos, owner);
}

/** The role of an appositive whose title chunk is chunks[k] at token pos. */
function appositiveRole(cand: Candidate, k: number, pos: number, owner: Owner | null): void {
  const { tokens, chunks } = cand.s;
  const t = chunks[k];
  if (!t || t.type !== 'title' || t.start !== pos || t.honorific || (tokens[t.end - 1].poss && !t.complement)) return;
  // "A, Special Envoy B, …": a title right before a name is that name's
  if (
    chunks.some(
      (x) => x.type === 'name' && x.start === t.end && !x.headKind && !x.inComplement && hasPersonalName(cand.s, x),
    )
  )
    return;
  let tEnd = t.end;
  while (
    tEnd < tokens.length &&
    tEnd - pos < 10 &&
    !(tokens[tEnd].kind === 'punct' && /[,;:()—–“”"]/.test(tokens[tEnd].text))
  )
    tEnd++;
  if (isComma(tokens[tEnd]) && chunks.some((x) => x.start === tEnd + 1 && x.type === 'name' && !x.headKind)) return;
  // the role runs to the end of the appositive (a comma, a sentence end, a relative clause) if that is near
  let end = t.end;
  while (
    end < tokens.length &&
    end - t.start < 10 &&
    !(tokens[end].kind === 'punct' && /[,;:()—–“”"]/.test(tokens[end].text)) &&
    !RELATIVES.has(tokens[end].key)
  )
    end++;
  const appositiveEnd = end < tokens.length && end - t.start < 10 ? end : t.end;
  const text = joinTokens(tokens, t.start, appositiveEnd);
  // a country or organisation inside the appositive ("head of Norway’s presidential office")
  if (!owner) {
    for (let m = k + 1; m < chunks.length && chunks[m].start < appositiveEnd; m++) {
      const x = chunks[m];
      if (x.type === 'org' || (x.type === 'name' && x.headKind === 'org')) {
        owner = { kind: 'org', name: x.text };
        break;
      }
      if (x.type === 'gaz' && !(t.complement?.prep === 'to' && POSTED_HEADS.has(t.head))) {
        owner = ownerFromEntry(x.entry, true);
        if (owner) break;
      }
    }
  }
  if (!t.relation || (owner && owner.kind === 'person') || t.complement) {
    cand.titles.push({ title: t, text, owner, span: { start: t.start, end: appositiveEnd } });
    cand.strong = true;
  }
}

/** A first name, a verb of speech, an appositive: evidence from the name and its neighbours. */
function nameEvidence(cand: Candidate): void {
  const { s, chunk: c } = cand;
  const { tokens } = s;
  // a place as a given name ("Jordan Marchetti") counts as a first name when the lexicon says it may be one
  const placeGiven = !!c.givenPlace && (isPersonWord(tokens[c.start].text) || isKnownSurname(tokens[c.start + 1].text));
  const g = firstNameGender(tokens[c.start].text) ?? (placeGiven ? 'u' : null);
  if (c.keys.length >= 2 && g && !isCommonWord(tokens[c.end - 1].text)) cand.strong = true;
  const nextTok = tokens[c.end];
  const prevTok = tokens[c.start - 1];
  const placeBefore = !!prevTok && /^(in|at|near|from|to|into|outside|on)$/.test(prevTok.key);
  // "X said", "said X", "X today said", "X also told"
  const over = nextTok && /^(?:today|yesterday|also|later|then|again|earlier|separately|has|had)$/.test(nextTok.key);
  const speaks =
    (nextTok && SPEECH_VERBS.has(nextTok.key)) ||
    (prevTok && SPEECH_VERBS.has(prevTok.key)) ||
    (over && SPEECH_VERBS.has(tokens[c.end + 1]?.key ?? ''));
  // a first name and a surname that is also a word ("Fiona Hill"), next to a verb of speech or an appositive
  if (
    !cand.strong &&
    c.keys.length >= 2 &&
    g &&
    !s.headline &&
    !placeBefore &&
    (speaks ||
      c.poss ||
      personSlot(s, c) ||
      (isComma(nextTok) && /^(who|whose|a|an|the)$/.test(tokens[c.end + 1]?.key ?? '')))
  )
    cand.strong = true;
  // two or more capitalised words, none of them an English word, not in a headline
  if (
    !cand.strong &&
    c.keys.length >= 2 &&
    !s.headline &&
    // a name may open with a month's abbreviation only where it is a given name ("Jan Kowalczyk")
    c.keys.every((_, n) => !isCommonWord(tokens[c.start + n].text) || (n === 0 && isMonth(tokens[c.start].text)))
  ) {
    // "its current chairman, Ade Tunji Bako": a name set off after a title
    const afterTitle = isComma(prevTok) && s.chunks.some((x) => x.type === 'title' && x.end === c.start - 1);
    if (speaks || (isComma(nextTok) && !placeBefore) || c.poss || personSlot(s, c) || afterTitle) cand.strong = true;
  }
}

/**
 * "Tafadzwa Mberengwa … Mberengwa won … Mberengwa, a former minister": a full name whose last word the text goes on to
 * use alone, twice or more and as a name, is a person's, as news refers to people by surname.
 */
function namesUsedBySurname(cands: Candidate[]): void {
  const alone = new Map<string, number>();
  for (const c of cands)
    if (c.keys.length === 1 && !c.s.headline && !(c.chunk.initial && isCommonWord(c.chunk.text)))
      alone.set(c.keys[0], (alone.get(c.keys[0]) ?? 0) + 1);
  for (const c of cands) {
    if (c.strong || c.keys.length < 2 || c.keys.length > 3 || c.s.headline) continue;
    const words = c.chunk.keys.map((_, n) => c.s.tokens[c.chunk.start + n].text);
    if (words.some((w) => isCommonWord(w) && !isPersonWord(w))) continue;
    if ((alone.get(c.keys[c.keys.length - 1]) ?? 0) >= 2) c.strong = true;
  }
}

/** Words after which a name is someone's: "led by X and Y", "a meeting between X and Y", "X met Y". */
const PERSON_SLOT = new Set(['by', 'between', 'met', 'meets', 'thanked', 'invited', 'hosted', 'received']);

/** Whether the name fills a person's slot, itself or as the second of "X and Y" in one. */
function personSlot(s: AnalyzedSentence, c: NameChunk): boolean {
  const prev = s.tokens[c.start - 1];
  if (!prev) return false;
  if (PERSON_SLOT.has(prev.key)) return true;
  if (prev.key !== 'and') return false;
  const first = s.chunks.find((x) => x.type === 'name' && x.end === c.start - 1);
  return !!first && PERSON_SLOT.has(s.tokens[first.start - 1]?.key ?? '');
}

/**
 * "the national security advisers of Britain, France and Germany — A, B and C —": a plural title and its list of names.
 */
function pluralTitleLists(sentences: AnalyzedSentence[], candAt: Map<string, Candidate>): void {
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
      for (let k = d + 1; k < tokens.length;) {
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
        cand.titles.push({
          title: { ...t, complement: undefined },
          text: text.replace(/\s+(?:of|for)\s.*$/, ''),
          owner,
        });
        cand.strong = true;
      });
    });
  }
}
