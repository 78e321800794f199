import type { AnalyzedSentence } from './chunks.ts';
import type { PeopleResult } from './people.ts';

/**
 * Offers and demands stated as money or numbers: "offered a 12% quota share", "set a $40 billion a year goal",
 * "demanded a 60-day pause", "floated tariffs cut to 15%", "the $90 billion demand". A number alone is not an
 * offer ("prices rose 12%", "3,000 people marched"): the phrase must be the object of a proposing verb or be
 * headed by an offer / demand / goal noun.
 */
export interface NumberMention {
  /** token span in the sentence */
  start: number;
  end: number;
  /** the phrase as written, without its determiner ("12% quota share offer") */
  text: string;
  /** the name it is known by: the phrase without a trailing offer / proposal noun ("12% quota share") */
  key: string;
  status: string[];
  proposers: string[];
}

const NUM = String.raw`\d[\d,]*(?:\.\d+)?`;
const SCALE = String.raw`(?:\s+(?:million|billion|trillion|bn|mn)|(?:bn|mn|m|b)\b)?`;
/** "$", "US$", "GBP ", "EUR": a currency before the amount */
const CURRENCY = String.raw`(?:(?:US|A|C|NZ|HK|S)?[$€£¥]\s?|(?:GBP|USD|EUR|JPY|CHF|CNY|INR|CAD|AUD)\s?)`;
const AMOUNT = [
  String.raw`${CURRENCY}${NUM}${SCALE}`,
  String.raw`${NUM}${SCALE}\s+(?:dollars|euros|pounds|yen|yuan)`,
  String.raw`${NUM}\s?(?:%|percent\b|per\s+cent\b)`,
  String.raw`${NUM}-(?:day|week|month|year|hour|minute)s?\b`,
]
  .join('|')
  .replace(/^/, '(?:')
  .concat(')');
/** "a year", "per month" right after an amount belongs to it: "$40 billion a year goal" */
const RATE = String.raw`(?:\s+(?:a|an|per)\s+(?:year|month|week|day|head|person|barrel|tonne|ton|share|unit))?`;
/** up to four noun words after the amount */
const NOUNS =
  /(?:\s+(?:cash\s+and\s+)?(?!(?:a|an|the|of|for|to|in|on|at|by|with|from|over|under|into|and|or|but|was|were|is|are|be|been|has|have|had|will|would|could|should|may|might|which|that|who|as|than|last|next|this|since|until|after|before|per|earlier|later|today|yesterday|again)\b)[\p{Ll}][\p{Ll}-]*){0,4}/u
    .source;
/** "tariffs cut to 15%", "the retirement age raised to 67" */
const CHANGED =
  /(?:(?!(?:offered|proposed|floated|suggested|demanded|sought|set|rejected|accepted|agreed|backed)\s)[\p{Ll}][\p{Ll}-]*\s+){1,2}(?:cut|raised|lowered|reduced|capped|limited|increased|lifted|set|fixed|frozen)\s+(?:to|at|by)\s+/u
    .source;
const DET = String.raw`(?:(?:a|an|the|its|their|his|her|this|that)\s+)?`;
const PHRASE = new RegExp(
  String.raw`(?<![\w$€£¥])(?<!\b(?:US|A|C|NZ|HK|S))(?:${DET})((?:${CHANGED})?(?:${AMOUNT})${RATE}${NOUNS})`,
  'giu',
);

/** Verbs that put the phrase after them forward, with the status they give it. */
const VERBS: Array<[RegExp, string, boolean]> = [
  [/^(?:offered|offers|offer|offering)$/, 'offered', true],
  [
    /^(?:proposed|proposes|propose|proposing|floated|floats|float|suggested|suggests|tabled|tables|unveiled|unveils|put forward|puts forward)$/,
    'proposed',
    true,
  ],
  [
    /^(?:demanded|demands|demand|demanding|wants|want|wanted|sought|seeks|seek|called for|calls for|pushed for|pushes for|pressed for|insisted on)$/,
    'demanded',
    true,
  ],
  [/^(?:set|sets|setting|adopted|adopts)$/, 'set', true],
  [
    /^(?:pledged|pledges|promised|promises|committed to|commits to|committed itself to|committed themselves to)$/,
    'pledged',
    true,
  ],
  [/^(?:asked for|asks for|asking for)$/, 'demanded', true],
  [/^(?:threatened|threatens|threatening)$/, 'threatened', true],
  [/^(?:announced|announces)$/, 'announced', true],
  [/^(?:imposed|imposes|impose)$/, 'imposed', true],
  [/^(?:rejected|rejects|reject|refused|refuses|turned down)$/, 'rejected', false],
  [/^(?:dismissed|dismisses)$/, 'dismissed', false],
  [/^(?:accepted|accepts|accept)$/, 'accepted', false],
  [/^(?:agreed|agrees|agreed to|agrees to|endorsed|backed)$/, 'agreed', false],
  [/^(?:approved|approves)$/, 'approved', false],
];
/** Heads that make a numeric phrase an offer or a demand without a verb ("the creditors' $90 billion demand"). */
const OFFER_HEADS =
  /^(?:offer|offers|counteroffer|counter-offer|demand|demands|proposal|proposals|bid|goal|target|pledge|request|ultimatum|plan|package|deal|compromise|settlement|quota|cap|ceiling|fund|loan|programme|program|moratorium|pause|freeze|cut|cuts|tax|levy|tariff|tariffs|duty|duties|subsidy|grant|raise|increase|hike|bonus|reduction|investment|investments|purchase|purchases|commitment|sale|acquisition|takeover|buyout|threat)$/;
const TAX_WORDS = /\b(?:tariffs?|duty|duties|tax|taxes|levy|levies)\b/i;
/** Heads whose scope follows them: "a 15% tariff on imported cars", "a 20% levy on sugar". */
const SCOPED_HEADS = /^(?:tax|levy|tariff|tariffs|duty|duties|quota|cap|ban)$/;
/** " on imported cars and trucks": up to five words of a scope, to a clause break or a preposition. */
const SCOPE =
  /^\s+on\s+((?:(?!(?:to|from|for|in|into|by|that|which|while|when|as|but|if|unless|since|after|before|will|would|was|were|is|are)\b)[\p{L}’'-]+\s*){1,5})/u;
/**
 * A trailing container noun that the rest of the phrase already names: "12% quota share offer" is "12% quota share".
 */
const CONTAINER = /^(?:offer|offers|proposal|proposals|demand|demands|plan|idea)$/;
const CHANGED_AT_START = new RegExp(`^${CHANGED}`, 'iu');
/** a verb right before the phrase (and its determiner) */
const VERB_WORDS = VERBS.map(([re]) => re.source.slice(4, -2)).join('|');
/** "offered a …", "offered Iceland a …", "offered them a …" */
const VERB_BEFORE = new RegExp(
  String.raw`\b(${VERB_WORDS})\s+(?:(?:them|him|her|us|it|\p{Lu}[\p{L}-]+)\s+){0,2}$`,
  'u',
);
/** "… was offered by Norway", "… were rejected" */
const VERB_AFTER = new RegExp(
  String.raw`^\s+(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?(${VERB_WORDS})\b(\s+by\s+)?`,
  'iu',
);

/** "… that Dravia imposed", "… he had threatened" */
const RELATIVE_AFTER = new RegExp(
  String.raw`^\s+(?:that|which)?\s*(?:(\p{Lu}[\p{L}-]+)|he|she|it|they)\s+(?:had\s+|has\s+)?(${VERB_WORDS})\b`,
  'u',
);

interface Verb {
  status: string;
  /** the verb puts the phrase forward (not only answers it) */
  forward: boolean;
  proposers: string[];
}

/** The verb that governs the phrase: before it, or a passive after it ("was offered by Norway"). */
function governingVerb(s: AnalyzedSentence, from: number, to: number, people: PeopleResult): Verb | undefined {
  const lookup = (word: string) => VERBS.find(([re]) => re.test(word.toLowerCase().replace(/\s+/g, ' ')));
  const v = VERB_BEFORE.exec(s.text.slice(0, from));
  const before = v ? lookup(v[1]) : undefined;
  if (v && before)
    return {
      status: before[1],
      forward: before[2],
      proposers: before[2] ? subjectBefore(s, s.start + v.index, people) : [],
    };
  // "the 20% rate that Dravia imposed", "the 30% rate he threatened"
  const rel = RELATIVE_AFTER.exec(s.text.slice(to));
  const relVerb = rel ? lookup(rel[2]) : undefined;
  if (rel && relVerb) {
    const by = rel[1] ? partyStartingAt(s, s.start + to + rel[0].indexOf(rel[1]), people) : [];
    return { status: relVerb[1], forward: relVerb[2], proposers: relVerb[2] ? by : [] };
  }
  const p = VERB_AFTER.exec(s.text.slice(to));
  const after = p ? lookup(p[1]) : undefined;
  if (!p || !after) return undefined;
  const by = after[2] && p[2] ? partyStartingAt(s, s.start + to + p[0].length, people) : [];
  return { status: after[1], forward: after[2], proposers: by };
}

export function numberMentions(s: AnalyzedSentence, people: PeopleResult): NumberMention[] {
  const out: NumberMention[] = [];
  for (const hit of s.text.matchAll(PHRASE)) {
    const text = toLastHead(hit[1].replace(/\s+$/, ''));
    const words = text.split(/\s+/);
    const head = words[words.length - 1].toLowerCase();
    const from = hit.index! + hit[0].length - hit[1].length;
    const verb = governingVerb(s, hit.index!, from + text.length, people);
    const hasNoun = endsInNoun(text);
    // "the 20% rate": a rate is a tariff's or a tax's in a sentence about them
    const headed = OFFER_HEADS.test(head) || (head === 'rate' && TAX_WORDS.test(s.text));
    // a verb that only answers ("rejected", "agreed") needs an offer noun or a stated change; one that puts
    // something forward needs a noun after the number
    const changed = CHANGED_AT_START.test(text);
    if (!headed && !(verb && (changed || (verb.forward && hasNoun)))) continue;
    const at = s.start + from;
    const start = s.tokens.findIndex((t) => t.start >= at);
    if (start < 0) continue;
    const stop = s.tokens.findIndex((t) => t.start >= at + text.length);
    const end = stop < 0 ? s.tokens.length : stop;
    const rest = words.slice(0, -1).join(' ');
    const key = CONTAINER.test(head) && endsInNoun(rest) ? rest : text;
    const proposers = verb?.forward ? verb.proposers : possessor(s, start, people);
    const scope = SCOPED_HEADS.test(head) ? SCOPE.exec(s.text.slice(from + text.length)) : null;
    const scoped = scope ? `${text} on ${scope[1].trim().replace(/\s+(?:and|or|the|a|an)$/, '')}` : text;
    const scopeEnd = scope ? s.tokens.findIndex((t) => t.start >= at + scoped.length) : end;
    out.push({
      start,
      end: scopeEnd < 0 ? s.tokens.length : scopeEnd,
      text: scoped,
      key,
      status: verb ? [verb.status] : [],
      proposers,
    });
  }
  for (const m of amountPhrases(s, people)) if (!out.some((o) => o.start < m.end && m.start < o.end)) out.push(m);
  return out;
}

/** What money is put into: "$40 billion in new investments", "$9bn (£7bn) of energy purchases". */
const MONEY_HEADS = String.raw`(?:investments?|purchases?|loans?|counter-tariffs)`;
const MONEY = String.raw`[$€£¥]\s?${NUM}(?:\s*(?:million|billion|trillion)\b|\s?(?:bn|mn)\b)?`;
const AMOUNT_OF = new RegExp(
  String.raw`(?<![\w$€£¥])(${MONEY})(?:\s*\([^)]{1,24}\))?\s+(?:in|of)\s+((?:[\p{L}.’'-]+\s+){0,3}?)(${MONEY_HEADS})\b`,
  'gu',
);
/** "the investment in the plant will total $40 billion": a proposal noun and the sum it comes to. */
const SUM_VERB = String.raw`(?:total|totals|totaling|totalling|be worth|is worth|worth|come to|amount to)`;
const SUM_OF = new RegExp(
  String.raw`\b(investments?|purchases?|offer|bid|package|aid|commitment|pledge)\b((?:\s+[\p{L}’'-]+){0,5}?)` +
    String.raw`\s+(?:will|would)?\s*${SUM_VERB}\s+(?:(?:about|approximately|roughly|nearly|some)\s+)?(${MONEY})`,
  'giu',
);

function amountPhrases(s: AnalyzedSentence, people: PeopleResult): NumberMention[] {
  const out: NumberMention[] = [];
  const push = (from: number, to: number, text: string, key: string) => {
    const start = s.tokens.findIndex((t) => t.start >= s.start + from);
    const stop = s.tokens.findIndex((t) => t.start >= s.start + to);
    if (start < 0) return;
    const verb = governingVerb(s, from, to, people);
    const proposers = verb?.forward ? verb.proposers : possessor(s, start, people);
    out.push({
      start,
      end: stop < 0 ? s.tokens.length : stop,
      text,
      key,
      status: verb ? [verb.status] : [],
      proposers,
    });
  };
  for (const m of s.text.matchAll(AMOUNT_OF)) {
    const text = m[0].replace(/\s*\([^)]*\)/, '');
    push(m.index!, m.index! + m[0].length, text, text);
  }
  for (const m of s.text.matchAll(SUM_OF)) {
    const head = m[1].toLowerCase();
    push(m.index!, m.index! + m[0].length, m[0], `${m[3]} ${head}`);
  }
  return out;
}

/** "a £30bn cash and shares offer tabled": a participle after the offer noun is not part of its name. */
function toLastHead(text: string): string {
  const words = text.split(/\s+/);
  let n = words.length;
  while (n > 2 && /\p{Ll}ed$/u.test(words[n - 1]) && !OFFER_HEADS.test(words[n - 1].toLowerCase())) n--;
  return n < words.length && OFFER_HEADS.test(words[n - 1].toLowerCase()) ? words.slice(0, n).join(' ') : text;
}

/** The phrase goes on past its amount to a noun ("12% quota share", not "$90 billion" or "15 per cent"). */
function endsInNoun(text: string): boolean {
  return (
    /\p{Ll}{2,}$/u.test(text) &&
    !/(?:percent|cent|dollars|euros|pounds|yen|yuan|million|billion|trillion|bn|mn|year|month|week|day|head|person|barrel|tonne|ton)$/iu.test(
      text,
    )
  );
}

/** The named subject right before the verb at character offset `at`: a person, country, organisation or a city
 * standing for its government ("Brussels floated …"). */
function subjectBefore(s: AnalyzedSentence, at: number, people: PeopleResult): string[] {
  let v = s.tokens.findIndex((t) => t.start >= at);
  if (v < 0) return [];
  while (
    v > 0 &&
    /^(?:has|have|had|also|again|reportedly|already|formally|publicly|then|now|instead)$/.test(s.tokens[v - 1].key)
  )
    v--;
  return partyEndingAt(s, v, people);
}

/** "Norway’s 12% offer": the possessor right before the phrase. */
function possessor(s: AnalyzedSentence, start: number, people: PeopleResult): string[] {
  let k = start;
  if (k > 0 && /^(?:a|an|the)$/.test(s.tokens[k - 1].key)) k--;
  return k > 0 && s.tokens[k - 1].poss ? partyEndingAt(s, k, people) : [];
}

function partyStartingAt(s: AnalyzedSentence, at: number, people: PeopleResult): string[] {
  let k = s.tokens.findIndex((t) => t.start >= at);
  if (k < 0) return [];
  if (s.tokens[k].key === 'the') k++;
  const ci = s.chunkAt[k];
  const c = ci !== undefined && ci >= 0 ? s.chunks[ci] : undefined;
  return c && c.start === k ? partyEndingAt(s, c.end, people) : [];
}

function partyEndingAt(s: AnalyzedSentence, end: number, people: PeopleResult): string[] {
  const ci = s.chunkAt[end - 1];
  if (ci === undefined || ci < 0) return [];
  const c = s.chunks[ci];
  if (c.end !== end) return [];
  const pid = people.byChunk.get(`${s.index}:${ci}`);
  if (c.type === 'name' && pid !== undefined) return [people.people[pid].name];
  if (c.type === 'org' || (c.type === 'name' && c.headKind === 'org')) return [c.text];
  if (c.type !== 'gaz') return [];
  const e = c.entry;
  if (e.type === 'country' || e.type === 'demonym') return [e.country.name];
  if (e.type === 'org') return [e.org.name];
  if (e.type === 'place') return [e.name];
  return [];
}
