import { describe, expect, it } from 'vitest';
import { extractionSchema } from '../../src/extract/contract.ts';
import { extract } from '../../src/extract/index.ts';

// Names, roles and speakers measured wrong on fresh articles; every sentence and person here is invented.
const run = (body: string) =>
  extractionSchema.parse(extract({ id: 't', title: 't', source: null, publishedAt: '2025-11-20', body }));
const person = (ex: ReturnType<typeof run>, name: string) => ex.people.find((p) => p.name === name);
const placeNames = (ex: ReturnType<typeof run>) => ex.places.map((p) => p.name);

describe('a place used as a given name', () => {
  it('is the first name of a person when a surname follows', () => {
    const ex = run(
      'Jordan Marchetti, the party’s candidate, said the count was flawed. Marchetti asked for a recount.',
    );
    expect(ex.people.map((p) => p.name)).toEqual(['Jordan Marchetti']);
    expect(person(ex, 'Jordan Marchetti')?.aliases).toContain('Marchetti');
    expect(placeNames(ex)).not.toContain('Jordan');
  });

  it('gives people, not places, for city and country first names', () => {
    const ex = run(
      'Sofia Lindqvist met Paris Jackson in Rome. Chelsea Whitford told reporters the meeting was short. ' +
        'Florence Okafor said nothing.',
    );
    expect(ex.people.map((p) => p.name)).toEqual(
      expect.arrayContaining(['Sofia Lindqvist', 'Paris Jackson', 'Chelsea Whitford', 'Florence Okafor']),
    );
    expect(placeNames(ex)).toEqual(['Rome']);
  });

  it('stays a place before a common word, after "in", and before an appositive', () => {
    const ex = run(
      'The Paris talks ended without a deal. Officials met again in Jordan on Monday. Sofia, the capital, was quiet.',
    );
    expect(ex.people).toEqual([]);
    expect(placeNames(ex)).toEqual(expect.arrayContaining(['Paris', 'Jordan', 'Sofia']));
  });

  it('gives the place back when the name span names no one', () => {
    const ex = run('Travellers flew into London Heathrow before dawn.');
    expect(ex.people).toEqual([]);
    expect(placeNames(ex)).toContain('London');
  });
});

describe('entity hygiene', () => {
  it('offices, bodies and pronouns are never people', () => {
    const ex = run(
      'Army Europe said the drills began. National Security officials agreed. I think we were right, said Mira ' +
        'Castell. Defense Council members left.',
    );
    expect(ex.people.map((p) => p.name)).toEqual(['Mira Castell']);
  });

  it(
    'an organisation named after office words is one organisation, and the person acts for it only as the ' +
      'text says',
    () => {
      const ex = run(
        'Petra Voss, secretary of the National Security and Defense Council, said the talks would resume. Ivan ' +
          'Kostenko, head of the Defense Council, said no.',
      );
      expect(ex.people.map((p) => p.name).sort()).toEqual(['Ivan Kostenko', 'Petra Voss']);
      expect(person(ex, 'Petra Voss')).toMatchObject({
        roles: ['secretary of the National Security and Defense Council'],
        affiliation: 'National Security and Defense Council',
      });
      expect(person(ex, 'Ivan Kostenko')?.roles).toEqual(['head of the Defense Council']);
      expect(ex.organizations.map((o) => o.name).sort()).toEqual([
        'Defense Council',
        'National Security and Defense Council',
      ]);
    },
  );

  it('a role never holds another person’s name', () => {
    const ex = run(
      'Dale Okonjo, the Army Secretary and Gen. Mark Ferris, arrived in Warsaw. Hal Brenner, the secretary of ' +
        'state who met Special Envoy Tomas Ruiz, said no.',
    );
    expect(person(ex, 'Dale Okonjo')?.roles).toEqual(['Army Secretary']);
    expect(person(ex, 'Mark Ferris')?.roles).toEqual(['General']);
    expect(person(ex, 'Hal Brenner')?.roles).toEqual(['secretary of state']);
    expect(person(ex, 'Tomas Ruiz')?.roles).toEqual(['Special Envoy']);
  });

  it('titles before two joined names stay with their own names', () => {
    const ex = run(
      'Army Secretary Dale Okonjo and Army Chief of Staff General Mark Ferris flew in. Secretary of State Hal ' +
        'Brenner met Special Envoy Tomas Ruiz.',
    );
    expect(person(ex, 'Dale Okonjo')?.roles).toEqual(['Army Secretary']);
    expect(person(ex, 'Mark Ferris')?.roles.sort()).toEqual(['Army Chief of Staff', 'General']);
    expect(person(ex, 'Hal Brenner')?.roles).toEqual(['Secretary of State']);
  });
});

describe('speakers', () => {
  const speakerOf = (ex: ReturnType<typeof run>, re: RegExp) => ex.quotes.find((q) => re.test(q.text))?.speaker;

  it('a name right after the quote speaks, even with another person earlier in the paragraph', () => {
    const ex = run(
      'Yuliia Marchenko met the envoy on Monday. "We will not surrender our land," Havryliuk told parliament.',
    );
    expect(speakerOf(ex, /surrender/)).toBe('Havryliuk');
    const ex2 = run(
      'Yuliia Marchenko met Petro Havryliuk. "We will not surrender our land," Havryliuk, the prime minister, ' +
        'told state television.',
    );
    expect(speakerOf(ex2, /surrender/)).toBe('Petro Havryliuk');
    const ex3 = run(
      'Yuliia Marchenko met Petro Havryliuk. “There is no deadline for us,” Havryliuk told a news conference.',
    );
    expect(speakerOf(ex3, /deadline/)).toBe('Petro Havryliuk');
  });

  it('an organisation speaks through the noun that refers to it', () => {
    const ex = run(
      'The Foreign Ministry rejected the claim. "This is a provocation and nothing more," the ministry said in ' +
        'a statement.',
    );
    expect(speakerOf(ex, /provocation/)).toBe('Foreign Ministry');
    const ex2 = run(
      'The Maritime Workers Union called a strike. "We will keep fighting for our members," the union said.',
    );
    expect(speakerOf(ex2, /keep fighting/)).toBe('Maritime Workers Union');
    const ex3 = run('The Harbour Alliance Party lost the vote. "We accept the result of the count," said the group.');
    expect(speakerOf(ex3, /accept the result/)).toBe('Harbour Alliance Party');
  });

  it('a noun with no organisation named before, a scare quote and a quoted title have no speaker', () => {
    const ex = run(
      '"We will keep fighting for our members," the group said. Later the ministry called it a "special ' +
        'operation", the ministry said. Havryliuk appeared on "Morning Hour" on Sunday.',
    );
    expect(speakerOf(ex, /keep fighting/)).toBeNull();
    expect(speakerOf(ex, /special operation/)).toBeNull();
    expect(speakerOf(ex, /Morning Hour/)).toBeNull();
  });
});
