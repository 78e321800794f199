import { describe, expect, it } from 'vitest';
import { extract, type ExtractInput } from '../../src/extract/index.ts';

// Invented sentences: raises, bonuses, cuts, tariffs with their scope, takeovers, deadlines, scare-quoted terms.
const doc = (body: string): ExtractInput => ({ id: 't', title: 't', source: null, publishedAt: null, body });
const proposals = (body: string) => extract(doc(body)).proposals;
const names = (body: string) => proposals(body).map((p) => p.name);

describe('offers and demands in labour and trade news', () => {
  it('raises, bonuses, increases and reductions stated as numbers are offers', () => {
    expect(names('The union asked for a 35% raise over three years.')).toEqual(['35% raise']);
    expect(names('The new offer also includes a $9,000 signing bonus.')).toContain('$9,000 signing bonus');
    expect(names('A memo from the chief executive announced a 7% workforce reduction.')).toContain(
      '7% workforce reduction',
    );
  });

  it('a union that asked for a number is its proposer, with the status of a demand', () => {
    const [p] = proposals('The Allied Craft Workers asked for a 35% raise.');
    expect(p).toMatchObject({ name: '35% raise', status: 'demanded', proposedBy: ['Allied Craft Workers'] });
  });

  it('a tariff keeps its scope as an alias and merges with its later short mentions', () => {
    const ps = proposals('Dravia agreed to a 12% tariff on most Valorian goods. The 12% tariff would start in May.');
    expect(ps).toHaveLength(1);
    expect(ps[0].name).toBe('12% tariff');
    expect(ps[0].aliases).toContain('12% tariff on most Valorian goods');
    expect(ps[0].evidence).toEqual([0, 1]);
  });

  it('a money amount committed to is a pledge', () => {
    const [p] = proposals('Dravia committed to $40 billion investments in Valorian ports.');
    expect(p).toMatchObject({ name: '$40 billion investments', status: 'pledged' });
  });

  it('a takeover or an acquisition named by its object is a proposal', () => {
    expect(names('Quarvex Motors has closed its acquisition of Orland Steel.')).toEqual([
      'acquisition of Orland Steel',
    ]);
  });

  it('a deal before an infinitive is a noun when a determiner leads its modifiers', () => {
    expect(names('The two blocs struck a tentative trade deal to avert a tariff war.')).toContain('trade deal');
  });

  it('a deadline of a day keeps its month', () => {
    const ps = proposals('The talks raced against a self-imposed deadline of 3 August.');
    expect(ps.map((p) => p.name)).toEqual(['self-imposed deadline of 3 August']);
  });

  it('a scare-quoted term that is issued is named, and its later unquoted uses are its evidence', () => {
    const body =
      'Orland Steel will issue a “silver key” to the government. The silver key lets the state name one director.';
    const ps = proposals(body);
    expect(ps.map((p) => p.name)).toEqual(['silver key']);
    expect(ps[0].evidence).toEqual([0, 1]);
    // a closing period inside the quotes does not stop the name
    expect(names('Orland Steel will issue the government a “silver key.”')).toEqual(['silver key']);
  });

  it('a quoted phrase that starts with a preposition names nothing', () => {
    expect(names('The firm said it could build the jet “without anyone’s help.”')).toEqual([]);
  });

  it('money put into investments or purchases is named with its amount', () => {
    expect(names('The bloc committed itself to $60bn (£45bn) of Valorian investments.')).toEqual([
      '$60bn of Valorian investments',
    ]);
    expect(names('The pact says $2 billion in new investments will be made by 2030.')).toContain(
      '$2 billion in new investments',
    );
  });

  it('an investment and the sum it comes to are one proposal, by its owner', () => {
    const [p] = proposals('Orland Steel’s investment in the plant will total approximately $4 billion by 2030.');
    expect(p).toMatchObject({ name: '$4 billion investment', proposedBy: ['Orland Steel'] });
  });

  it('a counter-measure is a proposal by being named, hyphen kept', () => {
    expect(names('Diplomats say counter-tariffs targeting Valorian cars are ready if talks fail.')).toEqual([
      'counter-tariffs',
    ]);
    expect(names('Diplomats say counter-tariffs on Valorian cars are ready.')).toEqual([
      'counter-tariffs on Valorian cars',
    ]);
  });

  it('a rate in a sentence about tariffs is one, and a relative clause gives its verb and author', () => {
    const ps = proposals(
      'President Tom Hale spoke on Monday. ' +
        'The 12% rate is lower than the 20% rate that Hale imposed on Dravian tariffs.',
    );
    expect(ps.map((p) => p.name)).toEqual(['12% rate', '20% rate']);
    expect(ps[1]).toMatchObject({ status: 'imposed', proposedBy: ['Tom Hale'] });
    expect(proposals('Inflation hit a 3% rate in May.')).toEqual([]);
  });

  it('"demands" after a determiner is a noun, not a verb with an object', () => {
    expect(names('Union leaders remain resolute, insisting their demands are reasonable.')).toEqual([]);
    expect(names('The union demanded the formal dissolution of the board.')).toEqual(['dissolution of the board']);
  });
});
