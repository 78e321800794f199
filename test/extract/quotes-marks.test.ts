import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';
import { findQuoteSpans } from '../../src/extract/quotes.ts';

const quotes = (body: string) => extract({ id: 't', title: 't', source: null, publishedAt: null, body }).quotes;

describe('quotation marks', () => {
  it('a straight opening mark closed by a curly one is one quote, with its speaker', () => {
    const q = quotes(
      'Foreign Minister Lena Moravec spoke at the summit.\n\n"We will not be rushed into a bad deal,” Moravec said.',
    );
    expect(q).toEqual([
      expect.objectContaining({ speaker: 'Lena Moravec', text: 'We will not be rushed into a bad deal,' }),
    ]);
  });

  it('a curly opening mark closed by a straight one is one quote, with its speaker', () => {
    const q = quotes('Foreign Minister Lena Moravec spoke at the summit.\n\n“The talks go on," she added.');
    expect(q).toEqual([expect.objectContaining({ speaker: 'Lena Moravec', text: 'The talks go on,' })]);
  });

  it('a straight mark inside a curly quote still closes at the curly mark', () => {
    const spans = findQuoteSpans('She said: “They call it the "final offer" and it is not.” Then she left.');
    expect(spans).toHaveLength(1);
    expect(spans[0].text).toBe('They call it the "final offer" and it is not.');
  });
});
