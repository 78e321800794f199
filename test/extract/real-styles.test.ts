import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';

// Constructions met in real articles of stories the extractor was not built on; the sentences are our own.
const run = (body: string) => extract({ id: 't', title: 't', source: null, publishedAt: null, body });
const person = (body: string, name: string) => run(body).people.find((p) => p.name === name);

describe('people in the styles outlets use', () => {
  it('a title that opens the sentence before the name', () => {
    const p = person('The president of the European Commission, Maren Tolvik called the deal fair.', 'Maren Tolvik');
    expect(p?.roles).toEqual(['president of the European Commission']);
  });
  it('keeps the body before a title in the role', () => {
    expect(person('UN Secretary-General Idris Kamanda said so.', 'Idris Kamanda')?.roles).toEqual([
      'UN Secretary-General',
    ]);
  });
  it('reads a month as a surname after a given name, and still reads months as months', () => {
    expect(run('Theresa May said the vote would go ahead.').people.map((p) => p.name)).toEqual(['Theresa May']);
    expect(run('The talks began in May 2019 and ended in June.').people).toEqual([]);
  });
  it('drops an abbreviated "His Excellency" and keeps a regnal number', () => {
    const x = run('The envoy H E Tarek Halloun, a senior adviser, attended with King Olaf IV of the realm.');
    expect(x.people.map((p) => p.name).sort()).toEqual(['Olaf IV', 'Tarek Halloun']);
  });
  it('finds names in a person’s slot', () => {
    const x = run('The commissions led by Ardo Veskimets and Tigran Ohanyants will meet again.');
    expect(x.people.map((p) => p.name).sort()).toEqual(['Ardo Veskimets', 'Tigran Ohanyants']);
  });
  it('takes common nouns for no surname', () => {
    expect(run('They are announcing the new Harbour Framework, which changes the rules.').people).toEqual([]);
  });
  it('links a knight’s given name and a given name used alone to the full name', () => {
    const x = run(
      'Opposition leader Sir Callum Reddish said he backed it. Later Sir Callum told MPs it was a start. ' +
        'Prime Minister Somchai Wongrat spoke on Monday. Somchai said the deal was suspended.',
    );
    expect(x.people.map((p) => p.name).sort()).toEqual(['Callum Reddish', 'Somchai Wongrat']);
  });
  it('reads Malaysian honours as no part of the name', () => {
    expect(run('“We need leaders who promote peace,” Datuk Seri Azlan Hamid said.').quotes[0].speaker).toBe(
      'Azlan Hamid',
    );
  });
});

describe('quotes that go on', () => {
  it('credits an unattributed quote after a sentence reporting one person’s words', () => {
    const x = run(
      'The two sides had agreed to a ceasefire, Azlan Hamid added. “This is an important first step towards calm.”',
    );
    expect(x.quotes.map((q) => q.speaker)).toEqual(['Azlan Hamid']);
  });
});

describe('organisations', () => {
  const orgs = (body: string) => run(body).organizations.map((o) => o.name);
  it('runs a name through a possessive and joins a nation’s court', () => {
    expect(orgs('The chief of the National Union of Seamen’s Associations spoke.')).toContain(
      'National Union of Seamen’s Associations',
    );
    expect(orgs('The role of the European Court of Justice was cut.')).toEqual(['European Court of Justice']);
  });
  it('names a body after a city, and keeps "General" in a body’s name', () => {
    expect(orgs('The OSCE Minsk Group was dissolved.')).toEqual(['OSCE Minsk Group']);
    expect(orgs('The General Border Committee met on Tuesday.')).toEqual(['General Border Committee']);
  });
  it('keeps a person and a body apart, and takes no office abbreviation for a body', () => {
    expect(orgs('Prime Minister Callum Reddish and EU Commission staff met. The PM spoke first.')).not.toContain(
      'Callum Reddish and EU Commission',
    );
    expect(orgs('Then the PM spoke to the press. The PM left.')).toEqual([]);
    expect(orgs('The PD (Political Declaration) is explicit about this. The PD stays.')).toEqual([]);
  });
});

describe('proposals named by what they would do', () => {
  const names = (body: string) => run(body).proposals.map((p) => p.name);
  it('an action named as a noun, in a sentence about terms', () => {
    expect(names('The agreement also includes the release of 18 detained fishermen.')).toContain(
      'release of 18 detained fishermen',
    );
    expect(names('The release of the annual report was delayed.')).toEqual([]);
  });
  it('a declaration is a deal', () => {
    expect(names('The two governments signed a declaration of principles in Lomé.')).toEqual([
      expect.stringMatching(/^declaration of principles/),
    ]);
  });
});

describe('places by their neighbours', () => {
  const places = (body: string) => run(body).places.map((p) => p.name);
  it('"the capital X", "a route through X", "adjacent to X"', () => {
    expect(places('They met in the administrative capital Veldora on Monday.')).toContain('Veldora');
    expect(places('Talks covered a route through Marsavia, officials said.')).toContain('Marsavia');
    expect(places('Since the return of villages adjacent to Tolvany, nothing moved.')).toContain('Tolvany');
  });
});

describe('a given name after a descriptive run', () => {
  it('starts the person’s name', () => {
    const x = run('The envoy for the Western Isles Gabriel Morrow who also attended warned of delays.');
    expect(x.people.map((p) => p.name)).toEqual(['Gabriel Morrow']);
  });
  it('a platform of parties is a body', () => {
    expect(run('The parties, known as the Civic Platform, agreed to talks.').organizations.map((o) => o.name)).toEqual([
      'Civic Platform',
    ]);
  });
});

describe('the article’s own printed date', () => {
  it('dates relative days from a date line near the top when no publication date is given', () => {
    const x = run(
      'Harbour deal agreed\n\nPublished: 28 February 2023\n\nThe two sides met on Monday afternoon in Veldora.',
    );
    expect(x.dates.find((d) => /Monday/.test(d.text))?.iso).toBe('2023-02-27');
  });
  it('takes no full date from a long news sentence for the article’s date', () => {
    const x = run(
      'Harbour deal agreed\n\nThe accord signed on 4 March 2019 in Veldora, which ended years of dispute over the ' +
        'quays, was recalled by both delegations on Monday.',
    );
    expect(x.dates.find((d) => /Monday/.test(d.text))?.iso ?? null).toBeNull();
  });
});

describe('proposals in headlines and kinds', () => {
  const names = (body: string) => run(body).proposals.map((p) => p.name);
  it('reads a sentence-case headline, not a Title Case one', () => {
    expect(names('Port eases fishing limits after quota deal\n\nThe port authority met on Monday.')).toContain(
      'quota deal',
    );
    expect(names('Port Eases Fishing Limits After Quota Deal\n\nThe port authority met on Monday.')).toEqual([]);
  });
  it('a gerund between a determiner and the head names its kind; a partnership is a deal', () => {
    expect(names('Opposition leader Ana Ruiz criticised the fishing agreement, saying it was too long.')).toEqual([
      'fishing agreement',
    ]);
    expect(names('Ministers will sign a Harbour Defence Partnership at the summit.')).toEqual([
      expect.stringMatching(/Harbour Defence Partnership/i),
    ]);
  });
});

describe('titles in the plural and offices for a region', () => {
  it('a plural title before a list: each name holds the office, of the country named after it', () => {
    const x = run('The summit drew Presidents Amani Kessy of Kenya, Tomas Ribeiro of Angola, and others.');
    expect(x.people.map((p) => [p.name, p.roles, p.affiliation])).toEqual([
      ['Amani Kessy', ['President'], 'Kenya'],
      ['Tomas Ribeiro', ['President'], 'Angola'],
    ]);
  });
  it('an office for a region, and a titled name that ends the sentence', () => {
    expect(person('Senior Advisor for Africa Amani Kessy also took part.', 'Amani Kessy')?.roles).toEqual([
      'Senior Advisor for Africa',
    ]);
    expect(person('They thanked the president’s senior advisor for Africa, Amani Kessy', 'Amani Kessy')?.roles).toEqual(
      ['senior advisor for Africa'],
    );
  });
});

describe('events and the press', () => {
  it('an outlet that reports an event takes no part in it', () => {
    const x = extract({
      id: 't',
      title: 't',
      source: null,
      publishedAt: '2025-03-04',
      body:
        'Harbour accord signed\n\nMara Tolvik and Jon Brask signed the accord in Veldora on Monday, ' +
        'the Valley Post said.',
    });
    const signing = x.events.find((e) => e.kind === 'signing');
    expect(signing?.participants).toEqual(['Mara Tolvik', 'Jon Brask']);
  });
});
