import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';

const quotes = (body: string) => extract({ id: 't', title: 't', source: null, publishedAt: null, body }).quotes;
const speakerOf = (body: string, start: string) => quotes(body).find((q) => q.text.startsWith(start))?.speaker;

describe('a quote introduced by a colon', () => {
  it('"X said: “…”" and "X wrote on X: “…”"', () => {
    expect(
      speakerOf(
        'Prime Minister Tomas Varga arrived in the capital.\n\nVarga said: "We are ready to sign."',
        'We are ready',
      ),
    ).toBe('Tomas Varga');
    expect(
      speakerOf(
        'Prime Minister Tomas Varga arrived.\n\nVarga wrote on X: "We are ready to sign today."',
        'We are ready',
      ),
    ).toBe('Tomas Varga');
  });

  it('"X backed him: “…”": the subject of a clause with no speech verb', () => {
    expect(
      speakerOf(
        'Prime Minister Tomas Varga arrived.\n\nVarga backed him: "We are ready to sign today."',
        'We are ready',
      ),
    ).toBe('Tomas Varga');
  });

  it('"X, one of the negotiators, on social media: “…”"', () => {
    expect(
      speakerOf(
        'Talks collapsed.\n\nMP Youssef Benali, one of the negotiators, on social media: "We came with a mandate ' +
          'from our voters."',
        'We came',
      ),
    ).toBe('Youssef Benali');
  });

  it('"The party has put out a statement: “…”": an organisation that opens the clause', () => {
    expect(
      speakerOf(
        'Talks collapsed.\n\nThe Socialist Democratic Party has put out a statement: "We will not return to these ' +
          'talks."',
        'We will not',
      ),
    ).toBe('Socialist Democratic Party');
  });

  it('"the party president said: “…”" after "X has spoken": the person the text was just about', () => {
    const body =
      'Benali led the walkout on Friday.\n\nBenali has spoken. Standing at the gate, the SDP president said: ' +
      '"We are leaving this table."';
    expect(speakerOf(body, 'We are leaving')).toBe('Benali');
  });

  it('a colon with no one before it gives no speaker', () => {
    expect(
      speakerOf(
        'Talks collapsed.\n\nThe key passage of the letter: "We cannot wait any longer for the reforms."',
        'We cannot',
      ),
    ).toBeNull();
  });
});
