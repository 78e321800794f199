import { describe, expect, it } from 'vitest';
import { extractionSchema } from '../../src/extract/contract.ts';
import { extract, type ExtractInput } from '../../src/extract/index.ts';
import { findQuoteSpans } from '../../src/extract/quotes.ts';
import { splitSentences } from '../../src/text/sentences.ts';
import { tokenize } from '../../src/text/tokens.ts';

const doc = (body: string, publishedAt: string | null = null): ExtractInput => ({
  id: 't',
  title: 't',
  source: null,
  publishedAt,
  body,
});
const run = (body: string, publishedAt: string | null = null) =>
  extractionSchema.parse(extract(doc(body, publishedAt)));

describe('edge cases', () => {
  it('an article with no people yields no people', () => {
    const ex = run(
      'Heavy rain flooded parts of northern Italy on Tuesday. Rivers burst their banks near Bologna, and the Po ' +
        'reached its highest level in a decade. Schools in Emilia-Romagna were closed.',
    );
    expect(ex.people).toEqual([]);
    expect(ex.places.map((p) => p.name)).toEqual(expect.arrayContaining(['Italy', 'Bologna']));
  });

  it('an unclosed quote runs to the end of its paragraph and keeps its speaker', () => {
    const ex = run(
      'Critics were unconvinced. Senator Laura Whitcombe wrote that "the treaty would bind us for a ' +
        'generation\n\nThe vote is next week.',
    );
    const q = ex.quotes.find((x) => /bind us/.test(x.text));
    expect(q?.speaker).toBe('Laura Whitcombe');
    expect(q?.text).not.toMatch(/vote is next week/);
  });

  it('nested quotes stay inside their parent quote', () => {
    const body = 'Minister Anna Kowalczyk recalled: “A soldier told me, ‘We hold the line,’ and I believed him.”';
    const spans = findQuoteSpans(body);
    expect(spans).toHaveLength(1);
    const ex = run(body);
    expect(ex.quotes).toHaveLength(1);
    expect(ex.quotes[0]).toMatchObject({ speaker: 'Anna Kowalczyk' });
    expect(ex.quotes[0].text).toMatch(/We hold the line/);
  });

  it('reads an all-caps headline and a wire dateline without inventing people', () => {
    const ex = run(
      'UKRAINE REJECTS LATEST PROPOSAL\n\nKYIV, Ukraine (AP) — Ukraine rejected the latest proposal on Friday, ' +
        'Foreign Minister Andrii Sybiha said.',
    );
    expect(ex.people.map((p) => p.name)).toEqual(['Andrii Sybiha']);
    expect(ex.places.map((p) => p.name)).toEqual(expect.arrayContaining(['Kyiv', 'Ukraine']));
    expect(ex.organizations.map((o) => o.name)).not.toContain('AP');
  });

  it('keeps particles in names and links the surname form', () => {
    const ex = run(
      'European Commission President Ursula von der Leyen met Crown Prince Mohammed bin Salman in Riyadh. “We ' +
        'are partners,” von der Leyen said.',
    );
    const names = ex.people.map((p) => p.name);
    expect(names).toContain('Ursula von der Leyen');
    expect(names).toContain('Mohammed bin Salman');
    expect(ex.quotes[0].speaker).toBe('Ursula von der Leyen');
    expect(ex.people).toHaveLength(2);
  });

  it('straight quotes and a pronoun after the quote go to the nearest person of that gender', () => {
    const ex = run(
      'Prime Minister Helga Brandt met President Tomas Varga in Vienna. Varga said little. "We agreed on ' +
        'nothing," she said.',
    );
    expect(ex.quotes[0]).toMatchObject({ speaker: 'Helga Brandt', sentence: 2 });
  });

  it('a multi-sentence quote belongs to the speaker named after it', () => {
    const ex = run(
      '“The talks were hard. Nobody left the room happy. But we have a text,” said envoy Pieter de Vries.',
    );
    expect(ex.quotes).toHaveLength(1);
    expect(ex.quotes[0].speaker).toBe('Pieter de Vries');
    expect(ex.quotes[0].text).toMatch(/^The talks were hard\. Nobody left/);
  });

  it('prefers the past for a bare weekday in past-tense news, and gives absolute dates their iso', () => {
    // 2025-11-26 is a Wednesday: "on Saturday" is the 22nd, not the 29th
    const ex = run(
      'The ministers met on Saturday in Geneva. The accord was first signed on March 3, 2019.',
      '2025-11-26',
    );
    expect(ex.dates.find((d) => /Saturday/.test(d.text))?.iso).toBe('2025-11-22');
    expect(ex.dates.find((d) => /March 3, 2019/.test(d.text))).toMatchObject({ iso: '2019-03-03', precision: 'day' });
    const undated = run('The ministers met on Saturday. They met again last month.');
    expect(undated.dates.every((d) => d.iso === null)).toBe(true);
  });

  it('keeps a month precision for "last month" in a dated document', () => {
    const ex = run('The envoys met in Miami last month.', '2025-11-26');
    expect(ex.dates[0]).toMatchObject({ iso: '2025-10', precision: 'month' });
  });

  it('tokenizes possessives with curly, straight and reversed apostrophes', () => {
    for (const s of ['Trump’s plan', "Trump's plan", 'Trump‘s plan']) {
      const t = tokenize(s);
      expect(t[0]).toMatchObject({ text: 'Trump', poss: true });
    }
    expect(tokenize('U.S. envoy')[0]).toMatchObject({ text: 'U.S.', key: 'us', upper: true });
  });

  it('does not emit titles, demonyms, organisations or places as people', () => {
    const ex = run(
      'The Russian President spoke to NATO officials in Brussels. The Kremlin said the Ukrainian side was ' +
        'stalling. Secretary of State said nothing.',
    );
    expect(ex.people).toEqual([]);
  });

  it('handles a 2 MB article in bounded time', () => {
    const para =
      'Foreign Minister Taras Melnychenko said on Tuesday that “we are ready to talk” in Istanbul. Russian ' +
      'negotiators proposed a 30-day ceasefire, a Kremlin aide said. ';
    let body = '';
    while (body.length < 2 * 1024 * 1024) body += para + (body.length % 5000 < para.length ? '\n\n' : '');
    const t0 = Date.now();
    const ex = run(body, '2025-11-26');
    const ms = Date.now() - t0;
    expect(ex.people.length).toBeGreaterThan(0);
    expect(splitSentences(body).length).toBeGreaterThan(10000);
    expect(ms).toBeLessThan(60000);
  }, 120000);
});
