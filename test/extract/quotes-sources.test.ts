import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';

const run = (body: string) => extract({ id: 't', title: 't', source: null, publishedAt: null, body });
const speakerOf = (body: string, start: string) => run(body).quotes.find((q) => q.text.startsWith(start))?.speaker;

describe('speakers the plain "X said" shapes miss', () => {
  it('"…,” one of the party’s leaders, Name, said": a description holding the name', () => {
    const body =
      'Mayor Olga Brenner spoke on Monday.\n\n“What do you want, Mr. Tallis?” one of the party’s leaders, Rolf ' +
      'Imbery, said in parliament. “By now, you have changed.”';
    expect(speakerOf(body, 'What do you')).toBe('Rolf Imbery');
    expect(speakerOf(body, 'By now')).toBe('Rolf Imbery');
  });

  it('"…,” while X admitted": a clause after the quote is no description', () => {
    const body =
      'Mayor Olga Brenner and Governor Piet Vasko met. Brenner, speaking first, called the plan “very unfair to ' +
      'the city,” while Vasko admitted there was a need for “change.”';
    expect(speakerOf(body, 'very unfair')).not.toBe('Piet Vasko');
  });

  it('"…,” the statement said": the organisation that issued the statement, and its next quote', () => {
    const body =
      'Workers showed a statement from the Harbour Workers Union on the strike.\n\n“The union is fighting for ' +
      'fairness in a world of machines,” the statement said. “Machines do not pay taxes.”';
    expect(speakerOf(body, 'The union is')).toBe('Harbour Workers Union');
    expect(speakerOf(body, 'Machines do')).toBe('Harbour Workers Union');
  });

  it('"In a statement, X applauded both sides “…”": applauding is speech', () => {
    const body = 'Mayor Olga Brenner spoke. In a statement later, Brenner applauded both sides “for acting quickly.”';
    expect(speakerOf(body, 'for acting')).toBe('Olga Brenner');
  });

  it('"In a Facebook post, he stated …": a name between "a" and a noun is no person', () => {
    const body =
      'Governor Piet Vasko confirmed his support. In a Facebook post, he stated the province "agrees in ' +
      'principle to have a truce in place" but urged calm.';
    const r = run(body);
    expect(r.people.map((p) => p.name)).not.toContain('Facebook');
    expect(speakerOf(body, 'agrees in')).toBe('Piet Vasko');
  });

  it('an organisation credited by its acronym takes its full name', () => {
    const body =
      'The Harbour Workers Union (HWU) called a strike. “We will stay out as long as it takes,” the HWU said.';
    expect(speakerOf(body, 'We will stay')).toBe('Harbour Workers Union');
  });
});
