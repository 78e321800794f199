import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';

// Invented sentences: news agencies credited in datelines, sign-offs and "X reported"; datelines that name places.
const run = (body: string) => extract({ id: 't', title: 't', source: null, publishedAt: null, body });
const orgNames = (body: string) =>
  run(body)
    .organizations.map((o) => o.name)
    .sort();
const placeNames = (body: string) =>
  run(body)
    .places.map((p) => p.name)
    .sort();

describe('news agencies and datelines', () => {
  it('an agency credited in a title-case dateline is an organisation', () => {
    const ex = run('Oslo, May 3 (Nordpress) – Talks between the two governments resumed on Monday.');
    expect(ex.organizations.map((o) => o.name)).toEqual(['Nordpress']);
    expect(ex.places.map((p) => p.name)).toContain('Oslo');
  });

  it('a known agency in a dateline takes its full name', () => {
    expect(orgNames('WARSAW, Poland (AP) — Talks between the two governments resumed on Monday.')).toEqual([
      'Associated Press',
    ]);
  });

  it('an agency that "reported" and a sign-off line are organisations', () => {
    expect(orgNames('Yesterday, Kovapress reported that the ministers had met in private.')).toEqual(['Kovapress']);
    expect(orgNames('The ministers met in private on Monday.\n\n— Kovapress')).toEqual(['Kovapress']);
  });

  it('dated and colon datelines name their city; a label before a colon does not', () => {
    expect(placeNames('VALDORA, March 4 — The mayor said the bridge would reopen.')).toContain('Valdora');
    expect(placeNames('KESTRAVIK: Officials said the bridge would reopen on Friday.')).toContain('Kestravik');
    expect(placeNames('UPDATE: Officials said the bridge would reopen on Friday.')).toEqual([]);
    expect(placeNames('MARSOVA, Dravia/WARSAW - Officials said the bridge would reopen.')).toContain('Marsova');
  });
});

describe('venues and exclaves', () => {
  it('the Oval Office is a venue, not an organisation', () => {
    const ex = run('The ministers signed the deal in the Oval Office on Friday.');
    expect(ex.organizations).toEqual([]);
    expect(ex.places).toEqual([expect.objectContaining({ name: 'Oval Office', kind: 'venue' })]);
  });

  it('an exclave named after the noun, or "of", is a place', () => {
    expect(placeNames('The road will link the country with its exclave, Marvella, and reach the border.')).toContain(
      'Marvella',
    );
    expect(placeNames('Officials demanded a corridor to its western exclave of Marvella.')).toContain('Marvella');
  });
});
