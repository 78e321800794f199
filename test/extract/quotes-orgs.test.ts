import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';

const quotes = (body: string) => extract({ id: 't', title: 't', source: null, publishedAt: null, body }).quotes;
const speakerOf = (body: string, start: string) => quotes(body).find((q) => q.text.startsWith(start))?.speaker;

describe('organisations that speak before the quote', () => {
  it('"The State Department said: “…”"', () => {
    expect(
      speakerOf(
        'Talks ended late. The State Department said: "The signing marks a milestone for the region."',
        'The signing',
      ),
    ).toBe('State Department');
  });

  it('"In a statement, the ministry indicated that …": the ministry named before', () => {
    const body =
      'The Ministry of Trade and Fisheries held talks.\n\nIn a statement, the ministry indicated that the ' +
      'conversation was "cordial and technical" and more.';
    expect(speakerOf(body, 'cordial')).toBe('Ministry of Trade and Fisheries');
  });

  it('"The Commission, in a note issued in the evening, said …": over a parenthetical', () => {
    const body =
      'The European Commission hosted the talks. The Commission, in a note issued in the evening, said the ' +
      'meeting "confirmed the shared objective of sound finances".';
    expect(speakerOf(body, 'confirmed the shared')).toBe('European Commission');
  });

  it(
    '"X said in a statement that the meeting had confirmed “…”": back from the nearer verb to the one with a ' +
      'subject',
    () => {
      const body =
        'Lawyers met on Monday. The European Commission said in a statement that the meeting had confirmed the ' +
        'text "without substantive changes".';
      expect(speakerOf(body, 'without substantive')).toBe('European Commission');
    },
  );

  it('"“…,” the party said": a party named before', () => {
    const body =
      'The Socialist Democratic Party walked out.\n\n"No socialist will sign this text," the party said in a ' +
      'statement.';
    expect(speakerOf(body, 'No socialist')).toBe('Socialist Democratic Party');
  });

  it('a person "of the Federation" who speaks is the speaker, not the federation', () => {
    const body =
      'Fishermen protested.\n\nTomas Varga of the Northern Pelagic Federation said the share remained "a ' +
      'disappointment dressed up as a victory".';
    expect(speakerOf(body, 'a disappointment')).toBe('Tomas Varga');
  });
});
