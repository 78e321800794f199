/**
 * The matching rules of ../shared/eval/score.mjs, as a library, so fixture articles can be scored in tests.
 * Kept in step with that file by hand: names and aliases are folded (case, accents, possessives, punctuation,
 * "U.S." = "United States"); a role is right when one of the person's roles contains the gold role; a proposal
 * matches when 60% of the content words of a gold name or alias appear in a predicted name or alias.
 */
export interface GoldEntity {
  name: string;
  aliases?: string[];
  roles?: string[];
  affiliation?: string | null;
}
export interface Gold {
  people?: GoldEntity[];
  optional_people?: string[];
  places?: GoldEntity[];
  optional_places?: string[];
  organizations?: GoldEntity[];
  optional_organizations?: string[];
  proposals?: GoldEntity[];
  optional_proposals?: string[];
  quotes?: Array<{ speaker: string; text_start: string }>;
  dates?: Array<{ text: string; iso: string | null }>;
}
interface Named {
  name: string;
  aliases?: string[];
}
interface Predicted {
  people?: Array<Named & { roles?: string[]; affiliation?: string | null }>;
  places?: Named[];
  organizations?: Named[];
  proposals?: Named[];
  quotes?: Array<{ speaker: string | null; text: string }>;
  dates?: Array<{ iso: string | null }>;
}

export const norm = (s: unknown) =>
  String(s ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’']s\b/g, '')
    .replace(/[“”"’'`]/g, '')
    .replace(/\bu\.?s\.?a?\.?\b/gi, 'united states')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
const SAME_PLACE: Record<string, string> = {
  britain: 'united kingdom',
  uk: 'united kingdom',
  'u k': 'united kingdom',
  'great britain': 'united kingdom',
  eu: 'european union',
  america: 'united states',
};
const normPlace = (s: unknown) => {
  const n = norm(s);
  return SAME_PLACE[n] ?? n;
};
const STOP = new Set([
  'the',
  'and',
  'for',
  'with',
  'from',
  'that',
  'this',
  'its',
  'his',
  'her',
  'to',
  'of',
  'a',
  'an',
  'on',
  'in',
]);
const names = (e: Named) => [e.name, ...(e.aliases ?? [])].map(norm).filter(Boolean);
const tokens = (s: string) =>
  new Set(
    norm(s)
      .split(' ')
      .filter((t) => t.length > 2 && !STOP.has(t)),
  );
export const sameEntity = (p: Named, g: Named) => {
  const pn = names(p);
  return names(g).some((n) => pn.includes(n));
};
export const sameProposal = (p: Named, g: Named) => {
  const pt = names(p).map((n) => tokens(n));
  return names(g).some((gn) => {
    const gt = tokens(gn);
    if (!gt.size) return false;
    return pt.some((t) => {
      let hit = 0;
      for (const w of gt) if (t.has(w)) hit++;
      return hit / gt.size >= 0.6;
    });
  });
};

export interface PRF {
  tp: number;
  fp: string[];
  fn: string[];
  matched: Array<[Named & Record<string, unknown>, GoldEntity]>;
}
function prf(pred: Named[], gold: GoldEntity[], optional: string[], same: (p: Named, g: Named) => boolean): PRF {
  const used = new Set<number>();
  let tp = 0;
  const fp: string[] = [];
  const matched: PRF['matched'] = [];
  for (const p of pred) {
    const gi = gold.findIndex((g, i) => !used.has(i) && same(p, g));
    if (gi >= 0) {
      used.add(gi);
      tp++;
      matched.push([p as Named & Record<string, unknown>, gold[gi]]);
      continue;
    }
    if (gold.some((g) => same(p, g))) continue;
    if (optional.some((o) => same(p, { name: o }))) continue;
    fp.push(p.name);
  }
  return { tp, fp, fn: gold.filter((_, i) => !used.has(i)).map((g) => g.name), matched };
}

export interface Counts {
  tp: number;
  np: number;
  ng: number;
}
export type Totals = Record<string, Counts>;
export interface DocReport {
  people: PRF;
  places: PRF;
  orgs: PRF;
  props: PRF;
  quoteMisses: string[];
}

/** Scores one extraction against its gold, adding to `totals`. */
export function scoreDocument(ex: Predicted, gold: Gold, totals: Totals): DocReport {
  const add = (k: string, tp: number, np: number, ng: number) => {
    const t = (totals[k] ??= { tp: 0, np: 0, ng: 0 });
    t.tp += tp;
    t.np += np;
    t.ng += ng;
  };
  const P = ex.people ?? [];
  const people = prf(P, gold.people ?? [], gold.optional_people ?? [], sameEntity);
  add('people', people.tp, people.tp + people.fp.length, (gold.people ?? []).length);
  let roleOk = 0;
  let affOk = 0;
  const withRoles = people.matched.filter(([, g]) => (g.roles ?? []).length);
  const withAff = people.matched.filter(([, g]) => g.affiliation);
  for (const [p, g] of withRoles) {
    const pr = ((p.roles as string[]) ?? []).map(norm).join(' | ');
    if ((g.roles ?? []).some((r) => pr.includes(norm(r)))) roleOk++;
  }
  for (const [p, g] of withAff) if (normPlace(p.affiliation) === normPlace(g.affiliation)) affOk++;
  add('roles', roleOk, withRoles.length, (gold.people ?? []).filter((g) => (g.roles ?? []).length).length);
  add('affiliation', affOk, withAff.length, (gold.people ?? []).filter((g) => g.affiliation).length);
  const places = prf(ex.places ?? [], gold.places ?? [], gold.optional_places ?? [], sameEntity);
  add('places', places.tp, places.tp + places.fp.length, (gold.places ?? []).length);
  const orgs = prf(ex.organizations ?? [], gold.organizations ?? [], gold.optional_organizations ?? [], sameEntity);
  add('organizations', orgs.tp, orgs.tp + orgs.fp.length, (gold.organizations ?? []).length);
  const props = prf(ex.proposals ?? [], gold.proposals ?? [], gold.optional_proposals ?? [], sameProposal);
  add('proposals', props.tp, props.tp + props.fp.length, (gold.proposals ?? []).length);
  const Q = ex.quotes ?? [];
  const gq = gold.quotes ?? [];
  let qRight = 0;
  const quoteMisses: string[] = [];
  const speakerOf = (name: string) =>
    (gold.people ?? []).find((g) => names(g).includes(norm(name))) ?? { name, aliases: [] };
  for (const g of gq) {
    const q = Q.find((x) => norm(x.text).includes(norm(g.text_start)));
    if (q && q.speaker && sameEntity({ name: q.speaker, aliases: [] }, speakerOf(g.speaker))) qRight++;
    else quoteMisses.push(`${g.speaker}: ${g.text_start}${q ? ` (said: ${q.speaker ?? 'nobody'})` : ' (not found)'}`);
  }
  add('quotes', qRight, Q.filter((q) => q.speaker).length, gq.length);
  const gd = (gold.dates ?? []).filter((d) => d.iso);
  let dOk = 0;
  for (const g of gd) if ((ex.dates ?? []).some((d) => d.iso && String(d.iso).startsWith(g.iso!))) dOk++;
  add('dates', dOk, dOk, gd.length);
  return { people, places, orgs, props, quoteMisses };
}

export function f1(t: Counts | undefined): { p: number; r: number; f1: number } {
  if (!t) return { p: 1, r: 1, f1: 1 };
  const p = t.np ? t.tp / t.np : t.ng ? 0 : 1;
  const r = t.ng ? t.tp / t.ng : 1;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}
