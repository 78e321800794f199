import { describe, expect, it } from 'vitest';
import { extractAfterLead } from './fixtures.ts';

// Shapes of our own writing, seen in wire copy from many countries: people known by surname, offices over an
// acronym, parties named with an acronym, bodies "based" somewhere.
const people = (body: string) => extractAfterLead(body).people;
const orgs = (body: string) => extractAfterLead(body).organizations.map((o) => o.name);

describe('people', () => {
  it('a full name the text goes on to use by surname alone is a person', () => {
    const found = people(
      'Officials declared candidate Tafadzwa Mberengwa the winner. Mberengwa, a former minister, won narrowly. ' +
        'Mberengwa took 50.8 percent.',
    );
    expect(found.map((p) => p.name)).toContain('Tafadzwa Mberengwa');
  });

  it('a name before "today said" speaks', () => {
    expect(people('Ondina Kravets today said she was pleased.').map((p) => p.name)).toEqual(['Ondina Kravets']);
  });

  it('an office of an organisation with its acronym before the name', () => {
    const [p] = people(
      'Managing Director of the International Monetary Fund (IMF) Ondina Kravets said she was pleased.',
    );
    expect(p).toMatchObject({ name: 'Ondina Kravets', affiliation: 'International Monetary Fund' });
  });

  it('an affiliation named by an acronym the text defines is the full name', () => {
    const [p] = people(
      'The Harbour Workers Federation (HWF) met. HWF chair Dana Oduya said talks would go on, Oduya said.',
    );
    expect(p.affiliation).toBe('Harbour Workers Federation');
  });

  it('a name that opens on where a body is based is no person', () => {
    expect(people('Dublin-headquartered Corvex rejected the bid. Lisbon-based Corvex said no.')).toEqual([]);
    expect(orgs('Lisbon-based Corvex said no. The Irish-headquartered firm agreed.')).toEqual(['Corvex']);
  });
});

describe('parties and bodies', () => {
  it('a ruling party and a party named with its acronym', () => {
    const found = orgs('The ruling Tana-PF party won. DRP Alliance chairman Jomo Kariuki spoke.');
    expect(found).toEqual(expect.arrayContaining(['Tana-PF', 'DRP Alliance']));
  });

  it('the Congolese are of the larger Congo', () => {
    const [p] = people('Congolese President Amani Kabeya signed the accord.');
    expect(p.affiliation).toBe('Democratic Republic of the Congo');
  });

  it('an armed force "of the" country, and regional blocs', () => {
    expect(orgs('The Armed Forces of the Netherlands said the ship fired. ECOWAS leaders met.')).toEqual(
      expect.arrayContaining(['Armed Forces of the Netherlands', 'ECOWAS']),
    );
  });
});

describe('names that are no person', () => {
  it('a reef, a shoal or a ship', () => {
    expect(people('The boat sailed to Second Harlan Shoal, where the BRP Aurora Vale sits near Corran Reef.')).toEqual(
      [],
    );
    expect(orgs('The boat sailed past the BRP Aurora Vale.')).toEqual([]);
  });

  it('a name set off after a title is a person', () => {
    expect(people('A summit was called by its current chairman, Ade Tunji Bako.').map((p) => p.name)).toEqual([
      'Ade Tunji Bako',
    ]);
  });
});

describe('organisations referred to as "it"', () => {
  it('“…” after "It asked" and "it said" credits the organisation named last', () => {
    const quotes = extractAfterLead(
      'The Regional Peace Council met on Friday. It asked the soldiers to “return to barracks without delay.” ' +
        'Failing that, it said, the bloc would take “every step the treaty allows against them.”',
    ).quotes.map((q) => q.speaker);
    expect(quotes).toEqual(['Regional Peace Council', 'Regional Peace Council']);
  });
});
