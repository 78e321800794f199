import { joinTokens, type AnalyzedSentence } from '../chunks.ts';
import { countryByDemonym, countryByKey, phraseKey } from '../lexicon/countries.ts';
import { firstNameGender } from '../lexicon/words.ts';
import { ownerFromEntry } from './candidates.ts';
import { position, type Entity } from './entities.ts';
import { roleText } from './role-text.ts';
import type { Candidate, CandidateTitle, Gender, Person } from './types.ts';

/**
 * Stage 4 of the people stage: one person per entity — the name (the most used multi-word form), aliases,
 * roles as the text gives them, gender, and an affiliation from the titles' owners.
 */
export interface Pending {
  person: Person;
  owner: Candidate;
  how: 'relation' | 'serves';
}

const PRONOUNS: Record<string, Gender | 'p'> = {
  he: 'm',
  him: 'm',
  his: 'm',
  she: 'f',
  her: 'f',
  hers: 'f',
  they: 'p',
  them: 'p',
};
const ABBREVIATIONS: Record<string, string> = {
  sen: 'Senator',
  rep: 'Representative',
  gov: 'Governor',
  gen: 'General',
  lt: 'Lieutenant',
  maj: 'Major',
  col: 'Colonel',
  adm: 'Admiral',
  capt: 'Captain',
  amb: 'Ambassador',
  pres: 'President',
  sec: 'Secretary',
  sgt: 'Sergeant',
  prof: 'Professor',
};
/** "Sen." → "Senator", "Lt. Gen." → "Lieutenant General". */
export function expandAbbreviations(role: string): string {
  return role.replace(/\b(\p{L}+)\.(?=\s|$)/gu, (m, w: string) => ABBREVIATIONS[w.toLowerCase()] ?? m);
}

/** The person an entity names; its mentions go into byChunk, roles owned by other people into pending. */
export interface BuildContext {
  sentences: AnalyzedSentence[];
  candAt: Map<string, Candidate>;
  entityOf: Map<Candidate, Entity>;
  byChunk: Map<string, number>;
  pending: Pending[];
}

export function buildPerson(e: Entity, id: number, ctx: BuildContext): Person {
  const { sentences, byChunk } = ctx;
  e.cands.sort((a, b) => position(a) - position(b));
  const forms = new Map<string, number>();
  for (const c of e.cands) forms.set(c.chunk.text, (forms.get(c.chunk.text) ?? 0) + 1);
  const multi = [...forms].filter(([f]) => f.includes(' ') || /\p{Ll}-\p{Lu}/u.test(f));
  const name = (multi.length ? multi : [...forms]).sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0][0];
  const nameTokens = name.split(/\s+/);
  // surname with its particles: "von der Leyen", "bin Salman"
  let si = nameTokens.length - 1;
  while (
    si > 1 &&
    /^(von|van|der|den|de|del|della|di|da|du|la|le|dos|das|bin|ibn|al|el|ter|ten|zu)$/i.test(nameTokens[si - 1])
  )
    si--;
  const surname = nameTokens
    .slice(si)
    .join(' ')
    .replace(/^(Jr\.?|Sr\.?)$/, '');
  const aliases = new Set<string>();
  for (const f of forms.keys()) if (f !== name) aliases.add(f);
  if (nameTokens.length > 1 && surname) aliases.add(surname);
  const person: Person = {
    id,
    name,
    aliases: [...aliases],
    roles: [],
    roleSentences: {},
    affiliation: null,
    gender: null,
    mentions: [],
    sentences: [],
  };
  const affs = new Map<string, number>();
  for (const c of e.cands) {
    person.mentions.push({
      s: c.s.index,
      chunk: c.ci,
      start: c.chunk.start,
      end: c.chunk.end,
      poss: c.chunk.poss,
      inComplement: c.chunk.inComplement,
      form: c.chunk.text,
    });
    if (!person.sentences.includes(c.s.index)) person.sentences.push(c.s.index);
    byChunk.set(`${c.s.index}:${c.ci}`, person.id);
    readRoles(person, e, c, affs, ctx);
  }
  partyTag(e, affs);
  ofCountryTag(e, affs);
  if (affs.size) person.affiliation = [...affs].sort((a, b) => b[1] - a[1])[0][0];
  // "the Omani Foreign Ministry", "Russia’s Defense Ministry": a country's own government body stands for the country
  if (person.affiliation) {
    const m =
      /^(\S+?)(?:’s|'s)?\s.*\b(?:ministry|government|cabinet|presidency|army|navy|parliament|embassy|forces|military)$/i.exec(
        person.affiliation,
      );
    const k = m ? phraseKey(m[1]) : '';
    const c = k ? (countryByDemonym(k) ?? countryByKey(k)) : undefined;
    if (c) person.affiliation = c.name;
  }
  person.gender = genderOf(e, nameTokens[0], sentences);
  return person;
}

/** A candidate's titles become the person's roles; their owners vote for the affiliation. */
function readRoles(person: Person, e: Entity, c: Candidate, affs: Map<string, number>, ctx: BuildContext): void {
  const { candAt, entityOf, pending } = ctx;
  const isOtherPerson = (ci: number) => {
    const x = entityOf.get(candAt.get(`${c.s.index}:${ci}`)!);
    return !!x && x !== e;
  };
  for (const t of c.titles) {
    const role = singularTitle(
      t,
      orgBefore(c.s, t) + expandAbbreviations(roleText(t, c, isOtherPerson).replace(/,$/, '')),
    );
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
      // "secretary of Norway’s National Security and Defense Council": the country named in the title wins over the
      // body
      if (o && o.kind !== 'person') affs.set(o.name, (affs.get(o.name) ?? 0) + (o.kind === 'country' ? 3 : 2));
    }
    if (comp?.nameChunk) {
      const host = candAt.get(`${c.s.index}:${c.s.chunks.indexOf(comp.nameChunk)}`);
      if (host) pending.push({ person, owner: host, how: 'serves' });
    }
  }
}

/** "Presidents A, B and C": each holds the office in the singular. */
function singularTitle(t: CandidateTitle, role: string): string {
  const head = t.title.head;
  if (!/[^s]s$/.test(head) || !role.toLowerCase().endsWith(head)) return role;
  return role.replace(/ies$/, 'y').replace(/([^s])s$/, '$1');
}

/** "European Commission President X", "UN Secretary-General X": the body right before a title is part of the role. */
function orgBefore(s: AnalyzedSentence, t: CandidateTitle): string {
  if (t.span) return '';
  const before = s.chunks.find((x) => x.end === t.title.start);
  if (!before || s.tokens[before.end - 1].poss) return '';
  const isBody = before.type === 'org' || (before.type === 'gaz' && before.entry.type === 'org');
  return isBody ? `${joinTokens(s.tokens, before.start, before.end)} ` : '';
}

/** "President A of Angola, B of Burundi": a titled name followed by "of" a country acts for it. */
function ofCountryTag(e: Entity, affs: Map<string, number>): void {
  for (const c of e.cands) {
    if (!c.titles.length || c.s.tokens[c.chunk.end]?.key !== 'of') continue;
    const next = c.s.chunks.find((x) => x.start === c.chunk.end + 1);
    if (next?.type === 'gaz' && next.entry.type === 'country')
      affs.set(next.entry.country.name, (affs.get(next.entry.country.name) ?? 0) + 2);
  }
}

/** "Sen. Lindsey Graham, R-S.C.," / "(D-N.Y.)": a U.S. party-and-state tag. */
function partyTag(e: Entity, affs: Map<string, number>): void {
  for (const c of e.cands) {
    const t = c.s.tokens;
    const k = c.chunk.end + (t[c.chunk.end]?.text === ',' || t[c.chunk.end]?.text === '(' ? 1 : 0);
    if (k > c.chunk.end && /^[RDI]$/.test(t[k]?.text ?? '') && t[k + 1]?.text === '-' && t[k + 2]?.cap)
      affs.set('United States', (affs.get('United States') ?? 0) + 3);
  }
}

/** Gender: honorifics, first names, then pronouns right after the person's mentions. */
function genderOf(e: Entity, first: string, sentences: AnalyzedSentence[]): Gender | null {
  const votes = { m: 0, f: 0 };
  for (const c of e.cands) if (c.honorificGender) votes[c.honorificGender] += 3;
  const g = firstNameGender(first);
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
  return votes.m > votes.f ? 'm' : votes.f > votes.m ? 'f' : null;
}
