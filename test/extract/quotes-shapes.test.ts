import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';

const run = (body: string) => extract({ id: 't', title: 't', source: null, publishedAt: null, body });
const speakerOf = (body: string, start: string) => run(body).quotes.find((q) => q.text.startsWith(start))?.speaker;

describe('attribution shapes around a quote', () => {
  it('"“…!” X posted.": the attribution is the next sentence on the same line', () => {
    const body =
      'Brenner said on Monday that he had spoken with Governor Piet Vasko. The city is in talks, he noted, ' +
      'but he could end them.\n\n“We are dealing with both provinces — and I have told them so!” Brenner posted.';
    expect(speakerOf(body, 'We are dealing')).toBe('Brenner');
  });

  it('"chairman and CEO X issued a statement on DATE: “…”": over two titles joined by "and"', () => {
    const body =
      'Harbour chairman and CEO Mira K. Dolan issued a statement on January 9, 2025: "Today, following two ' +
      'days of talks, members met to begin the review."';
    expect(speakerOf(body, 'Today, following')).toBe('Mira K. Dolan');
  });

  it('"Union’s President urged …, saying “…”": the president, not the vice president', () => {
    const body =
      'The Harbour Workers Union represents dockers. HWU President Lars Okafor spoke on Monday, with HWU Vice ' +
      'President Tomas Okafor.\n\nHWU’s President urged ratification in a video, saying the contract, if ' +
      'ratified, "will become the model for unions everywhere."';
    expect(speakerOf(body, 'will become')).toBe('Lars Okafor');
  });

  it('a bare surname stays with the person already called by it when a relative is named in full', () => {
    const body =
      'Union leader Lars Okafor spoke to members. Okafor was angry. He returned with his son, union Vice ' +
      'President Tomas Okafor, and other leaders.\n"If we have to be out here a month, this city will fall ' +
      'apart," Okafor said.';
    expect(speakerOf(body, 'If we have')).toBe('Lars Okafor');
  });

  it('"said Jan X": a month abbreviation before a name is a given name', () => {
    const body = 'OK, so the new plan is "hardly revolutionary", said Jan Olbrich in the Daily Courier.';
    expect(run(body).people.map((p) => p.name)).toContain('Jan Olbrich');
    expect(speakerOf(body, 'hardly')).toBe('Jan Olbrich');
  });

  it('"Jan 9" stays a date', () => {
    const body = 'Mayor Olga Brenner will sign the order on Jan 9, her office said.';
    expect(run(body).people.map((p) => p.name)).toEqual(['Olga Brenner']);
  });
});
