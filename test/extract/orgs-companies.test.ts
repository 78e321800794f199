import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';

// Invented sentences: companies and unions named by an industry, an office, their staff or a numbered branch.
const run = (body: string) => extract({ id: 't', title: 't', source: null, publishedAt: null, body });
const orgNames = (body: string) =>
  run(body)
    .organizations.map((o) => o.name)
    .sort();
const person = (body: string, name: string) => run(body).people.find((p) => p.name === name);

describe('companies and unions', () => {
  it('a country or an unknown name before an industry word is a company, not a place or a person', () => {
    const ex = run('Norway Steel said on Monday that Vantor Motors had bought its plant in Bergen.');
    expect(ex.organizations.map((o) => o.name).sort()).toEqual(['Norway Steel', 'Vantor Motors']);
    expect(ex.people).toEqual([]);
  });

  it('"chief executive of <country> Steel" names the company, not a person called Steel', () => {
    const ex = run('Lena Marsh, chief executive of Norway Steel, said the offer was fair.');
    expect(ex.people.map((p) => p.name)).toEqual(['Lena Marsh']);
    expect(ex.organizations.map((o) => o.name)).toContain('Norway Steel');
  });

  it('two companies joined by "and" stay two', () => {
    expect(orgNames('The merger of Vantor Steel and Orland Motors was approved on Friday.')).toEqual([
      'Orland Motors',
      'Vantor Steel',
    ]);
  });

  it('the name before a company office is the company the holder works for', () => {
    const body = 'Quarvex CEO Dana Whitlow said the plant would reopen. Whitlow spoke in Leeds.';
    expect(orgNames(body)).toEqual(['Quarvex']);
    const p = person(body, 'Dana Whitlow');
    expect(p?.roles).toEqual(['CEO']);
    expect(p?.affiliation).toBe('Quarvex');
  });

  it('two company offices joined by "and" are one role', () => {
    const p = person('Quarvex President and CEO Dana Whitlow said the plant would reopen.', 'Dana Whitlow');
    expect(p?.roles).toEqual(['President and CEO']);
    expect(p?.affiliation).toBe('Quarvex');
  });

  it('a name with its staff or its voice is a company', () => {
    expect(orgNames('About 4,000 Quarvex employees walked out on Tuesday.')).toEqual(['Quarvex']);
    expect(orgNames('In a statement, Quarvex said the talks would resume.')).toEqual(['Quarvex']);
  });

  it('a union named after its workers is an organisation', () => {
    expect(orgNames('The United Glassworkers backed the strike on Monday.')).toEqual(['United Glassworkers']);
  });

  it('a numbered branch of a union is one organisation, its number included', () => {
    expect(orgNames('Mira Lopez, president of ACW District 12, called the vote.')).toEqual(['ACW District 12']);
    expect(orgNames('The Allied Craft Workers District 12 called the vote.')).toEqual([
      'Allied Craft Workers District 12',
    ]);
    expect(orgNames('The vote was called by the ACW 12 leadership.')).toEqual(['ACW 12']);
  });
});

describe('affiliation with an institution', () => {
  it("a union's institution is its official's affiliation; a nation's stands for the country", () => {
    expect(person('European Commission President Mara Lindqvist spoke on Monday.', 'Mara Lindqvist')?.affiliation).toBe(
      'European Commission',
    );
    expect(person('White House spokesman Tom Halvorsen spoke on Monday.', 'Tom Halvorsen')?.affiliation).toBe(
      'United States',
    );
  });
});

describe('roles of workers and company officers', () => {
  it('a trade before a name is a role; its plural is a union, not a title', () => {
    expect(person('The senator greeted steelworker Ana Ruiz at the plant.', 'Ana Ruiz')?.roles).toEqual([
      'steelworker',
    ]);
    expect(orgNames('The vote was a culmination, Machinists District 12 President Jon Berg said.')).toEqual([
      'Machinists District 12',
    ]);
  });

  it('one describing word between the article and an appositive title', () => {
    const p = person('“We will stay,” said Ed Marlow, a striking machinist on the picket line.', 'Ed Marlow');
    expect(p?.roles.join(' ')).toMatch(/machinist/);
  });

  it('a company named by its industry before a company office is the officer’s affiliation', () => {
    const p = person('Orland Steel Chairman and CEO Kenji Amano spoke in Osaka.', 'Kenji Amano');
    expect(p?.affiliation).toBe('Orland Steel');
    expect(p?.roles[0]).toMatch(/Chairman and CEO$/);
  });
});

describe('a company is not a place', () => {
  it('an unknown name the document shows to be a company is not also a place', () => {
    const ex = run('Quarvex CEO Dana Whitlow spoke on Monday. Workers at Quarvex walked out in Leeds.');
    expect(ex.organizations.map((o) => o.name)).toEqual(['Quarvex']);
    expect(ex.places.map((p) => p.name)).toEqual(['Leeds']);
  });
});
