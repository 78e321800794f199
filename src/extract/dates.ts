// Kept over plain chrono-node: of 104 bare weekdays in dated fixtures the two disagree on 6; in the 68 sentences
// with no future word ours puts all 68 on or before the publication date, plain chrono 62.
import * as chrono from 'chrono-node';
import type { ExtractedDate, DatePrecision } from './contract.ts';
import type { AnalyzedSentence } from './chunks.ts';

/**
 * Dates: chrono-node against the document's publication date. A bare weekday ("on Saturday") in news is
 * nearly always the past one, so a refiner moves it back a week when chrono picked a future day and the
 * sentence does not speak of the future. With no publication date, only dates that carry their own year get
 * an ISO value; relative ones ("on Saturday", "last month") keep their text with `iso: null`.
 */
export const FUTURE =
  /\b(?:will|would|'ll|shall|next|upcoming|scheduled|expected|plans?\s+to|planning|is\s+to|are\s+to|set\s+to|due|slated|coming)\b/i;
const DATEISH =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:yesterday|today|tomorrow|tonight|week|month|year|ago|last|next|this|earlier|later)\b|\b(?:1[89]|20)\d\d\b|\d{1,2}\/\d{1,2}/i;

const BARE_WEEKDAY = /^(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day[,.]?$/i;

const parser = chrono.casual.clone();
parser.refiners.push({
  refine: (context, results) => {
    for (const r of results) {
      const text = r.text.trim();
      if (!BARE_WEEKDAY.test(text)) continue;
      const ref = context.reference.instant;
      const d = r.start.date();
      const sentence = context.text;
      if (d.getTime() > ref.getTime() + 12 * 3600 * 1000 && !FUTURE.test(sentence)) {
        const back = new Date(d.getTime() - 7 * 24 * 3600 * 1000);
        r.start.assign('day', back.getUTCDate());
        r.start.assign('month', back.getUTCMonth() + 1);
        r.start.assign('year', back.getUTCFullYear());
      }
    }
    return results;
  },
});

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * With no publication date, the year a document is written in: the latest year its own full dates give
 * ("18 June 2026", "June 18, 2026", "June 2026"). Then "September 20" is dated in that year; a bare weekday or
 * "last month" still is not. Years named alone ("the 2019 protests", "by 2030") say nothing of when it was written.
 */
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const FULL_DATE = new RegExp(
  `\\b(?:\\d{1,2}\\s+${MONTH}|${MONTH}\\s+(?:\\d{1,2}(?:st|nd|rd|th)?,?\\s+)?)((?:19|20)\\d\\d)\\b`,
  'gi',
);

/** "September 20", "in June": a month by name, not counted from the publication date ("last month"). */
const namesItsMonth = (text: string) =>
  new RegExp(`\\b${MONTH}\\b`, 'i').test(text) && !/\b(?:last|next|this|coming|past)\b/i.test(text);

function inferredYear(sentences: AnalyzedSentence[]): number | null {
  let best: number | null = null;
  for (const s of sentences) for (const m of s.text.matchAll(FULL_DATE)) best = Math.max(best ?? 0, Number(m[1]));
  return best;
}

/** FULL_DATE without its global flag, for a plain test (a global regex carries lastIndex between calls). */
const HAS_FULL_DATE = new RegExp(FULL_DATE.source, 'i');
/** How many opening sentences may hold the article's own date line ("Published: 28 February 2023", a byline). */
const DATE_LINE_SENTENCES = 4;
/** A date line is short: a sentence of news that names a full date is about something else. */
const DATE_LINE_CHARS = 90;

/** The article’s own date when its text prints one near the top ("Tuesday, February 28, 2023", a dated byline). */
function printedPublication(sentences: AnalyzedSentence[]): string | null {
  for (const s of sentences.slice(0, DATE_LINE_SENTENCES)) {
    const line = /^(?:published|updated|posted|first published)\b/i.test(s.text) || s.text.length <= DATE_LINE_CHARS;
    if (!line || !HAS_FULL_DATE.test(s.text)) continue;
    const [r] = chrono.parse(s.text, new Date(Date.UTC(2000, 0, 1, 12)), { forwardDate: false });
    if (r?.start.isCertain('day') && r.start.isCertain('year')) {
      const d = r.start.date();
      return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    }
  }
  return null;
}

export function extractDates(sentences: AnalyzedSentence[], given: string | null): ExtractedDate[] {
  const publishedAt = given ?? printedPublication(sentences);
  const out: ExtractedDate[] = [];
  const year = publishedAt ? null : inferredYear(sentences);
  const ref = publishedAt
    ? new Date(`${publishedAt}T12:00:00Z`)
    : year
      ? new Date(Date.UTC(year, 6, 1, 12))
      : new Date(Date.UTC(2000, 0, 1, 12));
  for (const s of sentences) {
    if (!DATEISH.test(s.text) || s.text.length > 2000) continue;
    let results: chrono.ParsedResult[];
    try {
      results = parser.parse(s.text, { instant: ref, timezone: 0 }, { forwardDate: false });
    } catch {
      continue;
    }
    for (const r of results) {
      const c = r.start;
      const raw = r.text.replace(/[,.]$/, '').replace(/^(?:on|in|at|by)\s+/i, '');
      if (/^\d{1,2}$/.test(raw) || /^\d{1,2}:\d\d$/.test(raw) || raw.length < 3) continue;
      // "a march of thousands", "may": a month is written with its capital
      if (/^(?:march|may|august)$/.test(raw)) continue;
      // "a day earlier than first reported": an offset from something, not a date
      if (
        RELATIVE_OFFSET.test(raw) ||
        /^for\s+(?:a|an|one|two|three|four|five|six|several|\d+)\b/i.test(raw) ||
        /^now$/i.test(raw)
      )
        continue;
      const certain = (k: 'day' | 'month' | 'year' | 'weekday') => c.isCertain(k);
      let precision: DatePrecision | null =
        certain('day') || certain('weekday') ? 'day' : certain('month') ? 'month' : certain('year') ? 'year' : null;
      if (/\bweek\b/i.test(raw)) precision = null;
      if (/\b(?:month)\b/i.test(raw)) precision = 'month';
      if (/\b(?:year)\b/i.test(raw)) precision = 'year';
      const d = c.date();
      const y = year !== null && !certain('year') ? year : d.getUTCFullYear();
      let iso: string | null = null;
      const absolute = (certain('year') && /\b\d{4}\b/.test(r.text)) || (year !== null && namesItsMonth(r.text));
      if (publishedAt || absolute) {
        if (precision === 'day') iso = `${y}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
        else if (precision === 'month') iso = `${y}-${pad(d.getUTCMonth() + 1)}`;
        else if (precision === 'year') iso = `${y}`;
      }
      if (!publishedAt && !absolute) iso = null;
      out.push({ text: raw, iso, precision, what: whatOf(s.text, r.index, r.text), sentence: s.index });
    }
    // bare years chrono does not read: "the 1994 Budapest memorandum", "in 2022"
    for (const m of s.text.matchAll(
      /\b(?:in|since|of|the|by|until|from)\s+((?:1[89]|20)\d\d)\b(?![-–]\d|\s*(?:%|percent|people|troops|soldiers))/g,
    )) {
      const at = m.index! + m[0].length - m[1].length;
      if (out.some((d) => d.sentence === s.index && d.text.includes(m[1]))) continue;
      out.push({ text: m[1], iso: m[1], precision: 'year', what: whatOf(s.text, at, m[1]), sentence: s.index });
    }
  }
  return out;
}

const RELATIVE_OFFSET =
  /^(?:a|an|one|two|three|four|five|several|a\s+few|\d+)\s+(?:hours?|days?|weeks?|months?)\s+(?:earlier|later|before|after|sooner)$/i;

/** Nouns that name an event a date can belong to. */
const EVENT_HEADS = new Set(
  (
    'talks negotiations meeting meetings summit conference exchange swap vote votes ballot election elections ' +
    'referendum visit trip ' +
    'deadline ceasefire truce agreement deal accord treaty memorandum signing hearing session round protest ' +
    'protests rally strike strikes attack ' +
    'discussions discussion consultations ' +
    'attacks invasion offensive withdrawal release handover ceremony announcement launch deployment visit debate ' +
    'meeting call ' +
    'speech address statement briefing interview inauguration resignation ruling verdict trial decision deliveries ' +
    'delivery shipment'
  ).split(/\s+/),
);
const EVENT_SKIP = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'its',
  'their',
  'his',
  'her',
  'our',
  'and',
  'of',
  'to',
  'on',
  'in',
  'at',
  'by',
]);

/** "talks in Vienna", "prisoner exchange", "House vote": an event noun phrase near the date, or null. */
function eventPhrase(sentence: string, index: number, dateText: string): string | null {
  const re = /[\p{L}\d’'.-]+/gu;
  const words: Array<{ w: string; at: number }> = [];
  for (const m of sentence.matchAll(re)) words.push({ w: m[0], at: m.index! });
  let best: { phrase: string; d: number } | null = null;
  words.forEach(({ w, at }, i) => {
    const key = w
      .toLowerCase()
      .replace(/[.]+$/, '')
      .replace(/[’']s$/, '');
    if (!EVENT_HEADS.has(key) || (at >= index && at < index + dateText.length)) return;
    // a verb use: "to vote", "will strike"
    const prev = words[i - 1]?.w.toLowerCase() ?? '';
    if (/^(to|will|would|could|can|may|might|must|should|not)$/.test(prev)) return;
    const left: string[] = [];
    let from = i - 1;
    // "an earlier round of talks in Vienna": the round is the event
    if (
      /^of$/i.test(words[i - 1]?.w ?? '') &&
      /^(round|rounds|session|part|phase|stage)$/i.test(words[i - 2]?.w ?? '')
    ) {
      left.push(words[i - 2].w, words[i - 1].w);
      from = i - 3;
    }
    for (let k = from; k >= 0 && left.length < (from < i - 1 ? 4 : 2); k--) {
      const x = words[k].w;
      const between = sentence.slice(words[k].at + x.length, words[k + 1].at);
      if (
        /[,;:—–()“”"]/.test(between) ||
        EVENT_SKIP.has(x.toLowerCase()) ||
        (/(?:ed|ing|ly)$/.test(x.toLowerCase()) && !/^\p{Lu}/u.test(x))
      )
        break;
      if (
        /^(?:on|in|at|by|since|until|for|said|says|told|will|would|was|were|is|are|has|have|had|held|hold|holds|met|meet|began|begin|took|take|made|make|set|saw)$/i.test(
          x,
        )
      )
        break;
      if (words[k].at >= index && words[k].at < index + dateText.length) break;
      left.unshift(x);
    }
    let right = '';
    // "negotiations scheduled in Vienna": a participle may stand between the event and its place
    const participle = /^(scheduled|held|planned|set|due|expected|slated)$/i.test(words[i + 1]?.w ?? '')
      ? words[i + 1].w
      : '';
    const p = participle ? i + 2 : i + 1;
    const after = words[p];
    if (
      after &&
      /^(in|with|between|on|over|of)$/i.test(after.w) &&
      !/[,;:]/.test(sentence.slice(at + w.length, after.at))
    ) {
      const objs: string[] = [];
      for (let k = p + 1; k < words.length && objs.length < 5; k++) {
        const x = words[k].w.replace(/[.]+$/, '');
        if (/[,;:.]/.test(sentence.slice(words[k - 1].at + words[k - 1].w.length, words[k].at))) break;
        if (words[k].at >= index && words[k].at < index + dateText.length) break;
        // lower-case words only inside a name phrase: "with Finnish adviser Aino Virtanen"
        const capitalised = /^\p{Lu}/u.test(x);
        const insideName =
          objs.length > 0 &&
          /^\p{Ll}+$/u.test(x) &&
          !/^(?:in|on|at|by|for|from|to|of|and|or|last|next|this)$/.test(x) &&
          /^\p{Lu}/u.test(words[k + 1]?.w ?? '');
        if (!capitalised && !insideName && !(objs.length === 0 && /^(the)$/i.test(x))) break;
        objs.push(x);
        if (/[.]$/.test(words[k].w)) break;
      }
      if (objs.some((x) => /^\p{Lu}/u.test(x)))
        right = ` ${participle ? `${participle} ` : ''}${after.w} ${objs.join(' ')}`;
    }
    const phrase = `${left.join(' ')} ${w.replace(/[’']s$/, '')}${right}`.trim().replace(/[.,]+$/, '');
    const d = Math.abs(at - index);
    if (!best || d < best.d) best = { phrase, d };
  });
  const found = best as { phrase: string; d: number } | null;
  return found ? found.phrase : null;
}

/** A short phrase naming the event a date belongs to: the words before it back to a clause break, or after. */
function whatOf(sentence: string, index: number, dateText: string): string | null {
  const ev = eventPhrase(sentence, index, dateText);
  if (ev) return ev;
  const before = sentence
    .slice(0, index)
    .replace(/\s+(?:on|in|at|by|since|until|from|during|for|of)\s*$/i, '')
    .trimEnd();
  const words = before.split(/\s+/);
  const picked: string[] = [];
  for (let k = words.length - 1; k >= 0 && picked.length < 8; k--) {
    const w = words[k];
    if (/[,;:—–(]$/.test(w) || /^(?:that|which|who|of|when|after|before|while|and|but|as|the|a|an)$/i.test(w)) {
      // "visiting the United States this week": an article after a gerund belongs to its object
      const prev = words[k - 1] ?? '';
      if (/^(?:the|a|an)$/i.test(w) && /^\p{Ll}+ing$/u.test(prev) && picked.length) {
        picked.unshift(prev, w);
        const subject = words[k - 2] ?? '';
        if (/^\p{Lu}[\p{L}’'-]+$/u.test(subject) && !/^(?:The|A|An)$/.test(subject)) picked.unshift(subject);
      }
      break;
    }
    picked.unshift(w);
  }
  let what = picked
    .join(' ')
    .replace(/[“”"’,.]+$/g, '')
    .trim();
  // a fragment ending in a verb ("officials said", "city council rejected") names no event
  what = what
    .replace(/^(?:that|which|who)\s+/i, '')
    .split(/[“”"]/)[0]
    .trim();
  if (
    /\b(?:said|says|told|reported|announced|added|rejected|approved|agreed|confirmed|than\s+first\s+reported|than)$/i.test(
      what,
    ) ||
    /\bsaid\b/i.test(what)
  )
    what = '';
  if (what.split(/\s+/).length < 2) {
    const rest = sentence.slice(index + dateText.length).replace(/^[\s,]+/, '');
    what = rest.split(/[,;.]/)[0].split(/\s+/).slice(0, 8).join(' ').split(/[“”"]/)[0].trim();
    if (
      /^(?:than|that|and|but|or|as|when|while|if)\b/i.test(what) ||
      /\b(?:said|says|told)\b/i.test(what) ||
      what.split(/\s+/).length < 2
    )
      what = '';
  }
  return what || null;
}
