import { describe, expect, it } from 'vitest';
import { extractionSchema } from '../../src/extract/contract.ts';
import { extract } from '../../src/extract/index.ts';

// Issues a reviewer found on fresh articles; each sentence is written anew here (no article's names in src/).
const run = (body: string, publishedAt: string | null = '2025-11-20') =>
  extractionSchema.parse(extract({ id: 't', title: 't', source: null, publishedAt, body }));
const person = (ex: ReturnType<typeof run>, name: string) => ex.people.find((p) => p.name === name);
const proposal = (ex: ReturnType<typeof run>, re: RegExp) =>
  ex.proposals.find((p) => re.test(p.name) || p.aliases.some((a) => re.test(a)));

describe('reviewer findings', () => {
  it('a country named in the title wins over the body, and the body is no person', () => {
    const ex = run(
      'Rustem Umerov, secretary of Ukraine’s National Security and Defense Council, said the talks would resume.',
    );
    expect(ex.people.map((p) => p.name)).toEqual(['Rustem Umerov']);
    expect(person(ex, 'Rustem Umerov')?.affiliation).toBe('Ukraine');
  });

  it('"The Kremlin said …, according to spokesman X" makes X Russian, not a guess', () => {
    const ex = run('The Kremlin said it had not seen the document, according to spokesman Dmitry Peskov.');
    expect(person(ex, 'Dmitry Peskov')?.affiliation).toBe('Russia');
  });

  it('local-government titles are roles, split from the name', () => {
    const ex = run(
      'Councillor Tom Reyes said the shelters were ready. Later, Councilor Maria Ortiz and Alderman Joe Banks ' +
        'disagreed.',
    );
    expect(person(ex, 'Tom Reyes')?.roles).toContain('Councillor');
    expect(person(ex, 'Maria Ortiz')?.roles).toContain('Councilor');
    expect(person(ex, 'Joe Banks')?.roles).toContain('Alderman');
    expect(ex.people.some((p) => /^Council/.test(p.name))).toBe(false);
  });

  it('a negation stays with its status word, and a status goes to the proposal it is about', () => {
    const ex = run(
      'Officials said there were no confirmed plans for Lena Fischer’s visit to Vienna. The leaked proposal, ' +
        'which was confirmed by the White House, includes an accompanying document outlining security guarantees.',
    );
    const visit = proposal(ex, /visit/);
    expect(visit?.status).toMatch(/no confirmed plans/);
    expect(visit?.status ?? '').not.toMatch(/(^|; )(no|confirmed)(;|$)/);
    expect(proposal(ex, /leaked proposal/)?.status).toMatch(/confirmed/);
    expect(proposal(ex, /security guarantees/)?.status ?? '').not.toMatch(/confirmed/);
  });

  it('approved, rejected and postponed are statuses; "which the council rejected" belongs to the fund', () => {
    const ex = run(
      'Mayor Ivan Petrenko proposed a new air-defence fund, which the city council rejected. The council ' +
        'approved the shelter plan on Tuesday.',
    );
    const fund = proposal(ex, /air-defence fund/);
    expect(fund?.status).toMatch(/rejected/);
    expect(fund?.proposedBy).toContain('Ivan Petrenko');
    expect(proposal(ex, /shelter plan/)?.status).toMatch(/approved/);
    expect(proposal(ex, /shelter plan/)?.name).not.toMatch(/Tuesday/);
  });

  it('the subject of "working on" is the proposer; past treaties with a year are no proposals', () => {
    const ex = run(
      'The term sheet that Jared Kushner and Steve Witkoff have been working on was modelled on earlier drafts. ' +
        'Critics cited the 1994 Budapest memorandum.',
    );
    expect(proposal(ex, /term sheet/)?.proposedBy).toEqual(['Jared Kushner', 'Steve Witkoff']);
    expect(proposal(ex, /Budapest/)).toBeUndefined();
  });

  it('"his visit … had been postponed" is a status of that person’s visit', () => {
    const ex = run(
      'Volodymyr Zelensky hoped to visit Washington this week. Zelensky said his visit to Washington had been ' +
        'postponed.',
    );
    const visits = ex.proposals.filter((p) => /visit/i.test(p.name));
    expect(visits).toHaveLength(1);
    expect(visits[0].status).toMatch(/postponed/);
  });

  it('"a day earlier than first reported" is no date; `what` names the event', () => {
    const ex = run('The talks in Geneva began on Monday, a day earlier than first reported, officials said.');
    expect(ex.dates.map((d) => d.text)).toEqual(['Monday']);
    expect(ex.dates[0].what).toBe('talks in Geneva');
  });
});
