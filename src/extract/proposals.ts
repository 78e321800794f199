import type { Token } from '../text/tokens.ts';
import type { ExtractedProposal } from './contract.ts';
import type { AnalyzedSentence } from './chunks.ts';
import type { PeopleResult, Person } from './people.ts';
import type { QuoteSpan } from './quotes.ts';
import { PROPOSE_VERBS, STATUS_WORDS } from './lexicon/verbs.ts';
import { lexTags } from './lexicon/words.ts';

/**
 * Proposals: noun phrases headed by plan / proposal / deal / agreement / framework / guarantees / assurances /
 * term sheet / ceasefire / visit / deadline / offer / memorandum / treaty / summit …, named from their
 * modifiers ("28-point peace plan"), with who put them forward, status words and the supporting sentences.
 * Later references ("the plan", "the leaked proposal", "these assurances", "the draft of the peace plan")
 * are merged into the proposal they refer to; an indefinite phrase with nothing specific ("a formal treaty")
 * is not a proposal.
 */
type Family = 'measure' | 'plan' | 'deal' | 'guarantee' | 'termsheet' | 'ceasefire' | 'visit' | 'deadline' | 'offer' | 'memorandum' | 'treaty' | 'summit' | 'exchange' | 'package' | 'talks' | 'meeting' | 'force' | 'body' | 'halt' | 'referendum';

const HEADS: Record<string, Family> = {
  plan: 'plan', plans: 'plan', proposal: 'plan', proposals: 'plan', draft: 'plan', roadmap: 'plan', initiative: 'plan', formula: 'plan', blueprint: 'plan',
  deal: 'deal', deals: 'deal', agreement: 'deal', agreements: 'deal', accord: 'deal', accords: 'deal', pact: 'deal', settlement: 'deal',
  framework: 'plan', guarantee: 'guarantee', guarantees: 'guarantee', assurance: 'guarantee', assurances: 'guarantee',
  ceasefire: 'ceasefire', 'cease-fire': 'ceasefire', truce: 'ceasefire', armistice: 'ceasefire', moratorium: 'ceasefire',
  visit: 'visit', trip: 'visit', deadline: 'deadline', ultimatum: 'deadline', offer: 'offer', memorandum: 'memorandum',
  treaty: 'treaty', summit: 'summit', resolution: 'measure', bill: 'measure', measure: 'measure', motion: 'measure', amendment: 'measure', exchange: 'exchange', swap: 'exchange', package: 'package', loan: 'package',
  talks: 'talks', consultations: 'talks', round: 'talks', meeting: 'meeting', conference: 'meeting',
  force: 'force', contingent: 'force', mission: 'force', centre: 'body', center: 'body', mechanism: 'body', corridor: 'body', corridors: 'body',
  zone: 'body', halt: 'halt', ban: 'halt', cap: 'halt', freeze: 'halt', pause: 'halt', embargo: 'halt', referendum: 'referendum',
};
/** Heads of events and arrangements that are only a proposal when something names them ("direct talks with Moscow",
 * "a multinational force", "a ban on imports of …") and the sentence puts them forward. */
const NAMED_ONLY = new Set<Family>(['talks', 'meeting', 'force', 'body', 'halt']);
const PROPOSAL_CONTEXT =
  /\b(?:propos\w*|offer\w*|float\w*|suggest\w*|urg\w*|invit\w*|call(?:ed|s|ing)? for|press(?:ed|es|ing)? for|push\w*|ready to|would|will|could|should|due to|plan\w*|agree\w*|draft\w*|includ\w*|set up|host\w*|back(?:ed|s|ing)?|discuss\w*|consider\w*|demand\w*|seek\w*|sought|announc\w*|pledg\w*|unveil\w*|expected|possib\w*|prospect|return to|resume|open)\b/i;
/** Heads that name something specific even without a modifier ("a ceasefire", "security guarantees"). */
const SPECIFIC = new Set<Family>(['ceasefire', 'guarantee', 'termsheet', 'memorandum', 'referendum']);
/** Heads that are containers: "the draft of the plan", "proposals for a ceasefire", "plans for X’s visit". */
const CONTAINERS = new Set(['draft', 'framework', 'plans', 'proposals', 'proposal', 'plan', 'details', 'terms', 'text', 'version', 'outline']);
const DETS = new Set(['the', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'a', 'an', 'any', 'no', 'such', 'another', 'each']);
const DEFINITE = new Set(['the', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our']);
const COMPLEMENT_PREPS = new Set(['of', 'for', 'to', 'on', 'with', 'between', 'concerning', 'regarding', 'before', 'by', 'in', 'over', 'along', 'led']);
const STOP_IN_COMPLEMENT = new Set(['which', 'that', 'who', 'whose', 'and', 'but', 'or', 'as', 'while', 'is', 'was', 'are', 'were', 'has', 'have', 'had', 'will', 'would', 'could', 'may', 'might', 'does', 'did', 'being', 'been', 'be', 'if', 'because', 'although', 'when']);
const INTENT = new Set(['objective', 'goal', 'push', 'bid', 'demand', 'call', 'effort', 'efforts', 'wish', 'aim', 'desire', 'drive', 'attempt', 'insistence', 'hope']);
const VERB_TAGS = new Set(['PastTense', 'PresentTense', 'Infinitive', 'Gerund', 'Modal', 'Copula', 'Auxiliary', 'PhrasalVerb', 'Verb', 'Pronoun', 'Preposition', 'Conjunction', 'Determiner', 'QuestionWord']);

interface Mention {
  s: number;
  family: Family;
  head: string;
  start: number;
  end: number;
  mods: string[];
  status: string[];
  det: 'definite' | 'indefinite' | 'bare';
  owner: { person?: Person; party?: string } | null;
  complement: string;
  complementProper: boolean;
  /** the raw phrase without determiner */
  text: string;
  proposers: string[];
  visitor?: Person;
  destination?: string;
  inner?: Mention;
  /** named by a scare-quoted phrase ("coalition of the willing") */
  quotedName?: boolean;
}

interface Proposal {
  family: Family;
  mentions: Mention[];
  mods: Set<string>;
  visitor?: Person;
  destination?: string;
  last: number;
  quotedName?: boolean;
}

export function extractProposals(sentences: AnalyzedSentence[], people: PeopleResult, quotes: QuoteSpan[]): ExtractedProposal[] {
  const all: Mention[] = [];
  for (const s of sentences) {
    if (s.headline || s.bare) continue;
    const found: Mention[] = [];
    for (let i = 0; i < s.tokens.length; i++) {
      const m = mentionAt(s, i, people, quotes);
      if (m) {
        found.push(m);
        i = m.end - 1;
      }
    }
    // "X’s visit" and "X visiting Y": a person right before a travel gerund
    for (let k = 0; k < s.chunks.length; k++) {
      const c = s.chunks[k];
      if (c.type !== 'name') continue;
      const pid = people.byChunk.get(`${s.index}:${k}`);
      if (pid === undefined) continue;
      const t = s.tokens[c.end];
      if (t && !c.poss && /^(visiting|traveling|travelling)$/.test(t.key)) {
        const dest = destinationAfter(s, c.end + 1);
        if (dest) found.push({ s: s.index, family: 'visit', head: 'visit', start: c.start, end: c.end + 1, mods: [], status: [], det: 'definite', owner: null, complement: `to ${dest}`, complementProper: true, text: `${c.text} ${t.text} ${dest}`, proposers: [], visitor: people.people[pid], destination: dest });
      }
    }
    // "X is due to visit Moscow", "invited X to visit Ankara", "X would travel to Brussels"
    for (let k = 1; k < s.tokens.length; k++) {
      const t = s.tokens[k];
      if (!/^(visit|travel|fly|go)$/.test(t.key)) continue;
      const pv = s.tokens[k - 1].key;
      if (!(pv === 'to' || /^(will|would|could|may|might|shall)$/.test(pv))) continue;
      const dest = destinationAfter(s, t.key === 'visit' ? k + 1 : s.tokens[k + 1]?.key === 'to' ? k + 2 : -1);
      if (!dest) continue;
      let visitor: Person | undefined;
      for (let q = k - 1; q >= 0 && !visitor; q--) {
        if (s.tokens[q].kind === 'punct' && /[.;:]/.test(s.tokens[q].text)) break;
        const ci = s.chunkAt[q];
        if (ci < 0) continue;
        const c = s.chunks[ci];
        const pid = people.byChunk.get(`${s.index}:${ci}`);
        if (c.type === 'name' && pid !== undefined && !c.poss) visitor = people.people[pid];
      }
      if (!visitor) continue;
      if (found.some((m) => m.family === 'visit' && m.visitor === visitor)) continue;
      found.push({ s: s.index, family: 'visit', head: 'visit', start: k, end: k + 1, mods: [], status: [], det: 'definite', owner: null, complement: `to ${dest}`, complementProper: true, text: `${t.text} ${dest}`, proposers: [], visitor, destination: dest });
    }
    // a proposal named in scare quotes: announced a “coalition of the willing”, the so-called “drone wall”
    for (const q of quotes) {
      if (q.textStart < s.start || q.textEnd > s.end) continue;
      const words = q.text.split(/\s+/);
      if (words.length < 2 || words.length > 5 || /[.!?,;:…]$/.test(q.text) || !/^\p{Ll}/u.test(q.text) || /^(a|an|the|to|in|on|at|very|not|if|and|but|every|any)$/i.test(words[0])) continue;
      const lead = s.text.slice(Math.max(0, q.open - s.start - 40), q.open - s.start);
      if (!/\b(?:a|an|the|so-called|of)\s+(?:[\p{L}-]+\s+){0,1}$/u.test(lead)) continue;
      if (!/\b(?:announc\w*|propos\w*|offer\w*|float\w*|discuss\w*|back(?:ed|s|ing)?|host\w*|turn\w*|creat\w*|set up|build\w*|call(?:ed|s)? for|unveil\w*|idea|plan|proposal)\b/i.test(s.text)) continue;
      const k = s.tokens.findIndex((t) => t.start >= q.textStart);
      if (k < 0) continue;
      found.push({ s: s.index, family: 'plan', head: q.text, start: k, end: k + words.length, mods: [], status: [], det: 'bare', owner: null, complement: '', complementProper: false, text: q.text, proposers: [], quotedName: true } as Mention);
    }
    all.push(...found.sort((a, b) => a.start - b.start));
  }
  // merge into proposals
  const props: Proposal[] = [];
  for (const m0 of all) {
    const m = m0.inner ?? m0;
    // "the offer" refers to an offer, not to whatever deal came last
    const compatible = (p: Proposal) => p.family === m.family || (m.family !== 'offer' && isPlanLike(p.family) && isPlanLike(m.family) && !m0.inner && m.mods.length === 0);
    let target: Proposal | undefined;
    if (m.quotedName) {
      const key = m.text.toLowerCase();
      if (props.some((p) => p.mentions.some((x) => x.text.toLowerCase().includes(key)))) continue;
      props.push({ family: m.family, mentions: [m], mods: new Set(), last: m.s, quotedName: true });
      continue;
    }
    if (m.family === 'visit') {
      target = props.find((p) => p.family === 'visit' && p.visitor && p.visitor === m.visitor);
      if (!target && !m.visitor && m.det === 'definite') target = [...props].reverse().find((p) => p.family === 'visit' && m.s - p.last <= 3);
      if (!target && !m.visitor && !m.complementProper) continue;
    } else if (m.mods.length) {
      target = props.find((p) => p.family === m.family && p.mods.size > 0 && ([...m.mods].every((x) => p.mods.has(x)) || [...p.mods].every((x) => m.mods.includes(x))));
    } else if (m.det === 'definite' || (m.det === 'bare' && m.status.length) || (m.det !== 'indefinite' && SPECIFIC.has(m.family))) {
      target = [...props].reverse().find((p) => compatible(p) && !p.quotedName && m.s - p.last <= 8);
      if (!target && m.family === 'offer' && !m.complement) continue;
      if (!target && !m.complement && !SPECIFIC.has(m.family) && m.det !== 'definite') continue;
    } else if (m.det === 'indefinite' && SPECIFIC.has(m.family)) {
      target = [...props].reverse().find((p) => p.family === m.family && m.s - p.last <= 3);
    } else if (!m.complementProper && !SPECIFIC.has(m.family) && !(NAMED_ONLY.has(m.family) && (m.mods.length || m.complement))) {
      continue;
    }
    if (!target) {
      if (!m.mods.length && !m.complement && !SPECIFIC.has(m.family) && m.family !== 'visit' && !m.owner && m.det !== 'definite') continue;
      if (NAMED_ONLY.has(m.family) && !m.mods.length && !m.complement) continue;
      props.push((target = { family: m.family, mentions: [], mods: new Set(), last: m.s }));
    }
    target.mentions.push(m);
    if (m0.inner) target.mentions.push({ ...m0, inner: undefined, mods: [], family: m.family });
    for (const x of m.mods) target.mods.add(x);
    target.last = m.s;
    if (m.visitor) target.visitor ??= m.visitor;
    if (m.destination) target.destination ??= m.destination;
  }
  return props.map((p) => toProposal(p, sentences));
}

const isPlanLike = (f: Family) => f === 'plan' || f === 'deal' || f === 'offer' || f === 'package';

function toProposal(p: Proposal, sentences: AnalyzedSentence[]): ExtractedProposal {
  const evidence = [...new Set(p.mentions.map((m) => m.s))].sort((a, b) => a - b);
  const texts = [...new Set(p.mentions.map((m) => m.text))];
  let name: string;
  if (p.family === 'visit' && p.visitor) {
    const surname = p.visitor.aliases.find((a) => !a.includes(' ')) ?? p.visitor.name;
    name = p.destination ? `${surname} visit to ${p.destination}` : `${surname} visit`;
  } else if (p.quotedName) {
    name = p.mentions[0].text;
  } else {
    // the most specific mention: most modifiers, then a proper-noun complement
    const best = [...p.mentions].filter((m) => !m.inner).sort((a, b) => b.mods.length - a.mods.length || Number(b.complementProper) - Number(a.complementProper))[0] ?? p.mentions[0];
    name = [...best.mods, best.head].join(' ');
    if ((!best.mods.length || best.complementProper) && best.complement && best.complement.split(' ').length <= 8) name = `${name} ${best.complement}`;
  }
  const aliases = texts.filter((t) => t.toLowerCase() !== name.toLowerCase());
  const status = new Set<string>();
  const proposers = new Set<string>();
  for (const m of p.mentions) {
    for (const w of m.status) status.add(w);
    for (const x of m.proposers) proposers.add(x);
    const st = sentenceStatus(sentences[m.s]);
    for (const w of st) status.add(w);
  }
  return { name, aliases, proposedBy: [...proposers], status: status.size ? [...status].join('; ') : null, evidence };
}

const STATUS_PATTERNS: Array<[RegExp, string]> = [
  [/\b(?:has|have|had)\s+not\s+(?:yet\s+)?agreed\b|\bnot\s+agreed\b/i, 'not agreed'],
  [/\brejected?\b|\brejects\b/i, 'rejected'],
  [/\baccepted\b|\baccepts\b/i, 'accepted'],
  [/\bas\s+flexible\b|\bflexible\b/i, 'flexible'],
  [/\bno\s+confirmed\s+plans\b/i, 'no confirmed plans'],
  [/\bconfirmed\s+by\b/i, 'confirmed'],
  [/\bsigned\b/i, 'signed'],
  [/\bunder\s+discussion\b|\bdiscussing\b/i, 'under discussion'],
];
function sentenceStatus(s: AnalyzedSentence): string[] {
  return STATUS_PATTERNS.filter(([re]) => re.test(s.text)).map(([, w]) => w);
}

function destinationAfter(s: AnalyzedSentence, from: number): string | undefined {
  if (from < 0) return undefined;
  let k = from;
  if (s.tokens[k]?.key === 'to') k++;
  if (s.tokens[k]?.key === 'the') k++;
  const ci = s.chunkAt[k];
  if (ci < 0) return undefined;
  const c = s.chunks[ci];
  if (c.type === 'gaz' && c.entry.type === 'country') return c.entry.country.name;
  if (c.type === 'gaz' && c.entry.type === 'place') return c.entry.name;
  return undefined;
}

const FINITE = new Set(['PastTense', 'PresentTense', 'Modal', 'Copula', 'Auxiliary', 'Pronoun', 'Conjunction', 'QuestionWord']);
function isFiniteVerb(t: Token): boolean {
  if (STATUS_WORDS.has(t.key)) return false;
  return lexTags(t.key).some((x) => FINITE.has(x));
}

function isVerbish(t: Token): boolean {
  if (STATUS_WORDS.has(t.key)) return false;
  return lexTags(t.key).some((x) => VERB_TAGS.has(x));
}

function mentionAt(s: AnalyzedSentence, i: number, people: PeopleResult, quotes: QuoteSpan[]): Mention | null {
  const { tokens } = s;
  const t = tokens[i];
  if (t.kind !== 'word') return null;
  let family: Family | undefined;
  let head = t.text.toLowerCase();
  let end = i + 1;
  if (t.key === 'term' && /^sheets?$/.test(tokens[i + 1]?.key ?? '')) {
    family = 'termsheet';
    head = `term ${tokens[i + 1].text.toLowerCase()}`;
    end = i + 2;
  } else family = HEADS[t.key] ?? (/^(counter|re)-/.test(t.key) ? HEADS[t.key.replace(/^[a-z]+-/, '')] : undefined);
  if (!family) return null;
  const compound = !HEADS[t.key] && /^(counter|re)-/.test(t.key);
  if (compound) head = t.key.replace(/^[a-z]+-/, '');
  if (NAMED_ONLY.has(family) && !PROPOSAL_CONTEXT.test(s.text)) return null;
  if (family === 'meeting' && (/^(news|press)$/.test(prev0(tokens, i)) || t.key !== tokens[i].key)) return null;
  // a head that modifies another head: "ceasefire proposal", "peace deal plan"
  if (end < tokens.length && HEADS[tokens[end].key] && !tokens[end - 1].poss && tokens[end].kind === 'word') return null;
  // inside a person's name or a capitalised organisation? ("Budapest Memorandum" is fine)
  const ci = s.chunkAt[i];
  if (ci >= 0 && s.chunks[ci].type !== 'name') return null;
  if (ci >= 0 && s.chunks[ci].type === 'name' && (s.chunks[ci] as { headKind?: string }).headKind && NAMED_ONLY.has(family)) return null;
  const prev = tokens[i - 1];
  const next = tokens[end];
  // verbs: "plans to", "to visit", "will offer", "deal with"
  if (prev && (prev.key === 'to' || /^(will|would|could|can|should|might|must|may|not|they|we|he|she|i|you)$/.test(prev.key))) return null;
  if (next && next.key === 'to' && /^(plan|plans|offer|offers|visit|visits|deal)$/.test(t.key) && !(prev && (DETS.has(prev.key) || prev.poss || STATUS_WORDS.has(prev.key) || prev.kind === 'num'))) return null;
  if (next && next.key === 'with' && t.key === 'deal') return null;
  if (family === 'visit' && !(prev && (DETS.has(prev.key) || prev.poss || STATUS_WORDS.has(prev.key) || /^(state|official|planned|potential|possible|first|rare|surprise)$/.test(prev.key))) && !(next && /^(to|of)$/.test(next.key))) return null;
  const ofWhat = next?.key === 'of' ? tokens.slice(end + 1, end + 5).map((w) => w.key) : [];
  if (family === 'exchange' && !(prev && /^(prisoner|prisoners|pow|body|bodies)$/.test(prev.key)) && !ofWhat.some((w) => /^(prisoners|detainees|pows|bodies|captives|hostages)$/.test(w))) return null;
  if (family === 'halt' && !(next && /^(on|to|of)$/.test(next.key))) return null;
  if (family === 'talks' && t.key === 'round' && !(next?.key === 'of')) return null;
  if (family === 'treaty' && !(prev && /^(peace|new|proposed|draft|security|bilateral|formal|binding)$/.test(prev.key) && !(prev.key === 'formal' && tokens[i - 2]?.key === 'a'))) return null;
  if (family === 'measure' && !(prev && (/^(powers|war|resolution|sanctions|budget|spending|defense|defence|aid|peace|new|draft|proposed)$/.test(prev.key) || prev.cap)) && !(prev && DEFINITE.has(prev.key))) return null;
  if (family === 'package' && !(prev && /^(aid|sanctions|military|security|financial|reparations|support)$/.test(prev.key)) && !ofWhat.some((w) => /^(sanctions|aid|measures|support)$/.test(w))) return null;
  // left modifiers
  const mods: string[] = [];
  const status: string[] = [];
  let k = i - 1;
  let owner: Mention['owner'] = null;
  const proposers: string[] = [];
  while (k >= 0 && i - k <= 5) {
    const w = tokens[k];
    if (w.kind === 'punct') {
      if (/[“”"‘]/.test(w.text)) {
        k--;
        continue;
      }
      break;
    }
    if (DETS.has(w.key)) break;
    if (w.poss) {
      const chunkIdx = s.chunkAt[k];
      const c = chunkIdx >= 0 ? s.chunks[chunkIdx] : null;
      if (c && c.type === 'name') {
        const pid = people.byChunk.get(`${s.index}:${chunkIdx}`);
        if (pid !== undefined) owner = { person: people.people[pid] };
      } else if (c && c.type === 'gaz' && (c.entry.type === 'country' || c.entry.type === 'org')) owner = { party: c.entry.type === 'country' ? c.entry.country.name : c.entry.org.name };
      k = c ? c.start - 1 : k - 1;
      break;
    }
    const chunkIdx = s.chunkAt[k];
    const c = chunkIdx >= 0 ? s.chunks[chunkIdx] : null;
    if (c && c.type === 'gaz' && (c.entry.type === 'country' || c.entry.type === 'demonym')) {
      proposers.push(c.entry.country.name);
      mods.unshift(tokens[k].text);
      k = c.start - 1;
      continue;
    }
    if (c && (c.type === 'title' || (c.type === 'name' && people.byChunk.has(`${s.index}:${chunkIdx}`)))) break;
    if (STATUS_WORDS.has(w.key)) {
      status.unshift(w.key);
      k--;
      continue;
    }
    if (w.kind === 'num' || /^[\d]/.test(w.text)) {
      mods.unshift(w.text);
      k--;
      continue;
    }
    if (/^(more|most|less|very|so|too|also)$/.test(w.key)) {
      // graded adjectives ("a more equitable agreement") do not name anything
      status.push(...mods.splice(0).map((x) => x.toLowerCase()));
      k--;
      continue;
    }
    if (/^(host|hosting|open|opening|hold|holding|resume|start|launch|begin|convene|attend|join|facilitate|discuss|create|set|build|send|deploy)$/.test(w.key)) break;
    // "peacekeeping contingent", "monitoring mechanism", "parallel conference"
    if (NAMED_ONLY.has(family) && k === i - 1 && (/ing$/.test(w.key) || lexTags(w.key).includes('Adjective')) && !w.cap) {
      mods.unshift(w.text);
      k--;
      continue;
    }
    if (isVerbish(w) || /^(such|not)$/.test(w.key)) break;
    if (/(?:ly)$/.test(w.key) && w.key.length > 4) break;
    // adjectives that only grade ("formal", "equitable") are not naming modifiers
    if (lexTags(w.key).some((x) => x === 'Adjective' || x === 'Comparative' || x === 'Superlative') && !w.cap && !(NAMED_ONLY.has(family) && !/^(tense|long|short|good|bad|big|small|last|first|second|third)$/.test(w.key))) {
      status.unshift(w.key);
      k--;
      continue;
    }
    mods.unshift(w.text);
    k--;
  }
  const detTok = tokens[k];
  let det: Mention['det'] = 'bare';
  if (owner) det = 'definite';
  else if (detTok && DETS.has(detTok.key)) det = DEFINITE.has(detTok.key) ? 'definite' : detTok.key === 'no' ? 'definite' : 'indefinite';
  if (detTok?.key === 'no') status.unshift('no');
  // scare-quoted term: "a “term sheet”"
  const quoted = quotes.some((q) => q.kind !== 'speech' && q.textStart <= t.start && tokens[end - 1].end <= q.textEnd + 1);
  // right complement
  let complement = '';
  let complementProper = false;
  let inner: Mention | undefined;
  let visitor: Person | undefined;
  let destination: string | undefined;
  let e = end;
  const infinitive = next?.key === 'to' && /^(plan|proposal|proposals|offer|initiative|deal|agreement|bid|push)$/.test(t.key) && tokens[end + 1] && isVerbish(tokens[end + 1]);
  if (next && (COMPLEMENT_PREPS.has(next.key) || infinitive)) {
    let m = end + 1;
    if (infinitive) m++;
    const parts: string[] = infinitive ? [next.text, tokens[end + 1].text] : [next.text];
    while (m < tokens.length && m < end + 8) {
      const w = tokens[m];
      if (w.kind === 'punct' && !/[“”"‘’-]/.test(w.text)) break;
      if (w.kind === 'word' && STOP_IN_COMPLEMENT.has(w.key)) break;
      // a word right after the preposition is its object even when it could be a verb ("a ban on imports")
      if (w.kind === 'word' && !HEADS[w.key] && isFiniteVerb(w) && !DETS.has(w.key) && !COMPLEMENT_PREPS.has(w.key) && !w.cap && w.key !== 'to' && !(m === end + 1 && next.key !== 'to' && !lexTags(w.key).some((x) => /Pronoun|Copula|Modal|Auxiliary/.test(x))) && !(m > end + 1 && tokens[m - 1].cap && /ed$/.test(w.key) && tokens[m + 1]?.kind === 'word' && !tokens[m + 1].cap)) break;
      if (w.kind !== 'punct') parts.push(w.text + (w.poss ? '’s' : ''));
      m++;
    }
    // an inner proposal: "draft of the peace plan", "proposals for a ceasefire in Gaza", "plans for Zelenskyy’s visit"
    if ((next.key === 'of' || next.key === 'for') && CONTAINERS.has(t.key)) {
      for (let q = end + 1; q < m; q++) {
        const im = HEADS[tokens[q].key] || (tokens[q].key === 'term' && tokens[q + 1]?.key === 'sheet') ? mentionAt(s, q, people, quotes) : null;
        if (im) {
          inner = im;
          break;
        }
      }
    }
    const proper = tokens.slice(end + 1, m).filter((w) => w.cap || w.kind === 'num');
    if (parts.length > 1) {
      complement = parts.join(' ').replace(/\s+’s/g, '’s');
      complementProper = proper.length > 0;
      e = m;
    }
    if (family === 'visit') {
      for (let q = end + 1; q < m; q++) {
        const cidx = s.chunkAt[q];
        if (cidx < 0) continue;
        for (let z = 0; z < s.chunks.length; z++) {
          const c = s.chunks[z];
          if (c.type === 'name' && c.start <= q && q < c.end && people.byChunk.has(`${s.index}:${z}`) && !visitor) visitor = people.people[people.byChunk.get(`${s.index}:${z}`)!];
        }
        const c = s.chunks[cidx];
        if (c.type === 'gaz' && c.entry.type === 'country' && tokens[q - 1]?.key !== 'of') destination ??= c.entry.country.name;
      }
    }
  }
  if (family === 'visit' && owner?.person) visitor = owner.person;
  // who put it forward: possessive owner, "by X", the subject of a proposing verb, "X’s objective to secure …"
  if (owner?.party && family !== 'visit') proposers.push(owner.party);
  if (owner?.person && family !== 'visit') proposers.push(owner.person.name);
  const startTok = Math.max(0, k + 1);
  proposers.push(...proposersBefore(s, startTok, people));
  const text = tokens
    .slice(startTok, inner ? e : e)
    .filter((w) => !(w.kind === 'punct' && /[“”"‘’]/.test(w.text)))
    .map((w) => w.text + (w.poss ? '’s' : ''))
    .join(' ')
    .replace(/\s+([,.])/g, '$1');
  if (quoted && family !== 'termsheet' && !mods.length && !complement) return null;
  if (NAMED_ONLY.has(family)) {
    // a past event is a setting, not a proposal: "at a Paris meeting", "during the talks"
    if (/^(at|during|after|since|following|from)$/.test(tokens[k]?.key === undefined ? '' : DETS.has(tokens[k].key) ? tokens[k - 1]?.key ?? '' : tokens[k].key)) return null;
    if (/^by\b/.test(complement)) complement = '';
    if ((family === 'force' || family === 'body') && !mods.length) return null;
    if (family === 'body' && mods.every((x) => /^\p{Lu}/u.test(x))) return null;
    // "meeting with X" after a conjunction or a preposition is a verb
    if (family === 'meeting' && !mods.length && det === 'bare' && /^(or|and|after|before|while|by|for|of|in|on|without|when|since)$/.test(prev?.key ?? '')) return null;
  }
  if (compound) mods.push(t.key.replace(/-.*$/, ''));
  return { s: s.index, family, head, start: startTok, end: e, mods, status, det, owner, complement, complementProper, text, proposers: [...new Set(proposers)], visitor, destination, inner };
}

function proposersBefore(s: AnalyzedSentence, start: number, people: PeopleResult): string[] {
  const { tokens } = s;
  // "X’s objective to secure an agreement"
  for (let k = start - 1; k >= 0 && start - k <= 7; k--) {
    const w = tokens[k];
    if (w.kind === 'punct') break;
    if (INTENT.has(w.key) && tokens[k - 1]?.poss) {
      const ci = s.chunkAt[k - 1];
      const pid = ci >= 0 ? people.byChunk.get(`${s.index}:${ci}`) : undefined;
      if (pid !== undefined) return [people.people[pid].name];
      const c = ci >= 0 ? s.chunks[ci] : null;
      if (c && c.type === 'gaz' && c.entry.type === 'country') return [c.entry.country.name];
    }
  }
  // "Kushner and Witkoff have been working on a term sheet"
  let v = -1;
  for (let k = start - 1; k >= 0 && start - k <= 3; k--) {
    if (tokens[k].kind === 'punct' && !/[“”"‘’]/.test(tokens[k].text)) break;
    if (PROPOSE_VERBS.has(tokens[k].key) && !HEADS[tokens[k].key] && !DETS.has(tokens[k - 1]?.key ?? '')) {
      v = k;
      break;
    }
  }
  if (v < 0) return [];
  const out: string[] = [];
  for (let k = v - 1; k >= 0; k--) {
    const w = tokens[k];
    if (w.kind === 'punct' && /[.;,]/.test(w.text)) break;
    if (out.length && w.kind === 'word' && w.key !== 'and' && s.chunkAt[k] < 0) break;
    const ci = s.chunkAt[k];
    if (ci < 0) continue;
    const c = s.chunks[ci];
    for (let z = 0; z < s.chunks.length; z++) {
      const n = s.chunks[z];
      if (n.type === 'name' && n.start <= k && k < n.end && !n.poss && !n.inComplement) {
        const pid = people.byChunk.get(`${s.index}:${z}`);
        if (pid !== undefined && !out.includes(people.people[pid].name)) out.unshift(people.people[pid].name);
      }
    }
    if (!out.length && c.type === 'gaz' && (c.entry.type === 'country' || c.entry.type === 'demonym') && !tokens[c.end - 1].poss) {
      out.unshift(c.entry.country.name);
      break;
    }
    k = c.start;
  }
  return out;
}

function prev0(tokens: Token[], i: number): string {
  return tokens[i - 1]?.key ?? '';
}
