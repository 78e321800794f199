import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';

// Invented sentences: armed groups, services and bodies whose names the extractor used to cut or split.
const run = (body: string) => extract({ id: 't', title: 't', source: null, publishedAt: null, body });
const orgNames = (body: string) =>
  run(body)
    .organizations.map((o) => o.name)
    .sort();

describe('organisations: groups and bodies', () => {
  it('a letters-and-digits armed group is an organisation, a model number is not', () => {
    const ex = run(
      'Fighting resumed after the K44 rebels seized the town of Marovo. The Vessia-backed K44 rebel group ' +
        'denied it. The airline grounded the A320 jets on Monday.',
    );
    expect(ex.organizations.map((o) => o.name)).toEqual(['K44']);
    expect(ex.people).toEqual([]);
  });

  it('a royal national service is one organisation with its short form as an alias', () => {
    const ex = run(
      'The Royal Danish Navy said on Monday that two ships had been sent north. The Danish Navy later confirmed ' +
        'the patrol.',
    );
    const navy = ex.organizations.filter((o) => /Navy/.test(o.name));
    expect(navy).toHaveLength(1);
    expect(navy[0]).toMatchObject({ name: 'Royal Danish Navy', aliases: ['Danish Navy'] });
  });

  it('a numbered military unit is an organisation, not a person', () => {
    const ex = run('At around 9 am, the 4th Army Region reported shelling near the border post.');
    expect(ex.organizations.map((o) => o.name)).toContain('4th Army Region');
    expect(ex.people.map((p) => p.name)).not.toContain('Army Region');
  });

  it('a body named after a city keeps the city in its name', () => {
    const ex = run('Ministers met at a Lisbon Maritime Organization (LMO) summit on Tuesday.');
    expect(ex.organizations).toEqual([
      expect.objectContaining({ name: 'Lisbon Maritime Organization', aliases: ['LMO'] }),
    ]);
    expect(ex.places.map((p) => p.name)).not.toContain('Lisbon');
  });

  it('a long armed-group name runs through "for the … of …"; a bare country after "of" does not join', () => {
    expect(
      orgNames(
        'The army demanded an end to another armed group, the Popular Front for the Liberation of Zanor (FPLZ), ' +
          'which was founded in 1994.',
      ),
    ).toEqual(['Popular Front for the Liberation of Zanor']);
    expect(orgNames('Marta Ilves, head of the Defence Council of Estonia, said no.')).not.toContain(
      'Defence Council of Estonia',
    );
  });

  it('a committee "of" a country\'s creditors keeps its whole name', () => {
    expect(orgNames('The Ad Hoc Committee of Zanoria Bondholders rejected the offer on Friday.')).toEqual([
      'Ad Hoc Committee of Zanoria Bondholders',
    ]);
  });

  it('a confederation or directorate "of" something is an organisation', () => {
    expect(
      orgNames(
        'The Confederation of Highland Peoples called a strike, and the Directorate of Fisheries said quotas ' +
          'would hold.',
      ),
    ).toEqual(['Confederation of Highland Peoples', 'Directorate of Fisheries']);
  });

  it('an acronym defined as a route or a plan names a thing, a party’s acronym stays an organisation', () => {
    expect(
      orgNames(
        'The deal creates a transit corridor named the Northern Link Route for Trade (NLRT). Officials said the ' +
          'NLRT would open in 2027.',
      ),
    ).toEqual([]);
    expect(
      orgNames('The centre-left Parti Radical Unitaire (PRU) won 20 seats. The PRU said it would join talks.'),
    ).toContain('PRU');
  });

  it('a name before "the White House said" is no body', () => {
    expect(orgNames('The plan is called Harmony, the White House said.')).toEqual(['White House']);
  });

  it('a ministry named with a comma list of domains, and a council "for the … of the …" keep their whole names', () => {
    expect(orgNames('The Ministry of Ports, Rail and Canals said on Monday that the talks would resume.')).toEqual([
      'Ministry of Ports, Rail and Canals',
    ]);
    expect(
      orgNames('Scientists at the International Council for the Study of the Ocean (ICSO) warned of a decline.'),
    ).toEqual(['International Council for the Study of the Ocean']);
  });

  it('firms named "… Partners", "… Asset Management" are organisations; a highway is a place', () => {
    const ex = run(
      'Investors at Boreal Frontier Partners sold the bonds. Kestrel Asset Management bought them. Drivers ' +
        'blocked the Trans-Coastal Highway on Wednesday.',
    );
    expect(ex.organizations.map((o) => o.name).sort()).toEqual([
      'Boreal Frontier Partners',
      'Kestrel Asset Management',
    ]);
    expect(ex.places.map((p) => p.name)).toContain('Trans-Coastal Highway');
  });
});
