import type { APIEmbedField } from 'discord.js';
import { DISCORD } from './limits.ts';

/** A field name that shows nothing: continuation fields read as one block under the first heading. */
export const BLANK = '\u200b';

/** The characters a list of fields adds to an embed's total (names and values both count). */
export function fieldsCost(fields: APIEmbedField[]): number {
  return fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
}

/** Appends lines under one heading, opening a continuation field whenever a value would pass 1024. */
class FieldWriter {
  constructor(
    private readonly heading: string,
    readonly fields: APIEmbedField[] = [],
    public cost = 0,
  ) {}

  clone(): FieldWriter {
    return new FieldWriter(
      this.heading,
      this.fields.map((f) => ({ ...f })),
      this.cost,
    );
  }

  /** Lines must already be ≤ 1024 characters. */
  add(line: string): void {
    const last = this.fields.at(-1);
    if (last && last.value.length + 1 + line.length <= DISCORD.fieldValue) {
      last.value += `\n${line}`;
      this.cost += line.length + 1;
      return;
    }
    const name = this.fields.length ? BLANK : this.heading;
    this.fields.push({ name, value: line });
    this.cost += name.length + line.length;
  }
}

/** Lines rendered only when reached: a list of thousands stops rendering once the budget is spent. */
interface LazyLines {
  length: number;
  at(i: number): string;
}

interface ListLayout {
  fields: APIEmbedField[];
  cost: number;
  /** How many of the lines are shown. */
  shown: number;
}

/**
 * Lays out, in order, as many `lines` as fit in `budget` characters and `slots` fields, then a closing line made by
 * `moreLine(n)` for whatever was left out (`extra` counts items that exist but were never given as lines).
 * Returns null when not even the heading and one line fit.
 */
export function layoutList(
  heading: string,
  lines: readonly string[] | LazyLines,
  extra: number,
  moreLine: (n: number) => string,
  budget: number,
  slots: number,
): ListLayout | null {
  const fits = (w: FieldWriter) => w.cost <= budget && w.fields.length <= slots;
  const withMore = (w: FieldWriter, n: number) => {
    if (n <= 0) return w;
    const copy = w.clone();
    copy.add(moreLine(n));
    return copy;
  };

  let writer = new FieldWriter(heading);
  let shown = 0;
  for (let i = 0; i < lines.length; i++) {
    const next = writer.clone();
    next.add(lines.at(i)!);
    if (!fits(withMore(next, lines.length - shown - 1 + extra))) break;
    writer = next;
    shown++;
  }
  const final = withMore(writer, lines.length - shown + extra);
  if (!final.fields.length || !fits(final)) return null;
  return { fields: final.fields, cost: final.cost, shown };
}
