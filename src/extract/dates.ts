import * as chrono from 'chrono-node';
import type { ExtractedDate, DatePrecision } from './contract.ts';
import type { AnalyzedSentence } from './chunks.ts';

/**
 * Dates: chrono-node against the document's publication date. A bare weekday ("on Saturday") in news is
 * nearly always the past one, so a refiner moves it back a week when chrono picked a future day and the
 * sentence does not speak of the future. With no publication date, only dates that carry their own year get
 * an ISO value; relative ones ("on Saturday", "last month") keep their text with `iso: null`.
 */
const FUTURE = /\b(?:will|would|'ll|shall|next|upcoming|scheduled|expected|plans?\s+to|planning|is\s+to|are\s+to|set\s+to|due|slated|coming)\b/i;
const DATEISH = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:yesterday|today|tomorrow|tonight|week|month|year|ago|last|next|this|earlier|later)\b|\b(?:1[89]|20)\d\d\b|\d{1,2}\/\d{1,2}/i;

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

export function extractDates(sentences: AnalyzedSentence[], publishedAt: string | null): ExtractedDate[] {
  const out: ExtractedDate[] = [];
  const ref = publishedAt ? new Date(`${publishedAt}T12:00:00Z`) : new Date(Date.UTC(2000, 0, 1, 12));
  for (const s of sentences) {
    if (!DATEISH.test(s.text) || s.text.length > 2000) continue;
    let results: chrono.ParsedResult[] = [];
    try {
      results = parser.parse(s.text, { instant: ref, timezone: 0 }, { forwardDate: false });
    } catch {
      continue;
    }
    for (const r of results) {
      const c = r.start;
      const raw = r.text.replace(/[,.]$/, '').replace(/^(?:on|in|at|by)\s+/i, '');
      if (/^\d{1,2}$/.test(raw) || /^\d{1,2}:\d\d$/.test(raw) || raw.length < 3) continue;
      const certain = (k: 'day' | 'month' | 'year' | 'weekday') => c.isCertain(k);
      let precision: DatePrecision | null = certain('day') || certain('weekday') ? 'day' : certain('month') ? 'month' : certain('year') ? 'year' : null;
      if (/\bweek\b/i.test(raw)) precision = null;
      if (/\b(?:month)\b/i.test(raw)) precision = 'month';
      if (/\b(?:year)\b/i.test(raw)) precision = 'year';
      const d = c.date();
      const y = d.getUTCFullYear();
      let iso: string | null = null;
      const absolute = certain('year') && /\b\d{4}\b/.test(r.text);
      if (publishedAt || absolute) {
        if (precision === 'day') iso = `${y}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
        else if (precision === 'month') iso = `${y}-${pad(d.getUTCMonth() + 1)}`;
        else if (precision === 'year') iso = `${y}`;
      }
      if (!publishedAt && !absolute) iso = null;
      out.push({ text: raw, iso, precision, what: whatOf(s.text, r.index, r.text), sentence: s.index });
    }
    // bare years chrono does not read: "the 1994 Budapest memorandum", "in 2022"
    for (const m of s.text.matchAll(/\b(?:in|since|of|the|by|until|from)\s+((?:1[89]|20)\d\d)\b(?![-–]\d|\s*(?:%|percent|people|troops|soldiers))/g)) {
      const at = m.index! + m[0].length - m[1].length;
      if (out.some((d) => d.sentence === s.index && d.text.includes(m[1]))) continue;
      out.push({ text: m[1], iso: m[1], precision: 'year', what: whatOf(s.text, at, m[1]), sentence: s.index });
    }
  }
  return out;
}

const CLAUSE_BREAK = /(?:^|[,;:—–(]|\b(?:that|which|who|of|when|after|before|while|and|but|as)\b)\s*$/i;

/** A short phrase naming the event a date belongs to: the words before it back to a clause break, or after. */
function whatOf(sentence: string, index: number, dateText: string): string | null {
  let before = sentence.slice(0, index).replace(/\s+(?:on|in|at|by|since|until|from|during|for|of)\s*$/i, '').trimEnd();
  const words = before.split(/\s+/);
  const picked: string[] = [];
  for (let k = words.length - 1; k >= 0 && picked.length < 8; k--) {
    const w = words[k];
    if (/[,;:—–(]$/.test(w) || /^(?:that|which|who|of|when|after|before|while|and|but|as|the|a|an)$/i.test(w)) break;
    picked.unshift(w);
  }
  void CLAUSE_BREAK;
  let what = picked.join(' ').replace(/[“”"’,.]+$/g, '').trim();
  if (what.split(/\s+/).length < 2) {
    const rest = sentence.slice(index + dateText.length).replace(/^[\s,]+/, '');
    what = rest.split(/[,;.]/)[0].split(/\s+/).slice(0, 8).join(' ').trim();
  }
  return what || null;
}
