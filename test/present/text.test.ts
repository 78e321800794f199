import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/briefing/answer.ts';
import { toText } from '../../src/present/text.ts';

const answer: Answer = {
  title: 'Marco Rubio',
  description: 'Acts for **United States**.',
  sections: [
    { heading: 'Roles', items: [{ label: 'Rubio', text: 'Secretary of State', cite: [0, 1] }] },
    { heading: 'Empty', items: [] },
    {
      heading: 'Quotes',
      items: [{ text: '“We made progress,”\nhe said', cite: [1] }],
      more: { count: 3, hint: 'see /quote speaker:Rubio' },
    },
  ],
  citations: [
    {
      documentId: 1,
      document: 'Geneva talks',
      url: 'https://news.example/geneva',
      sentenceIndex: 3,
      sentence: 'Secretary of State Marco Rubio led the delegation.',
    },
    {
      documentId: 2,
      document: 'Miami follow-up',
      url: null,
      sentenceIndex: 0,
      sentence: '“We made progress,” he said.',
    },
  ],
};

describe('toText', () => {
  it('prints title, description, sections with [n] markers, then sources', () => {
    expect(toText(answer)).toBe(
      [
        'Marco Rubio',
        '===========',
        'Acts for United States.',
        '',
        'Roles',
        '  - Rubio — Secretary of State [1, 2]',
        '',
        'Quotes',
        '  - “We made progress,” he said [2]',
        '  … and 3 more — see /quote speaker:Rubio',
        '',
        'Sources',
        '  [1] Geneva talks, sentence 4 <https://news.example/geneva> — “Secretary of State Marco Rubio led the delegation.”',
        '  [2] Miami follow-up, sentence 1',
      ].join('\n'),
    );
  });

  it('has no ANSI colours and drops terminal escapes from document text', () => {
    const out = toText({
      title: '\u001b[31mred',
      sections: [{ heading: 'H', items: [{ text: 'a\u0007b', cite: [9] }] }],
      citations: [],
    });
    expect(out).not.toContain('\u001b');
    expect(out).not.toContain('\u0007');
    expect(out).toBe('[31mred\n=======\n\nH\n  - ab');
  });
});
