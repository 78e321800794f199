import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';

const quotes = (body: string) => extract({ id: 't', title: 't', source: null, publishedAt: null, body }).quotes;
const speakerOf = (body: string, start: string) => quotes(body).find((q) => q.text.startsWith(start))?.speaker;

describe('speakers named only by surname', () => {
  const body = [
    'The two leaders met in the capital on Monday.',
    'Moravec said the talks had been difficult. Moravec also told reporters that the border would stay open.',
    '"We are closer than we have ever been," she said.',
    'Later, "the next round will be decisive," said Moravec.',
  ].join('\n\n');

  it('"X said" after the quote credits the bare surname', () =>
    expect(speakerOf(body, 'the next round')).toBe('Moravec'));
  it('a pronoun after the quote goes to the surname the paragraph before is about', () =>
    expect(speakerOf(body, 'We are closer')).toBe('Moravec'));

  it('a one-word name that never speaks is no speaker', () => {
    const b =
      'Ministers met in Kostrava on Monday. Kostrava hosted the talks last year too.\n\n"It is a long road," a ' +
      'delegate said.';
    expect(speakerOf(b, 'It is a long road')).toBeNull();
  });

  it('a one-word name the people pass left unlinked is the one person whose name holds it', () => {
    const b =
      'Prime Minister Idris Kamal hosted the leaders.\n\nIdris said the two sides agreed.\n\n"Both sides have ' +
      'agreed to talk again," said Idris at a joint press conference.';
    expect(speakerOf(b, 'Both sides have agreed')).toBe('Idris Kamal');
  });
});
