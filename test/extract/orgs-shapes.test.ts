import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';

const orgs = (body: string) =>
  extract({ id: 't', title: 't', source: null, publishedAt: null, body }).organizations.map((o) => o.name);

describe('organisations named without a usual head', () => {
  it('"the far-right Alternative for Progress (AfP)": a name joined by "for" and defined by an acronym', () => {
    const body = 'The rise of the far-right Alternative for Progress (AfP) is sure to prove a challenge at home.';
    const found = extract({ id: 't', title: 't', source: null, publishedAt: null, body }).organizations;
    expect(found.map((o) => o.name)).toContain('Alternative for Progress');
    expect(found.find((o) => o.name === 'Alternative for Progress')?.aliases).toContain('AfP');
  });

  it('"… for Ruritania (RPA)": the second name may be a country', () => {
    expect(orgs('The new Renewal Party for Ruritania (RPR) won seats on Sunday.')).toContain(
      'Renewal Party for Ruritania',
    );
  });

  it('a person defined by initials stays a person', () => {
    expect(orgs('Lena Moravec (LM) spoke to the press.')).toEqual([]);
  });

  it('"an Ipsos poll", "a Vetra survey": the maker of a poll or survey', () => {
    const found = orgs('56% of respondents in a Vetra survey disapprove. A Kolbin poll on Wednesday put them first.');
    expect(found).toEqual(expect.arrayContaining(['Vetra', 'Kolbin']));
  });

  it('"the Dockworkers’ Association", "the Longshoremen’s Union": a group’s possessive inside the name', () => {
    const found = orgs('The Harbour Dockworkers’ Association and the Northern Longshoremen’s Union met on Friday.');
    expect(found).toEqual(
      expect.arrayContaining(['Harbour Dockworkers’ Association', 'Northern Longshoremen’s Union']),
    );
  });

  it('"the Cambodian People’s Party"-style names keep their nationality', () => {
    expect(orgs('Ivo Brand, from the Danish Fishermen’s Party, called on his supporters.')).toContain(
      'Danish Fishermen’s Party',
    );
  });

  it('a person’s possessive is no part of a name', () => {
    expect(orgs('Ana Ruiz’s Union of Workers met on Monday.')).not.toContain('Ana Ruiz’s Union of Workers');
  });
});

describe('organisations listed with an organisation', () => {
  it('"the RDU, SPV, Greens and Left Party": acronyms, plurals and two items joined by "and"', () => {
    const found = orgs(
      'Voting resumed after the Ruritanian Workers Union, SPV, Greens and Left Party were able to agree.',
    );
    expect(found).toEqual(expect.arrayContaining(['SPV', 'Greens', 'Left Party']));
    expect(found).not.toContain('Greens and Left Party');
  });

  it('people in the list are not organisations', () => {
    expect(orgs('The Harbour Workers Union and Ana Ruiz met Lena Moravec.')).toEqual(['Harbour Workers Union']);
  });
});

describe('acronyms that a cue makes organisations', () => {
  it('"the far-right AfP", "the centre-left SDR", "a ZTV survey"', () => {
    const found = orgs('The far-right AfP topped a poll, and the centre-left SDR lost, says a ZTV survey.');
    expect(found).toEqual(expect.arrayContaining(['AfP', 'SDR', 'ZTV']));
  });

  it('"the far-right Alternative for Progress party (AfP)": the kind of body before the acronym', () => {
    expect(orgs('Already, the far-right Alternative for Progress party (AfP) is trying to gain.')).toContain(
      'Alternative for Progress',
    );
  });
});
