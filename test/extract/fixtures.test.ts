import { describe, expect, it } from 'vitest';
import { f1 } from './scorer.ts';
import { scoreFixtures } from './fixtures.ts';

// Articles written for these tests (test/fixtures/articles) with expectations written before the code was fixed
// (test/fixtures/expected), scored with the rules of ../shared/eval/score.mjs. The bars are the unseen-article bars.
describe('fixture articles (unseen-article bars)', () => {
  const { totals, reports } = scoreFixtures();
  const detail = reports
    .map(
      ({ name, report: r }) =>
        `${name}: people -[${r.people.fn}] +[${r.people.fp}] places -[${r.places.fn}] +[${r.places.fp}] proposals ` +
        `-[${r.props.fn}] +[${r.props.fp}] quotes ${r.quoteMisses.join(' | ')}`,
    )
    .join('\n');

  it('has at least six articles with expectations', () => {
    expect(reports.length).toBeGreaterThanOrEqual(6);
  });
  it('people F1 ≥ 0.90', () => expect(f1(totals.people).f1, detail).toBeGreaterThanOrEqual(0.9));
  it('places F1 ≥ 0.85', () => expect(f1(totals.places).f1, detail).toBeGreaterThanOrEqual(0.85));
  it('roles F1 ≥ 0.85', () => expect(f1(totals.roles).f1, detail).toBeGreaterThanOrEqual(0.85));
  it('speaker accuracy ≥ 0.90 (gold quotes attributed right) and precision ≥ 0.90', () => {
    expect(f1(totals.quotes).r, detail).toBeGreaterThanOrEqual(0.9);
    expect(f1(totals.quotes).p, detail).toBeGreaterThanOrEqual(0.9);
  });
  it('proposals recall ≥ 0.75', () => expect(f1(totals.proposals).r, detail).toBeGreaterThanOrEqual(0.75));
  it('organisations F1 ≥ 0.80', () => expect(f1(totals.organizations).f1, detail).toBeGreaterThanOrEqual(0.8));
});
