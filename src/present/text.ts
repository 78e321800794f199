import type { Answer } from '../briefing/answer.ts';
import { citedIndexes, markers } from './cite.ts';
import { clip, oneLine, stripControl } from './safe-text.ts';

/** The description is markdown written by the briefing; on a console only its bold and italics are noise. */
function plainMarkdown(text: string): string {
  return text.replace(/\*\*(.+?)\*\*/g, '$1').replace(/__(.+?)__/g, '$1');
}

/** Plain console text: title, description, sections with [n] markers, then the numbered sources. */
export function toText(answer: Answer): string {
  const clean = (s: string) => oneLine(stripControl(s));
  const title = clean(answer.title);
  const out: string[] = [title, '='.repeat(Math.min(Math.max(title.length, 3), 80))];
  const description = plainMarkdown(stripControl(answer.description ?? '')).trim();
  if (description) out.push(description);

  for (const section of answer.sections) {
    const more = section.more && section.more.count > 0 ? section.more : undefined;
    if (!section.items.length && !more) continue;
    out.push('', clean(section.heading));
    for (const item of section.items) {
      const label = item.label ? `${clean(item.label)} — ` : '';
      out.push(`  - ${label}${clean(item.text)}${markers(citedIndexes(item, answer))}`);
    }
    if (more) out.push(`  … and ${more.count} more — ${clean(more.hint)}`);
  }

  if (answer.citations.length) {
    // A sentence an item already shows is cited by place only; others are quoted, shortened.
    const shown = answer.sections.flatMap((s) => s.items.map((i) => clean(i.text).replace(/^…|…$/g, '')));
    out.push('', 'Sources');
    answer.citations.forEach((c, i) => {
      const url = c.url ? ` <${clean(c.url)}>` : '';
      const sentence = clean(c.sentence);
      const place = `${clip(clean(c.document), 70)}, sentence ${c.sentenceIndex + 1}${url}`;
      const quoted = shown.some((t) => t.length > 20 && sentence.includes(t.slice(0, 60)))
        ? ''
        : ` — “${clip(sentence, 220)}”`;
      out.push(`  [${i + 1}] ${place}${quoted}`);
    });
  }
  return out.join('\n');
}
