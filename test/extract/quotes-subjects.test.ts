import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';

const quotes = (body: string) => extract({ id: 't', title: 't', source: null, publishedAt: null, body }).quotes;
const speakerOf = (body: string, start: string) => quotes(body).find((q) => q.text.startsWith(start))?.speaker;

describe('the subject that speaks', () => {
  it('a surname with a lowercase particle after the quote', () => {
    const body =
      'The delegation was led by Anneke van Loon, a director in the department.\n\n"It is a package, and it is ' +
      'a fair one," van Loon said.';
    expect(speakerOf(body, 'It is a package')).toBe('Anneke van Loon');
  });

  it('"X, the Dutch fisheries minister, told …": over an appositive with modifiers to the name', () => {
    const body =
      'Talks resumed.\n\nKarel Jansen, the Dutch fisheries minister, told the opening session that his ' +
      'government would not discuss shares "while others are setting their own numbers in the background".';
    expect(speakerOf(body, 'while others')).toBe('Karel Jansen');
  });

  it('"Speaking on Wednesday, the minister said …": an opening clause\'s comma is no appositive', () => {
    const body =
      'Minister of Trade Sofia Brandsdottir spoke on Monday.\n\nSpeaking in parliament on Wednesday, the ' +
      'minister said the offer is "not a basis on which we can sign a treaty".';
    expect(speakerOf(body, 'not a basis')).toBe('Sofia Brandsdottir');
  });

  it('"in the presence of X, who … said …": the name a relative clause hangs on', () => {
    const body =
      'The ministers signed the deal in the presence of Foreign Secretary Lena Moravec, who acknowledged there ' +
      'was "more work to be done" but said the deal will let people "now have hope for a better life."';
    expect(speakerOf(body, 'more work')).toBe('Lena Moravec');
    expect(speakerOf(body, 'now have hope')).toBe('Lena Moravec');
  });
});
