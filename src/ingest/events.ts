/** Kinds of event that news dates, with the words that name them; two dated sentences of one kind may be one event. */
const EVENT_KINDS: Record<string, RegExp> = {
  meeting: /\b(talks|negotiat\w*|discussions?|meet(?:s|ing|ings)?|met|summit|round|conference|consultations?)\b/i,
  signing: /\b(sign(?:s|ed|ing)?|ratif\w+)\b/i,
  vote: /\b(vot(?:e|es|ed|ing)|referendum|elections?|ballot)\b/i,
  visit: /\b(visit(?:s|ed|ing)?|trip|arriv(?:e|es|ed|al))\b/i,
  attack: /\b(attack(?:s|ed)?|strikes?|struck|shelling|bomb\w*|explosions?|offensive)\b/i,
  deadline: /\b(deadline|ultimatum)\b/i,
};

export function eventKinds(sentence: string): string[] {
  return Object.entries(EVENT_KINDS)
    .filter(([, re]) => re.test(sentence))
    .map(([kind]) => kind);
}

/** Days between two ISO dates compared at the precision both have (a month counts from its first day). */
export function daysApart(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  const pad = (s: string) => (s.slice(0, n) + '-01-01'.slice(n - 4)).slice(0, 10);
  return Math.abs(Date.parse(pad(a)) - Date.parse(pad(b))) / 86_400_000;
}
