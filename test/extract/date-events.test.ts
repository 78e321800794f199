import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';

const whatOf = (body: string, text: string) =>
  extract({ id: 't', title: 't', source: null, publishedAt: '2026-03-10', body }).dates.find((d) =>
    d.text.toLowerCase().includes(text.toLowerCase()),
  )?.what;

describe('what a date dates', () => {
  it('names the event with its place, across a participle', () => {
    expect(whatOf('Officials confirmed the technical talks scheduled in Vienna on March 3, 2026.', 'March 3')).toMatch(
      /talks scheduled in Vienna$/,
    );
  });
  it('a year before a name dates that name', () => {
    expect(whatOf('Critics recalled how the 2015 Minsk agreement collapsed.', '2015')).toBe('Minsk agreement');
  });
  it('keeps a titled name after "with"', () => {
    expect(whatOf('The envoys held discussions with Turkish adviser Ali Demir in Ankara last week.', 'last week')).toBe(
      'discussions with Turkish adviser Ali Demir',
    );
  });
  it('a gerund and its object when no event noun is near', () => {
    expect(
      whatOf('Aides are discussing the idea of Chancellor Weber visiting the United Kingdom this month.', 'this month'),
    ).toMatch(/visiting the United Kingdom$/);
  });
});

describe('who put a proposal forward', () => {
  it('a subject with appositives before the verb', () => {
    const x = extract({
      id: 't',
      title: 't',
      source: null,
      publishedAt: null,
      body:
        'Anna Keller, the chancellor’s chief adviser, and Norway’s envoy to the region, Lars Holm, have been ' +
        'drafting a framework for a ceasefire.',
    });
    const framework = x.proposals.find((p) => [p.name, ...p.aliases].some((n) => /framework/.test(n)));
    expect(framework?.proposedBy.sort()).toEqual(['Anna Keller', 'Lars Holm']);
  });
});
