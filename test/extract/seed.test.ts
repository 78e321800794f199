import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractionSchema } from '../../src/extract/contract.ts';
import { extractArticle, FIXTURES } from './fixtures.ts';
import { f1, scoreDocument, type Gold, type Totals } from './scorer.ts';

const SEED = path.resolve(FIXTURES, '../../data/documents/000_f508cbc51fa2a6d2.txt');
const gold = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'seed-expected.json'), 'utf8')) as Gold;

describe('the seed article', () => {
  const ex = extractArticle(SEED);
  const totals: Totals = {};
  const report = scoreDocument(ex, gold, totals);

  it('validates against the extraction contract', () => {
    expect(() => extractionSchema.parse(ex)).not.toThrow();
  });
  it(
    'meets the bars: people 0.95, roles 0.90, affiliation 0.80, places 0.90, organisations 0.80, proposals ' +
      '0.80, quotes 0.95',
    () => {
      const summary = Object.fromEntries(Object.entries(totals).map(([k, t]) => [k, +f1(t).f1.toFixed(3)]));
      expect(summary.people, JSON.stringify(report.people)).toBeGreaterThanOrEqual(0.95);
      expect(summary.roles).toBeGreaterThanOrEqual(0.9);
      expect(summary.affiliation).toBeGreaterThanOrEqual(0.8);
      expect(summary.places, JSON.stringify(report.places)).toBeGreaterThanOrEqual(0.9);
      expect(summary.organizations, JSON.stringify(report.orgs)).toBeGreaterThanOrEqual(0.8);
      expect(summary.proposals, JSON.stringify(report.props)).toBeGreaterThanOrEqual(0.8);
      expect(summary.quotes, report.quoteMisses.join(' | ')).toBeGreaterThanOrEqual(0.95);
    },
  );
  it('finds the dated event as written, with its precision and what it is about', () => {
    const d = ex.dates.find((x) => x.iso === '2023-11-05');
    expect(d).toMatchObject({ text: 'November 5, 2023', precision: 'day' });
    expect(d!.what).toMatch(/negotiations/);
  });
  it('splits titles from names and keeps them as roles', () => {
    const rubio = ex.people.find((p) => p.name === 'Marco Rubio')!;
    expect(rubio.roles).toContain('Secretary of State');
    expect(rubio.aliases).toContain('Rubio');
    expect(Object.keys(rubio.roleSentences)).toContain('Secretary of State');
    expect(ex.people.map((p) => p.name)).not.toContain('President Donald Trump');
    expect(ex.people.every((p) => !/[’']s$|,$/.test(p.name))).toBe(true);
  });
  it('ties every fact to sentences', () => {
    for (const p of ex.people) expect(p.sentences.length).toBeGreaterThan(0);
    for (const p of ex.proposals) expect(p.evidence.length).toBeGreaterThan(0);
    const plan = ex.proposals.find((p) => /28-point/.test(p.name))!;
    expect(plan.evidence.length).toBeGreaterThanOrEqual(4);
    expect(plan.status).toMatch(/leaked/);
  });
  it('gives a show title and a scare-quoted term no speaker', () => {
    expect(ex.quotes.find((q) => /Face the Nation/.test(q.text))?.speaker).toBeNull();
    expect(ex.quotes.find((q) => /^term sheet/.test(q.text))?.speaker).toBeNull();
  });
  it('keeps relative dates of an undated document without inventing a day', () => {
    const sat = ex.dates.find((d) => /Saturday/.test(d.text));
    expect(sat).toBeDefined();
    expect(sat!.iso).toBeNull();
    expect(ex.dates.find((d) => /last month/.test(d.text))?.iso ?? null).toBeNull();
  });
});
