import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';

const roles = (body: string) =>
  Object.fromEntries(
    extract({ id: 't', title: 't', source: null, publishedAt: null, body }).people.map((p) => [p.name, p.roles]),
  );

describe('shared offices', () => {
  it('"HWU co-leaders A and B": each holds the office', () => {
    const r = roles('The deal was signed by HWU co-leaders Lars Okafor and Mira Dolan on Monday.');
    expect(r['Lars Okafor']).toEqual(['HWU co-leader']);
    expect(r['Mira Dolan']).toEqual(['HWU co-leader']);
  });

  it('"co-chair X"', () => {
    expect(roles('Party co-chair Mira Dolan spoke on Monday.')['Mira Dolan']?.[0]).toMatch(/co-chair/i);
  });
});
