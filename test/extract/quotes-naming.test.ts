import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';

const quotes = (body: string) => extract({ id: 't', title: 't', source: null, publishedAt: null, body }).quotes;
const speakerOf = (body: string, start: string) => quotes(body).find((q) => q.text.startsWith(start))?.speaker;

describe("a naming verb's own words", () => {
  it('"X called the deal, which …, a “…”"', () => {
    const body =
      'President Ilse Marten hosted the signing on Friday.\n\nMarten called the accord, which ends years of ' +
      'fighting, a "tremendous achievement," as the ministers looked on.';
    expect(speakerOf(body, 'tremendous')).toBe('Ilse Marten');
  });

  it('"He later referred to the deal as a “…”"', () => {
    const body =
      'President Ilse Marten hosted the signing on Friday. "Today the fighting ends," Marten said.\n\nShe later ' +
      'referred to the deal as a "historic turning point."';
    expect(speakerOf(body, 'historic turning')).toBe('Ilse Marten');
  });

  it('"X hailed the deal as a “…”, saying: “…”"', () => {
    const body =
      'President Ilse Marten hailed the accord as a "historic step," saying: "We are opening a new chapter with ' +
      'our neighbours."';
    expect(speakerOf(body, 'historic step')).toBe('Ilse Marten');
    expect(speakerOf(body.replace('hailed', 'praised'), 'historic step')).toBe('Ilse Marten');
  });

  it('a noun "call" or "what his team calls a “…”" is a label, not speech', () => {
    const body =
      'President Ilse Marten renewed her call for an "energy truce" on Monday. Formateur Jan Peeters opened ' +
      'with what his team calls a "starting note" on Tuesday.';
    expect(speakerOf(body, 'energy truce')).toBeNull();
    expect(speakerOf(body, 'starting note')).toBeNull();
  });
});
