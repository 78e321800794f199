import type { Token } from '../text/tokens.ts';
import type { ExtractedProposal } from './contract.ts';
import type { AnalyzedSentence } from './chunks.ts';
import { subjectMention, type PeopleResult, type Person } from './people.ts';
import type { QuoteSpan } from './quotes.ts';
import { numberMentions } from './number-proposals.ts';
import { PROPOSE_VERBS, STATUS_WORDS } from './lexicon/verbs.ts';
import { isMonth, isWeekday, lexTags } from './lexicon/words.ts';

/**
 * Proposals: noun phrases headed by plan / proposal / deal / agreement / framework / guarantees / assurances /
 * term sheet / ceasefire / visit / deadline / offer / memorandum / treaty / summit …, named from their
 * modifiers ("12-point peace plan"), with who put them forward, status words and the supporting sentences.
 * Later references ("the plan", "the leaked proposal", "these assurances", "the draft of the peace plan")
 * are merged into the proposal they refer to; an indefinite phrase with nothing specific ("a formal treaty")
 * is not a proposal.
 */
type Family =
  | 'measure'
  | 'plan'
  | 'deal'
  | 'guarantee'
  | 'termsheet'
  | 'ceasefire'
  | 'visit'
  | 'deadline'
  | 'sanction'
  | 'offer'
  | 'memorandum'
  | 'treaty'
  | 'summit'
  | 'exchange'
  | 'package'
  | 'talks'
  | 'meeting'
  | 'force'
  | 'body'
  | 'halt'
  | 'referendum'
  | 'action';

const HEADS: Record<string, Family> = {
  plan: 'plan',
  plans: 'plan',
  proposal: 'plan',
  proposals: 'plan',
  draft: 'plan',
  roadmap: 'plan',
  initiative: 'plan',
  formula: 'plan',
  blueprint: 'plan',
  deal: 'deal',
  deals: 'deal',
  contract: 'deal',
  acquisition: 'deal',
  takeover: 'deal',
  buyout: 'deal',
  merger: 'deal',
  venture: 'deal',
  sale: 'deal',
  investment: 'package',
  investments: 'package',
  pledges: 'plan',
  agreement: 'deal',
  agreements: 'deal',
  accord: 'deal',
  accords: 'deal',
  pact: 'deal',
  settlement: 'deal',
  framework: 'plan',
  guarantee: 'guarantee',
  guarantees: 'guarantee',
  backstop: 'guarantee',
  assurance: 'guarantee',
  assurances: 'guarantee',
  ceasefire: 'ceasefire',
  'cease-fire': 'ceasefire',
  truce: 'ceasefire',
  armistice: 'ceasefire',
  moratorium: 'ceasefire',
  visit: 'visit',
  trip: 'visit',
  deadline: 'deadline',
  ultimatum: 'deadline',
  extension: 'deadline',
  sanctions: 'sanction',
  intervention: 'sanction',
  relief: 'action',
  challenge: 'measure',
  demand: 'plan',
  demands: 'plan',
  request: 'plan',
  stay: 'halt',
  divestiture: 'deal',
  divestment: 'deal',
  measures: 'measure',
  timeline: 'deadline',
  approach: 'offer',
  offer: 'offer',
  memorandum: 'memorandum',
  treaty: 'treaty',
  summit: 'summit',
  resolution: 'measure',
  bill: 'measure',
  measure: 'measure',
  motion: 'measure',
  amendment: 'measure',
  exchange: 'exchange',
  swap: 'exchange',
  package: 'package',
  loan: 'package',
  talks: 'talks',
  consultations: 'talks',
  round: 'talks',
  meeting: 'meeting',
  conference: 'meeting',
  force: 'force',
  contingent: 'force',
  mission: 'force',
  centre: 'body',
  center: 'body',
  mechanism: 'body',
  corridor: 'body',
  corridors: 'body',
  zone: 'body',
  fund: 'body',
  scheme: 'body',
  programme: 'body',
  program: 'body',
  tax: 'body',
  levy: 'body',
  tariff: 'body',
  tariffs: 'body',
  clause: 'body',
  annex: 'body',
  reserve: 'body',
  consortium: 'body',
  pipeline: 'body',
  petition: 'body',
  facility: 'body',
  arrangement: 'plan',
  aid: 'package',
  pledge: 'plan',
  group: 'body',
  council: 'body',
  halt: 'halt',
  ban: 'halt',
  cap: 'halt',
  freeze: 'halt',
  pause: 'halt',
  embargo: 'halt',
  referendum: 'referendum',
  declaration: 'deal',
  partnership: 'deal',
  declarations: 'deal',
  protocol: 'deal',
  protocols: 'deal',
  release: 'action',
  withdrawal: 'action',
  lifting: 'action',
  dissolution: 'action',
  repatriation: 'action',
  cessation: 'action',
  removal: 'action',
  neutralization: 'action',
  neutralisation: 'action',
  abolition: 'action',
  disarmament: 'action',
  demobilization: 'action',
  demobilisation: 'action',
  reopening: 'action',
  resumption: 'action',
  recognition: 'action',
};
/**
 * An action named as a noun ("the release of 18 prisoners", "withdrawal from the group") is a proposal only in a
 * sentence about terms: one that puts something forward, or says what a deal holds or requires.
 */
const ACTION_CONTEXT =
  /\b(?:deal|agreement|accord|ceasefire|truce|conditions?|provid\w*|envisag\w*|commit\w*|undertak\w*|requir\w*|must|insist\w*|sign\w*|includ\w*|demand\w*|propos\w*|call(?:ed|s|ing)? for|agree\w*|offer\w*|urg\w*|seek\w*|sought)\b/i;
/** Heads of events and arrangements that are only a proposal when something names them ("direct talks with Moscow",
 * "a multinational force", "a ban on imports of …") and the sentence puts them forward. */
const EVENT_FAMILIES = new Set<Family>(['talks', 'meeting', 'summit']);
const NAMED_ONLY = new Set<Family>(['talks', 'meeting', 'force', 'body', 'halt', 'sanction']);
const PROPOSAL_CONTEXT =
  /\b(?:propos\w*|offer\w*|float\w*|suggest\w*|urg\w*|invit\w*|call(?:ed|s|ing)? for|press(?:ed|es|ing)? for|push\w*|ready to|would|will|could|should|due to|plan\w*|agree\w*|draft\w*|includ\w*|set up|host\w*|back(?:ed|s|ing)?|discuss\w*|consider\w*|demand\w*|seek\w*|sought|announc\w*|pledg\w*|unveil\w*|expected|possib\w*|prospect|return to|resume|open|request\w*|wants?|wanted|ask(?:s|ed)? for|threat\w*|impos\w*|reimpos\w*|trigger\w*|snap\s?back|intend\w*)\b/i;
const ACTION_VERBS = [
  'repatriate|exchange|swap|release|return|resume|reopen|extend|lift|cap|dismantle|deploy|withdraw|suspend',
  'freeze|split|impose|grant|restore|transfer|hand over|establish|create|set up|halt|end|cut|raise|expand',
  'host|provide|finance|fund|organi[sz]e',
].join('|');
const PROPOSING_VERB =
  /\b(?:agreed|agree|agrees|proposed|proposes|propose|offered|offers|offer|called|calls|pushed|pushing|urged|urges|plans?|planned|demand(?:ed|s)?|insisted|insists)/u
    .source;
const TO_OR_THAT = /(?:\s+in\s+principle)?(?:\s+that\s+(?:it|they|he|she|\p{Lu}\p{L}+)\s+|\s+(?:\w+\s+){0,2}to\s+)/u
  .source;
const ACTION_PHRASE = `((?:${ACTION_VERBS})${/\s+(?:(?:the|its|their|all|some|a|an|more)\s+)?/.source}(?:[^,.;:—–()“”"]|[.,](?=\\d))*?)`;
const PHRASE_END =
  /(?=\s+(?:which|that|but|though|although|while|because|unless|if|next|last|this|on|by|after|before|within|as|and\s+(?:to|would|will|said))\b|[,;:—–()“”"]|[.](?!\d)|$)/u
    .source;
const VERB_PROPOSAL = new RegExp(PROPOSING_VERB + TO_OR_THAT + ACTION_PHRASE + PHRASE_END, 'giu');
const OBJECT_PROPOSAL =
  /\b(?:proposed|proposes|proposing|demanded|demands|demanding|(?:called|calls|calling|pushed|pushing|pushes|pressed|pressing|presses)\s+for|floated\s+the\s+(?:idea|prospect)\s+of|suggested|suggesting|advocated|(?:discussed|discussing|considered|considering|explored|exploring)(?=\s+\p{Ll}+ing\s))\s+(?:instead\s+|also\s+|again\s+)?((?:(?:a|an|the|its|their|his|her)\s+)?(?:[^,.;:—–()]|[,.](?=\d))+?)(?=\s+(?:which|that|who|whose|but|though|although|while|because|unless|if|as|when|after|before|since|until|so|or|and\s+(?:said|says|added|told|warned|insisted|argued)|last|next|earlier|later|this\s+(?:week|month|year)|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b|[,.](?!\d)|[;:—–()]|$)/giu;
const NAMING_ADJECTIVES = new Set([
  'interim',
  'earlier',
  'previous',
  'initial',
  'original',
  'preliminary',
  'regional',
  'permanent',
  'comprehensive',
  'bilateral',
  'multilateral',
  'trilateral',
  'nuclear',
  'humanitarian',
  'territorial',
  'phased',
  'temporary',
  'partial',
  'provisional',
  'transitional',
]);
const LOOSE_HEADS = new Set([
  'fund',
  'scheme',
  'programme',
  'program',
  'tax',
  'levy',
  'tariff',
  'tariffs',
  'clause',
  'annex',
  'reserve',
  'consortium',
  'pipeline',
  'petition',
  'facility',
]);
const LOOSE_CONTEXT =
  /\b(?:propos\w*|float\w*|call(?:ed|s|ing)? for|push(?:ed|es|ing)? for|demand\w*|unveil\w*|present\w*|suggest\w*|offer\w*|reject\w*|would|plans? (?:for|to)|revive|idea|insist\w*)\b/i;
/** Heads that name something specific even without a modifier ("a ceasefire", "security guarantees"). */
const SPECIFIC = new Set<Family>(['ceasefire', 'guarantee', 'termsheet', 'memorandum', 'referendum']);
/** Heads that are containers: "the draft of the plan", "proposals for a ceasefire", "plans for X’s visit". */
const CONTAINERS = new Set([
  'demand',
  'demands',
  'request',
  'draft',
  'framework',
  'plans',
  'proposals',
  'proposal',
  'plan',
  'details',
  'terms',
  'text',
  'version',
  'outline',
]);
const DETS = new Set([
  'the',
  'this',
  'that',
  'these',
  'those',
  'its',
  'their',
  'his',
  'her',
  'our',
  'a',
  'an',
  'any',
  'no',
  'such',
  'another',
  'each',
]);
const DEFINITE = new Set(['the', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our']);
const COMPLEMENT_PREPS = new Set([
  'of',
  'for',
  'to',
  'on',
  'with',
  'between',
  'concerning',
  'regarding',
  'before',
  'by',
  'in',
  'over',
  'along',
  'led',
]);
const STOP_IN_COMPLEMENT = new Set([
  'worth',
  'valued',
  'valuing',
  'which',
  'that',
  'who',
  'whose',
  'and',
  'but',
  'or',
  'as',
  'while',
  'is',
  'was',
  'are',
  'were',
  'has',
  'have',
  'had',
  'will',
  'would',
  'could',
  'may',
  'might',
  'does',
  'did',
  'being',
  'been',
  'be',
  'if',
  'because',
  'although',
  'when',
]);
const INTENT = new Set([
  'objective',
  'goal',
  'push',
  'bid',
  'demand',
  'call',
  'effort',
  'efforts',
  'wish',
  'aim',
  'desire',
  'drive',
  'attempt',
  'insistence',
  'hope',
]);
const VERB_TAGS = new Set([
  'PastTense',
  'PresentTense',
  'Infinitive',
  'Gerund',
  'Modal',
  'Copula',
  'Auxiliary',
  'PhrasalVerb',
  'Verb',
  'Pronoun',
  'Preposition',
  'Conjunction',
  'Determiner',
  'QuestionWord',
]);

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
  /** an offer or demand stated as a number: the name it is known by ("12% quota share") */
  numberName?: string;
}

interface Proposal {
  family: Family;
  mentions: Mention[];
  mods: Set<string>;
  visitor?: Person;
  destination?: string;
  last: number;
  quotedName?: boolean;
  numberName?: string;
}

export function extractProposals(
  sentences: AnalyzedSentence[],
  people: PeopleResult,
  quotes: QuoteSpan[],
): ExtractedProposal[] {
  const all: Mention[] = [];
  for (const s of sentences) {
    if ((s.headline || s.bare) && !(leadLine(s, sentences) && !titleCased(s))) continue;
    all.push(...sentenceMentions(s, sentences, people, quotes).sort((a, b) => a.start - b.start));
  }
  const props = mergeMentions(all);
  // drop past treaties and agreements dated by a year ("the 1994 Budapest memorandum", "the 2015 nuclear deal");
  // meetings, rounds of talks and summits are events (see events.ts), never proposals
  const live = props.filter((p) => !EVENT_FAMILIES.has(p.family) && !p.mentions.some((m) => historic(m)));
  for (const p of live) if (p.quotedName && !p.numberName) addLaterUses(p, sentences);
  const statusOf = attributeStatuses(live, sentences);
  return live.map((p) => toProposal(p, statusOf));
}

/**
 * A name given in scare quotes once ("a “golden key”") is the same thing when the text uses it again without them:
 * those sentences are its evidence too.
 */
function addLaterUses(p: Proposal, sentences: AnalyzedSentence[]): void {
  const first = p.mentions[0];
  const keys = first.text.toLowerCase().split(/\s+/);
  for (const s of sentences) {
    if (p.mentions.some((m) => m.s === s.index) || s.headline) continue;
    const k = s.tokens.findIndex((_, i) => keys.every((w, n) => s.tokens[i + n]?.key === w));
    if (k < 0) continue;
    p.mentions.push({ ...first, s: s.index, start: k, end: k + keys.length, status: [], proposers: [] });
  }
  p.mentions.sort((a, b) => a.s - b.s);
}

/** The first line of some length: a headline, after a line or two of page furniture ("World", "News"). */
function leadLine(s: AnalyzedSentence, sentences: AnalyzedSentence[]): boolean {
  const long = (x: AnalyzedSentence) => x.tokens.filter((t) => t.kind === 'word').length >= 6;
  return s.index === 0 || (s.index <= 2 && long(s) && !sentences.slice(0, s.index).some(long));
}

/**
 * A headline in Title Case capitalises every word, so its nouns cannot be told from names; one in sentence case
 * ("US eases oil sanctions after election deal") reads like any sentence. Other short unpunctuated lines (captions,
 * bylines) name no proposal.
 */
function titleCased(s: AnalyzedSentence): boolean {
  const words = s.tokens.filter((t) => t.kind === 'word' && t.key.length > 3).slice(1);
  return words.filter((t) => t.cap).length * 2 >= words.length;
}

/**
 * Every way one sentence names a proposal: by its noun, as numbers, as a visit, as what a verb puts forward, in quotes.
 */
function sentenceMentions(
  s: AnalyzedSentence,
  sentences: AnalyzedSentence[],
  people: PeopleResult,
  quotes: QuoteSpan[],
): Mention[] {
  const found: Mention[] = [];
  for (let i = 0; i < s.tokens.length; i++) {
    const m = mentionAt(s, i, people, quotes);
    if (m) {
      found.push(m);
      i = m.end - 1;
    }
  }
  addNumberMentions(found, s, people);
  addVisitorMentions(found, s, people);
  addTravelMentions(found, s, sentences, people);
  addVerbStatedMentions(found, s, people);
  addObjectMentions(found, s, people);
  addQuotedNameMentions(found, s, quotes);
  return found;
}

function addVisitorMentions(found: Mention[], s: AnalyzedSentence, people: PeopleResult): void {
  // "X’s visit" and "X visiting Y": a person right before a travel gerund
  for (let k = 0; k < s.chunks.length; k++) {
    const c = s.chunks[k];
    if (c.type !== 'name') continue;
    const pid = people.byChunk.get(`${s.index}:${k}`);
    if (pid === undefined) continue;
    const t = s.tokens[c.end];
    if (t && !c.poss && /^(visiting|traveling|travelling)$/.test(t.key)) {
      const dest = destinationAfter(s, c.end + 1);
      if (dest)
        found.push({
          s: s.index,
          family: 'visit',
          head: 'visit',
          start: c.start,
          end: c.end + 1,
          mods: [],
          status: [],
          det: 'definite',
          owner: null,
          complement: `to ${dest}`,
          complementProper: true,
          text: `${c.text} ${t.text} ${dest}`,
          proposers: [],
          visitor: people.people[pid],
          destination: dest,
        });
    }
  }
}

function addTravelMentions(
  found: Mention[],
  s: AnalyzedSentence,
  sentences: AnalyzedSentence[],
  people: PeopleResult,
): void {
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
    // "He said he had offered to travel to Lomé": a pronoun subject is the person the previous sentence is about
    if (!visitor && s.tokens.slice(0, k).some((w) => /^(he|she)$/.test(w.key)) && s.index > 0) {
      visitor =
        subjectMention(s, people.byChunk, people.people) ??
        subjectMention(sentences[s.index - 1], people.byChunk, people.people) ??
        undefined;
    }
    if (!visitor) continue;
    if (found.some((m) => m.family === 'visit' && m.visitor === visitor)) continue;
    found.push({
      s: s.index,
      family: 'visit',
      head: 'visit',
      start: k,
      end: k + 1,
      mods: [],
      status: [],
      det: 'definite',
      owner: null,
      complement: `to ${dest}`,
      complementProper: true,
      text: `${t.text} ${dest}`,
      proposers: [],
      visitor,
      destination: dest,
    });
  }
}

function addVerbStatedMentions(found: Mention[], s: AnalyzedSentence, people: PeopleResult): void {
  // verb-stated proposals: "agreed in principle to return the remains of the dead", "a demand that it dismantle its
  // facilities"
  for (const hit of s.text.matchAll(VERB_PROPOSAL)) {
    const phrase = hit[1].replace(/[\s,]+$/, '');
    const words = phrase.split(/\s+/);
    if (words.length < 3 || words.length > 10) continue;
    // "offered to host a summit": the summit is the proposal, found by its noun
    if (/^(?:host|provide|finance|fund|organi[sz]e)$/i.test(words[0]) && headBeforePrep(words)) continue;
    const at = s.start + hit.index! + hit[0].length - hit[1].length;
    const k = s.tokens.findIndex((t) => t.start >= at);
    if (k < 0 || found.some((m) => m.start <= k && k < m.end)) continue;
    const proposers = partiesBeforeVerb(s, verbAt(s, hit.index!), people);
    found.push({
      s: s.index,
      family: 'plan',
      head: phrase,
      start: k,
      end: Math.min(s.tokens.length, k + words.length),
      mods: [],
      status: [],
      det: 'bare',
      owner: null,
      complement: '',
      complementProper: false,
      text: phrase,
      proposers,
      quotedName: true,
    } as Mention);
  }
}

function addObjectMentions(found: Mention[], s: AnalyzedSentence, people: PeopleResult): void {
  // a proposal stated as the object of a proposing verb: "proposed extending Article 5 protections to Norway",
  // "demanded the formal dissolution of the Contact Group", "proposed a prisoner exchange and the return of deported
  // children"
  for (const hit of s.text.matchAll(OBJECT_PROPOSAL)) {
    // "their demands are reasonable", "the demands as the plants sit idle": after a determiner the word is a noun
    if (/(?:\b(?:the|their|its|his|her|our|your|these|those|such|of)|[’']s)\s+$/i.test(s.text.slice(0, hit.index!)))
      continue;
    const whole = hit[1];
    let offset = s.start + hit.index! + hit[0].length - whole.length;
    for (const piece of whole.split(/(\s+and\s+(?=(?:the|a|an)\s))/i)) {
      const here = offset;
      offset += piece.length;
      if (/^\s+and\s+$/i.test(piece)) continue;
      const phrase = piece
        .replace(/^(?:(?:a|an|the|its|their|his|her)\s+)/i, '')
        .replace(/[“”"]/g, '')
        .replace(/[\s,]+$/, '')
        .trim();
      const words = phrase.split(/\s+/);
      if (words.length < 2 || words.length > 12) continue;
      if (
        /^(?:to|that|it|them|him|her|this|these|those|what|how|whether|instead|he|she|they|we|on|in|at|for|by|with|more|some|no)$/i.test(
          words[0],
        )
      )
        continue;
      if (COMPLEMENT_PREPS.has(words[words.length - 1].toLowerCase())) continue;
      // "demanded Norway give up …" is a clause, "called for an end to the war" names nothing
      if (
        /^\p{Lu}/u.test(words[0]) &&
        lexTags(words[1].toLowerCase()).some((x) => x === 'Infinitive' || x === 'PresentTense')
      )
        continue;
      if (/^end$/i.test(words[0])) continue;
      const at = here + (piece.length - piece.trimStart().length);
      const k = s.tokens.findIndex((t) => t.start >= at);
      if (k < 0) continue;
      const kEnd = s.tokens.findIndex((t) => t.start >= at + piece.trim().length);
      const end = kEnd < 0 ? s.tokens.length : kEnd;
      if (found.some((m) => m.start < end && k < m.end)) continue;
      const proposers = partiesBeforeVerb(s, verbAt(s, hit.index!), people);
      found.push({
        s: s.index,
        family: 'plan',
        head: phrase,
        start: k,
        end,
        mods: [],
        status: [],
        det: 'bare',
        owner: null,
        complement: '',
        complementProper: false,
        text: phrase,
        proposers,
        quotedName: true,
      } as Mention);
    }
  }
}

function addQuotedNameMentions(found: Mention[], s: AnalyzedSentence, quotes: QuoteSpan[]): void {
  // a proposal named in scare quotes: announced a “coalition of the willing”, the so-called “drone wall”
  for (const q of quotes) {
    if (q.textStart < s.start || q.textEnd > s.end) continue;
    // a closing period inside the quotes ("issued a “golden key.”") ends the sentence, not the name
    const text = q.text.replace(/(\p{Ll})\.$/u, '$1');
    const words = text.split(/\s+/);
    if (
      words.length < 2 ||
      words.length > 5 ||
      /[.!?,;:…]$/.test(text) ||
      !/^\p{Ll}/u.test(q.text) ||
      /^(a|an|the|to|in|on|at|very|not|if|and|but|every|any|without|with|for|from|by|of|into)$/i.test(words[0])
    )
      continue;
    const lead = s.text.slice(Math.max(0, q.open - s.start - 40), q.open - s.start);
    if (!/\b(?:a|an|the|so-called|of)\s+(?:[\p{L}-]+\s+){0,1}$/u.test(lead)) continue;
    if (
      !/\b(?:announc\w*|propos\w*|offer\w*|float\w*|discuss\w*|back(?:ed|s|ing)?|host\w*|turn\w*|creat\w*|set up|build\w*|call(?:ed|s)? for|unveil\w*|idea|plan|proposal|issu\w*|grant\w*)\b/i.test(
        s.text,
      )
    )
      continue;
    const k = s.tokens.findIndex((t) => t.start >= q.textStart);
    if (k < 0) continue;
    found.push({
      s: s.index,
      family: 'plan',
      head: text,
      start: k,
      end: k + words.length,
      mods: [],
      status: [],
      det: 'bare',
      owner: null,
      complement: '',
      complementProper: false,
      text,
      proposers: [],
      quotedName: true,
    } as Mention);
  }
}

/**
 * Mentions, in document order, merged into proposals: the same visitor, the same modifiers, or a nearby definite
 * reference.
 */
function mergeMentions(all: Mention[]): Proposal[] {
  const props: Proposal[] = [];
  for (const m0 of all) mergeMention(props, m0);
  return props;
}

function mergeMention(props: Proposal[], m0: Mention): void {
  const m = m0.inner ?? m0;
  // "the offer" refers to an offer, not to whatever deal came last
  const compatible = (p: Proposal) =>
    p.family === m.family ||
    (m.family !== 'offer' && isPlanLike(p.family) && isPlanLike(m.family) && !m0.inner && m.mods.length === 0);
  let target: Proposal | undefined;
  if (m.numberName) {
    mergeNumberMention(props, m);
    return;
  }
  if (m.quotedName) {
    const key = m.text.toLowerCase();
    if (props.some((p) => p.mentions.some((x) => x.text.toLowerCase().includes(key)))) return;
    props.push({ family: m.family, mentions: [m], mods: new Set(), last: m.s, quotedName: true });
    return;
  }
  if (m.family === 'visit') {
    target = props.find((p) => p.family === 'visit' && p.visitor && p.visitor === m.visitor);
    if (!target && !m.visitor && m.det === 'definite')
      target = [...props].reverse().find((p) => p.family === 'visit' && m.s - p.last <= 3);
    if (!target && !m.visitor && !m.complementProper) return;
  } else if (m.mods.length) {
    target = props.find(
      (p) =>
        p.family === m.family &&
        p.mods.size > 0 &&
        ([...m.mods].every((x) => p.mods.has(x)) || [...p.mods].every((x) => m.mods.includes(x))),
    );
  } else if (
    m.det === 'definite' ||
    (m.det === 'bare' && m.status.length) ||
    (m.det !== 'indefinite' && SPECIFIC.has(m.family))
  ) {
    // "the ministry’s plan to split the fund": a plan stated by what it would do is its own proposal
    const own =
      /^to\s+\S+\s+\S+/.test(m.complement) && !props.some((p) => p.mentions.some((x) => x.complement === m.complement));
    target = own ? undefined : [...props].reverse().find((p) => compatible(p) && !p.quotedName && m.s - p.last <= 8);
    if (!target && m.family === 'offer' && !m.complement && !m.status.length && !m.owner) return;
    if (!target && /^(?:demands?|request)$/.test(m.head) && !m.complement) return;
    if (!target && !m.complement && !SPECIFIC.has(m.family) && m.det !== 'definite') return;
  } else if (m.det === 'indefinite' && SPECIFIC.has(m.family)) {
    target = [...props].reverse().find((p) => p.family === m.family && m.s - p.last <= 3);
  } else if (
    !m.complementProper &&
    !SPECIFIC.has(m.family) &&
    !(NAMED_ONLY.has(m.family) && (m.mods.length || m.complement)) &&
    !(m.complement && m.status.some((w) => /^(proposed|planned|draft|new|potential|possible|tentative)$/.test(w))) &&
    !(m.head === 'package' && /^of\s/.test(m.complement)) &&
    !(m.family === 'measure' && m.complement) &&
    !/^(?:featuring|including|offering|proposing|giving|seeking)\s/.test(m.complement)
  ) {
    return;
  }
  if (!target) {
    if (
      !m.mods.length &&
      !m.complement &&
      !SPECIFIC.has(m.family) &&
      m.family !== 'visit' &&
      !m.owner &&
      m.det !== 'definite'
    )
      return;
    if (NAMED_ONLY.has(m.family) && !m.mods.length && !m.complement) return;
    props.push((target = { family: m.family, mentions: [], mods: new Set(), last: m.s }));
  }
  target.mentions.push(m);
  if (m0.inner) target.mentions.push({ ...m0, inner: undefined, mods: [], family: m.family });
  for (const x of m.mods) target.mods.add(x);
  target.last = m.s;
  if (m.visitor) target.visitor ??= m.visitor;
  if (m.destination) target.destination ??= m.destination;
}

/** Offers and demands stated as numbers ("a 12% quota share") replace the noun-headed mentions found inside them. */
function addNumberMentions(found: Mention[], s: AnalyzedSentence, people: PeopleResult): void {
  for (const n of numberMentions(s, people)) {
    for (let j = found.length - 1; j >= 0; j--)
      if (found[j].start < n.end && n.start < found[j].end) found.splice(j, 1);
    found.push({
      s: s.index,
      family: 'offer',
      head: n.text,
      start: n.start,
      end: n.end,
      mods: [],
      status: n.status,
      det: 'bare',
      owner: null,
      complement: '',
      complementProper: false,
      text: n.text,
      proposers: n.proposers,
      quotedName: true,
      numberName: n.key,
    });
  }
}

/** A numeric offer joins the proposal of the same name ("the 12% quota share offer" is the "12% quota share"). */
function mergeNumberMention(props: Proposal[], m: Mention): void {
  const key = m.numberName!.toLowerCase();
  const same = props.find(
    (p) => p.numberName?.toLowerCase() === key || p.mentions.some((x) => x.text.toLowerCase() === key),
  );
  if (same) {
    same.mentions.push(m);
    same.last = m.s;
  } else
    props.push({
      family: m.family,
      mentions: [m],
      mods: new Set(),
      last: m.s,
      quotedName: true,
      numberName: m.numberName,
    });
}

/** A proposal head in an object phrase before its first preposition: "host a follow-up meeting of …". */
function headBeforePrep(words: string[]): boolean {
  for (const w of words.slice(1)) {
    const key = w.toLowerCase();
    if (COMPLEMENT_PREPS.has(key)) return false;
    if (HEADS[key]) return true;
  }
  return false;
}

const YEAR = /^(?:1[89]|20)\d\d$/;
function historic(m: Mention): boolean {
  if (
    !['deal', 'treaty', 'memorandum', 'plan', 'ceasefire', 'summit', 'talks', 'meeting', 'exchange'].includes(m.family)
  )
    return false;
  return m.mods.some((x) => YEAR.test(x)) || /^(?:of|in)\s+(?:1[89]|20)\d\d$/.test(m.complement);
}

/** Status phrases of a sentence go to the proposal mention they are about: the nearest one, the one before for a
 * passive or relative clause ("the leaked proposal, which was confirmed by …", "a fund, which the council rejected").
 * */
function attributeStatuses(props: Proposal[], sentences: AnalyzedSentence[]): Map<Mention, string[]> {
  const out = new Map<Mention, string[]>();
  const bySentence = new Map<number, Mention[]>();
  for (const p of props)
    for (const m of p.mentions) if (!m.inner) (bySentence.get(m.s) ?? bySentence.set(m.s, []).get(m.s)!).push(m);
  for (const [si, ms] of bySentence) {
    const s = sentences[si];
    const span = (m: Mention) => [
      s.tokens[Math.min(m.start, s.tokens.length - 1)].start - s.start,
      s.tokens[Math.min(m.end, s.tokens.length) - 1].end - s.start,
    ];
    const covered: Array<[number, number]> = [];
    for (const [re, word] of STATUS_PATTERNS) {
      const g = new RegExp(re.source, 'gi');
      for (const hit of s.text.matchAll(g)) {
        const a = hit.index!;
        const b = a + hit[0].length;
        if (covered.some(([x, y]) => a >= x && b <= y)) continue;
        covered.push([a, b]);
        const before = s.text.slice(Math.max(0, a - 24), a);
        const passive = /\b(?:was|were|been|be|is|are|being|had|has|have)\s+(?:\w+ly\s+|not\s+)?$/i.test(before);
        let best: Mention | null = null;
        let bestD = Infinity;
        for (const m of ms) {
          const [x, y] = span(m);
          if (x <= a && b <= y) {
            best = m;
            break;
          }
          let d = y <= a ? a - y : (x - b) * (passive ? 4 : 1);
          // "X, which the city council rejected"
          if (y <= a && /\b(?:which|that)\b/i.test(s.text.slice(y, a))) d *= 0.5;
          if (d < bestD) {
            bestD = d;
            best = m;
          }
        }
        if (best) (out.get(best) ?? out.set(best, []).get(best)!).push(word);
      }
    }
  }
  return out;
}

const isPlanLike = (f: Family) => f === 'plan' || f === 'deal' || f === 'offer' || f === 'package';

function toProposal(p: Proposal, statusOf: Map<Mention, string[]>): ExtractedProposal {
  const evidence = [...new Set(p.mentions.map((m) => m.s))].sort((a, b) => a - b);
  const texts = [...new Set(p.mentions.map((m) => m.text))];
  let name: string;
  if (p.family === 'visit' && p.visitor) {
    const surname = p.visitor.aliases.find((a) => !a.includes(' ')) ?? p.visitor.name;
    name = p.destination ? `${surname} visit to ${p.destination}` : `${surname} visit`;
  } else if (p.numberName) {
    name = p.numberName;
  } else if (p.quotedName) {
    name = p.mentions[0].text;
  } else {
    // the most specific mention: most modifiers, then a proper-noun complement
    const best =
      [...p.mentions]
        .filter((m) => !m.inner)
        .sort((a, b) => b.mods.length - a.mods.length || Number(b.complementProper) - Number(a.complementProper))[0] ??
      p.mentions[0];
    // "counter-tariffs": a compound head keeps its hyphen
    name = [...best.mods, best.head].join(' ').replace(/^(counter|re) (?=\S+$)/, '$1-');
    // "the government’s latest offer": a bare head is known by the words the text gives it
    if (!best.mods.length && !best.complement && /[’']s\s/.test(best.text)) name = best.text;
    const fromWhom = /^from\s/.test(best.complement);
    if (
      (!best.mods.length || best.complementProper || fromWhom) &&
      best.complement &&
      best.complement.split(' ').length <= 8
    )
      name = `${name} ${best.complement}`;
  }
  name = name.replace(/(\d) (st|nd|rd|th)\b/g, '$1$2');
  const aliases = texts
    .map((t) => t.replace(/(\d) (st|nd|rd|th)\b/g, '$1$2'))
    .filter((t) => t.toLowerCase() !== name.toLowerCase());
  const status = new Set<string>();
  const proposers = new Set<string>();
  for (const m of p.mentions) {
    for (const w of m.status) status.add(w);
    for (const x of m.proposers) proposers.add(x);
    for (const w of statusOf.get(m) ?? []) status.add(w);
  }
  // a status inside a longer one says nothing more ("confirmed" in "no confirmed plans")
  const words = [...status];
  const kept = words.filter(
    (w) =>
      !words.some(
        (x) => x !== w && new RegExp(`(?:^|\\s)${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:\\s|$)`).test(x),
      ),
  );
  return { name, aliases, proposedBy: [...proposers], status: kept.length ? kept.join('; ') : null, evidence };
}

/** Status phrases; a negation stays with its status word ("no confirmed plans", "not agreed"). Longer first. */
const STATUS_PATTERNS: Array<[RegExp, string]> = [
  [/\bno\s+confirmed\s+plans\b/i, 'no confirmed plans'],
  [/\bno\s+confirmed\s+backers\b/i, 'no confirmed backers'],
  [/\bagreed\s+(?:to\s+\w+\s+)?in\s+principle\b|\bin\s+principle\b/i, 'agreed in principle'],
  [/\b(?:has|have|had)\s+not\s+(?:yet\s+)?agreed\b|\bnot\s+agreed\b/i, 'not agreed'],
  [/\b(?:has|have|had)\s+not\s+(?:yet\s+)?(?:been\s+)?(?:answered|approved|signed)\b/i, 'not answered'],
  [/\brejected?\b|\brejects\b|\bturned\s+down\b|\bvoted\s+down\b/i, 'rejected'],
  [/\baccepted\b|\baccepts\b/i, 'accepted'],
  [/\bapproved\b|\bapproves\b|\bpassed\b|\bendorsed\b/i, 'approved'],
  [/\bpostponed\b|\bdelayed\b|\bput\s+off\b|\bpushed\s+back\b/i, 'postponed'],
  [/\bshelved\b|\bshelving\b|\bdropped\b|\bscrapped\b|\babandoned\b|\bleft\s+out\b/i, 'shelved'],
  [/\bdismissed\b/i, 'dismissed'],
  [/\bvetoed\b/i, 'vetoed'],
  [/\bas\s+flexible\b|\bflexible\b/i, 'flexible'],
  [/\bconfirmed\s+by\b/i, 'confirmed'],
  [/\bsigned\b/i, 'signed'],
  [/\bunder\s+discussion\b|\bdiscussing\b/i, 'under discussion'],
  [/\bon\s+the\s+table\b/i, 'on the table'],
];

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

const FINITE = new Set([
  'PastTense',
  'PresentTense',
  'Modal',
  'Copula',
  'Auxiliary',
  'Pronoun',
  'Conjunction',
  'QuestionWord',
]);
function isFiniteVerb(t: Token): boolean {
  if (STATUS_WORDS.has(t.key)) return false;
  return lexTags(t.key).some((x) => FINITE.has(x));
}

function isVerbish(t: Token): boolean {
  if (STATUS_WORDS.has(t.key)) return false;
  return lexTags(t.key).some((x) => VERB_TAGS.has(x));
}

interface HeadAt {
  family: Family;
  head: string;
  end: number;
  compound: boolean;
}

/** The proposal noun at token i, if any: "plan", "term sheet", "counter-proposal". */
function headAt(s: AnalyzedSentence, i: number): HeadAt | null {
  const { tokens } = s;
  const t = tokens[i];
  if (t.kind !== 'word') return null;
  if (t.key === 'term' && /^sheets?$/.test(tokens[i + 1]?.key ?? ''))
    return { family: 'termsheet', head: `term ${tokens[i + 1].text.toLowerCase()}`, end: i + 2, compound: false };
  if (t.key === 'holding' && tokens[i + 1]?.key === 'company' && PROPOSAL_CONTEXT.test(s.text))
    return { family: 'deal', head: 'holding company', end: i + 2, compound: false };
  const family = HEADS[t.key] ?? (/^(counter|re)-/.test(t.key) ? HEADS[t.key.replace(/^[a-z]+-/, '')] : undefined);
  if (!family) return null;
  const compound = !HEADS[t.key] && /^(counter|re)-/.test(t.key);
  return { family, head: compound ? t.key.replace(/^[a-z]+-/, '') : t.text.toLowerCase(), end: i + 1, compound };
}

/**
 * Uses of a proposal noun that are not a proposal: a verb ("plans to"), a modifier of another head, a kind that needs
 * context.
 */
function notAProposal(s: AnalyzedSentence, i: number, h: HeadAt): boolean {
  return notAProposalHere(s, i, h) || isVerbOrPreposition(s.tokens, i, h.end) || notOfItsFamily(s.tokens, i, h);
}

/** The sentence or the chunk around the head rules it out. */
function notAProposalHere(s: AnalyzedSentence, i: number, { family, end, compound }: HeadAt): boolean {
  const { tokens } = s;
  const t = tokens[i];
  // "counter-tariffs", "counter-sanctions": an answer to another's measure is put forward by being named
  if (NAMED_ONLY.has(family) && !PROPOSAL_CONTEXT.test(s.text) && !(compound && /^counter-/.test(t.key))) return true;
  if (family === 'action' && !(tokens[end] && /^(of|from)$/.test(tokens[end].key) && ACTION_CONTEXT.test(s.text)))
    return true;
  // funds, taxes, schemes, pipelines …: only when the sentence puts one forward or turns it down
  if (LOOSE_HEADS.has(t.key) && !LOOSE_CONTEXT.test(s.text)) return true;
  if (family === 'meeting' && (/^(news|press)$/.test(prev0(tokens, i)) || t.key !== tokens[i].key)) return true;
  // a head that modifies another head: "ceasefire proposal", "peace deal plan"
  if (end < tokens.length && HEADS[tokens[end].key] && !tokens[end - 1].poss && tokens[end].kind === 'word')
    return true;
  // inside a person's name or a capitalised organisation? ("Budapest Memorandum" is fine)
  const ci = s.chunkAt[i];
  if (ci >= 0 && s.chunks[ci].type !== 'name') return true;
  if (
    ci >= 0 &&
    s.chunks[ci].type === 'name' &&
    (s.chunks[ci] as { headKind?: string }).headKind &&
    NAMED_ONLY.has(family)
  )
    return true;
  return false;
}

/** verbs: "plans to", "to visit", "will offer", "deal with" */
function isVerbOrPreposition(tokens: Token[], i: number, end: number): boolean {
  const t = tokens[i];
  const prev = tokens[i - 1];
  const next = tokens[end];
  if (
    prev &&
    (prev.key === 'to' || /^(will|would|could|can|should|might|must|may|not|they|we|he|she|i|you)$/.test(prev.key))
  )
    return true;
  if (
    next &&
    next.key === 'to' &&
    /^(plan|plans|offer|offers|visit|visits|deal)$/.test(t.key) &&
    !(prev && (DETS.has(prev.key) || prev.poss || STATUS_WORDS.has(prev.key) || prev.kind === 'num')) &&
    !determinedNoun(tokens, i)
  )
    return true;
  // "to deal with", "they deal with" (a verb) but not "a takeover deal with X", "the deal with X"
  if (next && next.key === 'with' && t.key === 'deal' && !determinedNoun(tokens, i) && !prev?.poss) return true;
  // "the union demands a raise": a verb; "the union's demands", "a request for" are nouns
  if (
    /^(?:demand|demands|request)$/.test(t.key) &&
    !(prev && (DETS.has(prev.key) || prev.poss || STATUS_WORDS.has(prev.key))) &&
    !/^(?:for|that|of)$/.test(next?.key ?? '')
  )
    return true;
  return false;
}

/** "a tentative trade deal to …": a determiner two or three words back, over modifiers, makes the head a noun. */
function determinedNoun(tokens: Token[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    const t = tokens[k];
    if (t.kind !== 'word') return false;
    if (DETS.has(t.key) || t.poss) return true;
    if (isFiniteVerb(t) && !STATUS_WORDS.has(t.key)) return false;
  }
  return false;
}

/** Heads that are proposals only with certain neighbours: "prisoner exchange", "a state visit", "peace treaty". */
function notOfItsFamily(tokens: Token[], i: number, { family, end }: HeadAt): boolean {
  const t = tokens[i];
  const prev = tokens[i - 1];
  const next = tokens[end];
  if (
    family === 'visit' &&
    !(
      prev &&
      (DETS.has(prev.key) ||
        prev.poss ||
        STATUS_WORDS.has(prev.key) ||
        /^(state|official|planned|potential|possible|first|rare|surprise)$/.test(prev.key))
    ) &&
    !(next && /^(to|of)$/.test(next.key))
  )
    return true;
  const ofWhat = next?.key === 'of' ? tokens.slice(end + 1, end + 5).map((w) => w.key) : [];
  if (
    family === 'exchange' &&
    !(prev && /^(prisoner|prisoners|pow|body|bodies)$/.test(prev.key)) &&
    !ofWhat.some((w) => /^(prisoners|detainees|pows|bodies|captives|hostages)$/.test(w))
  )
    return true;
  if (family === 'halt' && !(next && /^(on|to|of)$/.test(next.key))) return true;
  if (family === 'talks' && t.key === 'round' && !(next?.key === 'of')) return true;
  if (
    family === 'treaty' &&
    !(
      prev &&
      /^(peace|new|proposed|draft|security|bilateral|formal|binding)$/.test(prev.key) &&
      !(prev.key === 'formal' && tokens[i - 2]?.key === 'a')
    )
  )
    return true;
  if (family === 'measure' && !measureNamed(tokens, i, end)) return true;
  if ((t.key === 'extension' || t.key === 'timeline') && !spanNamed(tokens, i, end)) return true;
  if (t.key === 'approach' && !takeoverApproach(tokens, i, end)) return true;
  // "economic sanctions", "sanctions against the regime", "a military intervention": named by kind or target
  if (family === 'sanction' && !sanctionNamed(tokens, i, end)) return true;
  return notOfItsBodyFamily(tokens, i, family, end, ofWhat);
}

/**
 * A bill, motion, resolution or amendment is a proposal when something names it: a noun before it ("an impeachment
 * motion", "the immigration bill"), a definite reference, or what it would do ("a bill to raise …", "a resolution
 * calling for …", "a motion against …").
 */
/** "a 30-day extension", "a 45-day timeline", "an extension of the contract", "an extension to 9 January". */
function spanNamed(tokens: Token[], i: number, end: number): boolean {
  const prev = tokens[i - 1];
  if (
    prev &&
    (prev.kind === 'num' ||
      /^\d|-(?:day|week|month|year|hour)s?$|^(?:second|third|further|short|brief)$/.test(prev.key))
  )
    return true;
  return /^(?:of|to|through|until|till)$/.test(tokens[end]?.key ?? '');
}

function sanctionNamed(tokens: Token[], i: number, end: number): boolean {
  const prev = tokens[i - 1];
  if (tokens[i].key === 'intervention') return prev?.key === 'military';
  if (/^(?:against|on)$/.test(tokens[end]?.key ?? '')) return true;
  return (
    !!prev && /^(?:economic|financial|new|fresh|further|tougher|sweeping|secondary|targeted|trade)$/.test(prev.key)
  );
}

/** An approach is a bid: "a fresh approach for Acme", "the third approach", "Acme’s approaches". */
function takeoverApproach(tokens: Token[], i: number, end: number): boolean {
  const prev = tokens[i - 1];
  const next = tokens[end];
  if (next?.key === 'for' && tokens[end + 1]?.cap) return true;
  if (!prev) return false;
  // "an approach to the problem" is a way of doing things; "the third approach to be rejected" a bid
  const after = tokens[end + 1];
  if (next?.key === 'to' && !(after && /^(?:be|buy|acquire|take|merge)$/.test(after.key))) return false;
  return /^(?:fresh|second|third|fourth|fifth|sixth|latest|improved|sweetened|revised|takeover|unsolicited|hostile)$/.test(
    prev.key,
  );
}

const FROM_FAMILIES = new Set<Family>(['guarantee', 'package', 'offer', 'deal']);

const MEASURE_PARTICIPLES =
  /^(?:calling|condemning|requiring|demanding|urging|banning|granting|allowing|barring|limiting|capping|setting)$/;

function measureNamed(tokens: Token[], i: number, end: number): boolean {
  const prev = tokens[i - 1];
  const next = tokens[end];
  if (!prev) return false;
  if (tokens[i].key === 'challenge' && !/^(?:court|legal|constitutional|judicial)$/.test(prev.key))
    return /^(?:to|against)$/.test(next?.key ?? '');
  if (prev.cap || DEFINITE.has(prev.key)) return true;
  const modifier = !isVerbish(prev) || /ing$/.test(prev.key);
  if (prev.kind === 'word' && !DETS.has(prev.key) && modifier && !/^(?:a|an|no|any|every)$/.test(prev.key)) return true;
  if (!next) return false;
  const after = tokens[end + 1];
  if (next.key === 'to' && after?.kind === 'word' && !after.cap && !DETS.has(after.key)) return true;
  return next.key === 'against' || next.key === 'on' || MEASURE_PARTICIPLES.test(next.key);
}

/** Councils, groups and packages that are only sometimes what was proposed. */
function notOfItsBodyFamily(tokens: Token[], i: number, family: Family, end: number, ofWhat: string[]): boolean {
  const t = tokens[i];
  const prev = tokens[i - 1];
  const next = tokens[end];
  // "a joint venture"; "a joint holding company" (headAt) is one only where the sentence puts it forward
  if (t.key === 'venture' && prev?.key !== 'joint') return true;
  // "a working group on …", "a contact group"; "a joint defence council" (not "Security Council" or "city council")
  if (t.key === 'group' && !/^(working|contact)$/.test(prev?.key ?? '')) return true;
  if (
    t.key === 'council' &&
    !(prev && !prev.cap && /^(defence|defense|security|advisory|coordination|cooperation|peace)$/.test(prev.key))
  )
    return true;
  if (
    family === 'package' &&
    !(t.key === 'package' && next?.key === 'of') &&
    !(
      prev &&
      /^(aid|sanctions|military|security|financial|reparations|support)$/.test(prev.key) &&
      !(t.key === 'aid' && prev.key === 'aid')
    ) &&
    !ofWhat.some((w) => /^(sanctions|aid|measures|support)$/.test(w))
  )
    return true;
  return false;
}

interface LeftSide {
  mods: string[];
  status: string[];
  owner: Mention['owner'];
  proposers: string[];
  /** The token before the phrase: its determiner, if any. */
  k: number;
}

/** The modifiers left of the head: naming words, status words, countries (proposers), a possessive owner. */
function leftModifiers(s: AnalyzedSentence, i: number, family: Family, people: PeopleResult): LeftSide {
  const { tokens } = s;
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
      ({ owner, k } = possessiveOwner(s, k, people));
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
    const before = tokens[k - 1];
    // "the fishing agreement", "a mining deal": a gerund between a determiner and the head names its kind
    const kindGerund =
      k === i - 1 &&
      /ing$/.test(w.key) &&
      !w.cap &&
      ((!!before && (DETS.has(before.key) || before.poss)) || NOUN_GERUNDS.has(w.key));
    const role = kindGerund ? 'mod' : leftWordRole(w, k === i - 1, family);
    if (role === 'stop') break;
    if (role === 'status') status.unshift(w.key);
    // graded adjectives ("a more equitable agreement") do not name anything
    else if (role === 'grade') status.push(...mods.splice(0).map((x) => x.toLowerCase()));
    else mods.unshift(w.text);
    k--;
  }
  return { mods, status, owner, proposers, k };
}

/** "Moscow's plan", "the envoy's draft": who owns the proposal, and where the words left of it end. */
function possessiveOwner(s: AnalyzedSentence, k: number, people: PeopleResult): { owner: Mention['owner']; k: number } {
  const chunkIdx = s.chunkAt[k];
  const c = chunkIdx >= 0 ? s.chunks[chunkIdx] : null;
  let owner: Mention['owner'] = null;
  if (c && c.type === 'name') {
    const pid = people.byChunk.get(`${s.index}:${chunkIdx}`);
    if (pid !== undefined) owner = { person: people.people[pid] };
  } else if (c && c.type === 'gaz' && (c.entry.type === 'country' || c.entry.type === 'org'))
    owner = { party: c.entry.type === 'country' ? c.entry.country.name : c.entry.org.name };
  return { owner, k: c ? c.start - 1 : k - 1 };
}

/** Gerunds that name a kind of thing ("financing assurances", "a lending programme"), not an action. */
const NOUN_GERUNDS = new Set(
  (
    'financing funding lending borrowing housing spending pricing trading licensing sharing fishing mining shipping ' +
    'banking bargaining peacekeeping monitoring training operating marketing polling voting building planning bidding'
  ).split(' '),
);

const QUANTIFIERS =
  /^(?:all|both|each|every|any|some|several|many|few|further|other|two|three|four|five|six|seven|eight|nine|ten)$/;

const SETTING_VERBS =
  /^(host|hosting|open|opening|hold|holding|resume|start|launch|begin|convene|attend|join|facilitate|discuss|create|set|build|send|deploy)$/;

/** What a word left of a proposal head is to it: a status, a naming modifier, a grading word, or where it stops. */
function leftWordRole(w: Token, nextToHead: boolean, family: Family): 'stop' | 'status' | 'mod' | 'grade' {
  // "all three proposals", "further proposals": how many, not which
  if (QUANTIFIERS.test(w.key)) return 'stop';
  if (STATUS_WORDS.has(w.key)) return 'status';
  // "the bloc threatened economic sanctions": a past verb two words off ends the phrase
  if (!nextToHead && /\p{Ll}ed$/u.test(w.text) && !NAMING_ADJECTIVES.has(w.key)) return 'stop';
  if (w.kind === 'num' || /^[\d]/.test(w.text)) return 'mod';
  if (/^(more|most|less|very|so|too|also)$/.test(w.key)) return 'grade';
  if (SETTING_VERBS.test(w.key)) return 'stop';
  // "peacekeeping contingent", "monitoring mechanism", "parallel conference"
  if (NAMED_ONLY.has(family) && nextToHead && (/ing$/.test(w.key) || lexTags(w.key).includes('Adjective')) && !w.cap)
    return 'mod';
  if (isVerbish(w) || /^(such|not)$/.test(w.key)) return 'stop';
  if (/(?:ly)$/.test(w.key) && w.key.length > 4) return 'stop';
  // adjectives that only grade ("formal", "equitable") are not naming modifiers; some name a kind ("interim
  // arrangement")
  if (NAMING_ADJECTIVES.has(w.key)) return 'mod';
  if (
    lexTags(w.key).some((x) => x === 'Adjective' || x === 'Comparative' || x === 'Superlative') &&
    !w.cap &&
    !(NAMED_ONLY.has(family) && !/^(tense|long|short|good|bad|big|small|last|first|second|third)$/.test(w.key))
  )
    return 'status';
  return 'mod';
}

interface RightSide {
  complement: string;
  complementProper: boolean;
  inner: Mention | undefined;
  visitor: Person | undefined;
  destination: string | undefined;
  e: number;
}

/**
 * What the head is of, for, on or to ("plan for a ceasefire in X", "visit to Y"), and an inner proposal it contains.
 */
function rightComplement(
  s: AnalyzedSentence,
  i: number,
  { family, end }: HeadAt,
  people: PeopleResult,
  quotes: QuoteSpan[],
): RightSide {
  const { tokens } = s;
  const t = tokens[i];
  const next = tokens[end];
  const none: RightSide = {
    complement: '',
    complementProper: false,
    inner: undefined,
    visitor: undefined,
    destination: undefined,
    e: end,
  };
  const infinitive =
    next?.key === 'to' &&
    /^(plan|proposal|proposals|offer|initiative|deal|agreement|bid|push|pledge|bill|motion|measure|resolution)$/.test(
      t.key,
    ) &&
    tokens[end + 1] &&
    (isVerbish(tokens[end + 1]) || (HEADS[t.key] === 'measure' && !DETS.has(tokens[end + 1].key)));
  // "a resolution condemning the strikes", "a bill banning …": what a measure would do
  const participle =
    !!next &&
    ((family === 'measure' && MEASURE_PARTICIPLES.test(next.key)) ||
      (CONTAINERS.has(t.key) && /^(?:featuring|including|offering|proposing|giving|seeking)$/.test(next.key)));
  // "assurances from official creditors", "a loan from the fund", "the latest offer from the government"
  const source =
    (next?.key === 'from' && FROM_FAMILIES.has(family)) || (next?.key === 'against' && family === 'sanction');
  if (!(next && (COMPLEMENT_PREPS.has(next.key) || infinitive || participle || source))) return none;
  const { parts, m } = complementWords(tokens, end, Boolean(infinitive));
  const inner =
    (next.key === 'of' || next.key === 'for') && CONTAINERS.has(t.key)
      ? innerProposal(s, end, m, people, quotes)
      : undefined;
  const side: RightSide = { ...none, inner, ...complementOf(tokens, end, m, parts) };
  if (family === 'visit') Object.assign(side, visitorAndDestination(s, end, m, people));
  return side;
}

/** The words after the head's preposition (or infinitive), up to a clause break, a date or a verb. */
function complementWords(tokens: Token[], end: number, infinitive: boolean): { parts: string[]; m: number } {
  const next = tokens[end];
  let m = end + 1;
  if (infinitive) m++;
  const parts: string[] = infinitive ? [next.text, tokens[end + 1].text] : [next.text];
  while (m < tokens.length && m < end + 8) {
    const w = tokens[m];
    if (w.kind === 'punct' && !/[“”"‘’-]/.test(w.text)) break;
    // "a treaty between X and Y": between takes its two sides
    const secondSide = w.key === 'and' && next.key === 'between' && !parts.includes('and');
    if (w.kind === 'word' && STOP_IN_COMPLEMENT.has(w.key) && !secondSide) break;
    // "the shelter plan on Tuesday": a date is when, not what
    if (
      w.kind === 'word' &&
      (isMonth(w.text) || isWeekday(w.text) || /^(?:today|yesterday|tomorrow|tonight|last|next)$/.test(w.key))
    ) {
      // "a deadline of 1 August": the date it is of is what it is; "the plan on 3 May": when
      const day = parts.length > 1 && /^\d{1,2}$/.test(parts[parts.length - 1]);
      if (day && parts[parts.length - 2] === 'of' && isMonth(w.text)) {
        parts.push(w.text);
        m++;
        break;
      }
      if (day) parts.pop();
      if (parts.length && /^(?:on|in|by|before|at)$/i.test(parts[parts.length - 1])) parts.pop();
      break;
    }
    // a word right after the preposition is its object even when it could be a verb ("a ban on imports")
    if (
      w.kind === 'word' &&
      !HEADS[w.key] &&
      isFiniteVerb(w) &&
      !DETS.has(w.key) &&
      !COMPLEMENT_PREPS.has(w.key) &&
      !w.cap &&
      w.key !== 'to' &&
      !(m === end + 1 && next.key !== 'to' && !lexTags(w.key).some((x) => /Pronoun|Copula|Modal|Auxiliary/.test(x))) &&
      !(m > end + 1 && tokens[m - 1].cap && /ed$/.test(w.key) && tokens[m + 1]?.kind === 'word' && !tokens[m + 1].cap)
    )
      break;
    if (w.kind !== 'punct') parts.push(w.text + (w.poss ? '’s' : ''));
    m++;
  }
  return { parts, m };
}

/** An inner proposal: "draft of the peace plan", "proposals for a ceasefire in the north", "plans for the
 * president’s visit". */
function innerProposal(
  s: AnalyzedSentence,
  end: number,
  m: number,
  people: PeopleResult,
  quotes: QuoteSpan[],
): Mention | undefined {
  const { tokens } = s;
  for (let q = end + 1; q < m; q++) {
    const named = HEADS[tokens[q].key] || (tokens[q].key === 'term' && tokens[q + 1]?.key === 'sheet');
    const im = named ? mentionAt(s, q, people, quotes) : null;
    if (im) return im;
  }
  return undefined;
}

/** The complement as text, when there is more than the preposition and it is not a span of time. */
function complementOf(tokens: Token[], end: number, m: number, parts: string[]): Partial<RightSide> {
  if (parts.length <= 1) return {};
  // a complement cut off by the length limit does not end on a preposition ("… to 5 percent of")
  while (parts.length > 2 && DANGLING.has(parts[parts.length - 1].toLowerCase())) parts.pop();
  const complement = parts.join(' ').replace(/\s+’s/g, '’s');
  // "stall the deal for years": a span of time is not what the proposal is about
  if (SPAN_OF_TIME.test(complement)) return {};
  const proper = tokens.slice(end + 1, m).filter((w) => w.cap || w.kind === 'num');
  return { complement, complementProper: proper.length > 0, e: m };
}

/** Words a complement cut off by the length limit must not end on ("… during the", "… a blast near"). */
const DANGLING = new Set([
  ...COMPLEMENT_PREPS,
  ...'the a an its their his her this that and or near against during from into over with by at as'.split(' '),
]);

const SPAN_OF_TIME =
  /^(?:for|in|over)\s+(?:(?:many|several|a\s+few|the\s+coming)\s+)?(?:years|months|weeks|days|decades|now)$/i;

/** A visit's visitor (a known person after the head) and destination (a country not after "of"). */
function visitorAndDestination(s: AnalyzedSentence, end: number, m: number, people: PeopleResult): Partial<RightSide> {
  const { tokens } = s;
  let visitor: Person | undefined;
  let destination: string | undefined;
  for (let q = end + 1; q < m; q++) {
    const cidx = s.chunkAt[q];
    if (cidx < 0) continue;
    for (let z = 0; z < s.chunks.length; z++) {
      const c = s.chunks[z];
      if (c.type === 'name' && c.start <= q && q < c.end && people.byChunk.has(`${s.index}:${z}`) && !visitor)
        visitor = people.people[people.byChunk.get(`${s.index}:${z}`)!];
    }
    const c = s.chunks[cidx];
    if (c.type === 'gaz' && c.entry.type === 'country' && tokens[q - 1]?.key !== 'of')
      destination ??= c.entry.country.name;
  }
  return { visitor, destination };
}

/**
 * Talks, meetings, forces and bodies named only as a setting ("at a meeting", "after days of talks") are no proposal.
 */
function namedOnlySetting(
  s: AnalyzedSentence,
  k: number,
  m: { family: Family; mods: string[]; det: Mention['det']; prev: string },
): boolean {
  const { tokens } = s;
  const { family, mods, det } = m;
  // a past event is a setting, not a proposal: "at a Paris meeting", "during the talks"
  if (
    /^(at|during|after|since|following|from)$/.test(
      tokens[k]?.key === undefined ? '' : DETS.has(tokens[k].key) ? (tokens[k - 1]?.key ?? '') : tokens[k].key,
    )
  )
    return true;
  // "after three days of talks in Riyadh": a stretch of past talks is a setting too
  if (tokens[k]?.key === 'of' && /^(?:hours|days|weeks|months|years)$/.test(tokens[k - 1]?.key ?? '')) return true;
  if ((family === 'force' || family === 'body') && !mods.length) return true;
  if (family === 'body' && mods.every((x) => /^\p{Lu}/u.test(x))) return true;
  // "meeting with X" after a conjunction or a preposition is a verb
  return (
    family === 'meeting' &&
    !mods.length &&
    det === 'bare' &&
    /^(or|and|after|before|while|by|for|of|in|on|without|when|since)$/.test(m.prev)
  );
}

function mentionAt(s: AnalyzedSentence, i: number, people: PeopleResult, quotes: QuoteSpan[]): Mention | null {
  const { tokens } = s;
  const t = tokens[i];
  const h = headAt(s, i);
  if (!h || notAProposal(s, i, h)) return null;
  const { family, head, compound } = h;
  const { mods, status, owner, proposers, k } = leftModifiers(s, i, family, people);
  const detTok = tokens[k];
  let det: Mention['det'] = 'bare';
  if (owner) det = 'definite';
  else if (detTok && DETS.has(detTok.key))
    det = DEFINITE.has(detTok.key) ? 'definite' : detTok.key === 'no' ? 'definite' : 'indefinite';
  // "no confirmed plans": the negation stays with its status word
  if (detTok?.key === 'no') {
    if (status.length) status.splice(0, status.length, `no ${status.join(' ')} ${head}`.trim());
    else status.unshift(`no ${head}`);
  }
  // scare-quoted term: "a “term sheet”"
  const quoted = quotes.some(
    (q) => q.kind !== 'speech' && q.textStart <= t.start && tokens[h.end - 1].end <= q.textEnd + 1,
  );
  const r = rightComplement(s, i, h, people, quotes);
  const { inner, e } = r;
  let { complement, visitor } = r;
  if (family === 'visit' && owner?.person) visitor = owner.person;
  // who put it forward: possessive owner, "by X", the subject of a proposing verb, "X’s objective to secure …"
  if (owner?.party && family !== 'visit') proposers.push(owner.party);
  if (owner?.person && family !== 'visit') proposers.push(owner.person.name);
  const startTok = Math.max(0, k + 1);
  proposers.push(...proposersBefore(s, startTok, people));
  if (family !== 'visit') proposers.push(...proposersAfter(s, e, people));
  const text = tokens
    .slice(startTok, e)
    .filter((w) => !(w.kind === 'punct' && /[“”"‘’]/.test(w.text)))
    .map((w) => w.text + (w.poss ? '’s' : ''))
    .join(' ')
    .replace(/\s+([,.])/g, '$1');
  if (quoted && family !== 'termsheet' && !mods.length && !complement) return null;
  if (NAMED_ONLY.has(family) && !(compound && /^counter-/.test(t.key))) {
    if (/^by\b/.test(complement)) complement = '';
    if (namedOnlySetting(s, k, { family, mods, det, prev: tokens[i - 1]?.key ?? '' })) return null;
  }
  if (compound) mods.push(t.key.replace(/-.*$/, ''));
  const { complementProper, destination } = r;
  return {
    s: s.index,
    family,
    head,
    start: startTok,
    end: e,
    mods,
    status,
    det,
    owner,
    complement,
    complementProper,
    text,
    proposers: [...new Set(proposers)],
    visitor,
    destination,
    inner,
  };
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
  // "Lindqvist and Moreau have been working on a term sheet"
  let v = -1;
  for (let k = start - 1; k >= 0 && start - k <= 3; k--) {
    if (tokens[k].kind === 'punct' && !/[“”"‘’]/.test(tokens[k].text)) break;
    if (PROPOSE_VERBS.has(tokens[k].key) && !HEADS[tokens[k].key] && !DETS.has(tokens[k - 1]?.key ?? '')) {
      v = k;
      break;
    }
  }
  return v < 0 ? [] : partiesBeforeVerb(s, v, people);
}

/** The subject of the verb at v: people, else a country or an organisation ("The Unity Party proposed …"). */
function partiesBeforeVerb(s: AnalyzedSentence, v: number, people: PeopleResult): string[] {
  const { tokens } = s;
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
    if (
      !out.length &&
      c.type === 'gaz' &&
      (c.entry.type === 'country' || c.entry.type === 'demonym') &&
      !tokens[c.end - 1].poss
    ) {
      out.unshift(c.entry.country.name);
      break;
    }
    const org = out.length || tokens[c.end - 1].poss ? null : orgOfChunk(c);
    if (org && c.end >= v - 2) {
      out.unshift(org);
      break;
    }
    k = c.start;
  }
  if (!out.length) out.push(...subjectWithAppositives(s, v, people));
  return out;
}

function orgOfChunk(c: AnalyzedSentence['chunks'][number]): string | null {
  if (c.type === 'gaz' && c.entry.type === 'org') return c.entry.org.name;
  if (c.type === 'org' || (c.type === 'name' && c.headKind === 'org')) return c.text;
  return null;
}

/**
 * "Erik Lindqvist, the premier’s son-in-law, and special envoy Anne Moreau, have been working on …": a subject
 * whose appositives end in a comma right before the verb. Its people are the names before the verb, back to the
 * start of the clause, that are neither possessives ("Trump’s") nor inside a complement.
 */
function subjectWithAppositives(s: AnalyzedSentence, v: number, people: PeopleResult): string[] {
  const { tokens } = s;
  let k = v - 1;
  while (k >= 0 && AUX.test(tokens[k].key)) k--;
  if (k < 0 || tokens[k].text !== ',') return [];
  let from = 0;
  for (let j = k - 1; j >= 0; j--) {
    if (
      tokens[j].text === ';' ||
      /^(that|which|while|although|though|because|after|before|when|as|but)$/.test(tokens[j].key)
    ) {
      from = j + 1;
      break;
    }
  }
  const out: string[] = [];
  s.chunks.forEach((n, z) => {
    if (n.type !== 'name' || n.start < from || n.end > k || n.poss || n.inComplement) return;
    const pid = people.byChunk.get(`${s.index}:${z}`);
    if (pid !== undefined && !out.includes(people.people[pid].name)) out.push(people.people[pid].name);
  });
  return out.length <= 3 ? out : [];
}

const AFTER_VERBS =
  /^(working|worked|drafting|drafted|drew|drawn|draw|preparing|prepared|proposed|proposing|floated|devised|designed|developed|wrote|written|writing|crafted|crafting|tabled|submitted|unveiled|championed|backed|put)$/;
const AUX =
  /^(have|has|had|been|were|was|are|is|be|already|jointly|first|originally|reportedly|also|recently|quietly)$/;

/** Who is named after the proposal: "the term sheet that Lindqvist and Moreau have been working on",
 * "a reserve, proposed by von der Leyen", "The proposal, drafted by Egypt and Qatar". */
function proposersAfter(s: AnalyzedSentence, e: number, people: PeopleResult): string[] {
  const { tokens } = s;
  let k = e;
  if (isCommaTok(tokens[k])) k++;
  while (tokens[k] && AUX.test(tokens[k].key)) k++;
  // passive: "proposed by X", "drawn up by X"
  if (tokens[k] && AFTER_VERBS.test(tokens[k].key)) {
    let q = k + 1;
    if (/^(up|forward|out)$/.test(tokens[q]?.key ?? '')) q++;
    if (tokens[q]?.key === 'by') return partiesAt(s, q + 1, people);
    return [];
  }
  // relative clause: "that/which X (and Y) have been working on"
  if (!/^(that|which)$/.test(tokens[k]?.key ?? '')) return [];
  const who = partiesAt(s, k + 1, people);
  if (!who.length) return [];
  let q = k + 1;
  while (
    q < tokens.length &&
    q < k + 12 &&
    !(tokens[q].kind === 'word' && (AUX.test(tokens[q].key) || AFTER_VERBS.test(tokens[q].key)))
  )
    q++;
  while (tokens[q] && AUX.test(tokens[q].key)) q++;
  return tokens[q] && AFTER_VERBS.test(tokens[q].key) ? who : [];
}

const isCommaTok = (t: Token | undefined) => !!t && t.kind === 'punct' && t.text === ',';

/** People, countries and organisations listed from token k on ("Lindqvist and Moreau", "Egypt and Qatar"). */
function partiesAt(s: AnalyzedSentence, k: number, people: PeopleResult): string[] {
  const out: string[] = [];
  const { tokens } = s;
  while (k < tokens.length) {
    if (tokens[k].key === 'the') k++;
    const ci = s.chunkAt[k];
    const c = ci >= 0 ? s.chunks[ci] : null;
    if (!c || c.start !== k) break;
    const pid = people.byChunk.get(`${s.index}:${ci}`);
    if (c.type === 'name' && pid !== undefined) out.push(people.people[pid].name);
    else if (c.type === 'gaz' && (c.entry.type === 'country' || c.entry.type === 'demonym'))
      out.push(c.entry.country.name);
    else if (c.type === 'gaz' && c.entry.type === 'org') out.push(c.entry.org.name);
    else if (c.type === 'org' || (c.type === 'name' && c.headKind === 'org')) out.push(c.text);
    else if (c.type === 'title') {
      // "proposed by Mayor X"
      k = c.end;
      continue;
    } else break;
    k = c.end;
    if (tokens[k]?.key === 'and' || isCommaTok(tokens[k])) k++;
    else break;
    if (tokens[k]?.key === 'and') k++;
  }
  return out;
}

function prev0(tokens: Token[], i: number): string {
  return tokens[i - 1]?.key ?? '';
}

/** The token at a character offset of the sentence's text: the verb a pattern matched on. */
function verbAt(s: AnalyzedSentence, offset: number): number {
  const k = s.tokens.findIndex((t) => t.start >= s.start + offset);
  return k < 0 ? 0 : k;
}
