import { describe, expect, it } from 'vitest';
import { extract, type ExtractInput } from '../../src/extract/index.ts';

const doc = (body: string): ExtractInput => ({ id: 't', title: 't', source: null, publishedAt: null, body });
const proposals = (body: string) => extract(doc(body)).proposals;
const one = (body: string) => {
  const ps = proposals(body);
  expect(ps, body).toHaveLength(1);
  return ps[0];
};

describe('offers and demands stated as money and numbers', () => {
  it('an offer of a share, by the country that makes it', () => {
    expect(one('Norway offered a 12% quota share.')).toMatchObject({
      name: '12% quota share',
      proposedBy: ['Norway'],
      status: 'offered',
    });
  });

  it('a rejection of the same offer links to its name and does not make the rejecter its author', () => {
    const alone = one('Iceland rejected the 12% quota share offer.');
    expect(alone.name).toBe('12% quota share');
    expect(alone.aliases).toContain('12% quota share offer');
    expect(alone.status).toBe('rejected');
    expect(alone.proposedBy).not.toContain('Iceland');

    const both = one('Norway offered a 12% quota share. Iceland rejected the 12% quota share offer.');
    expect(both).toMatchObject({ name: '12% quota share', proposedBy: ['Norway'], evidence: [0, 1] });
    expect(both.status).toMatch(/offered/);
    expect(both.status).toMatch(/rejected/);
  });

  it('a goal in money per year', () => {
    expect(one('Ministers set a $40 billion a year goal by 2030.')).toMatchObject({
      name: '$40 billion a year goal',
      status: 'set',
    });
  });

  it('a demanded pause of so many days', () => {
    expect(one('The union demanded a 60-day pause in the layoffs.')).toMatchObject({
      name: '60-day pause',
      status: 'demanded',
    });
  });

  it('a change to a figure, floated by a capital', () => {
    expect(one('Brussels floated tariffs cut to 15% on cars.')).toMatchObject({
      name: 'tariffs cut to 15%',
      proposedBy: ['Brussels'],
      status: 'proposed',
    });
  });

  it('a demand in money, dismissed by someone else', () => {
    const p = one("The creditors' $90 billion demand was dismissed by the finance ministry.");
    expect(p.name).toBe('$90 billion demand');
    expect(p.status).toBe('dismissed');
    expect(p.proposedBy.join(' ')).not.toMatch(/ministry/i);
  });

  it('a proposed fund keeps its currency', () => {
    expect(one('The fund proposed a €200 million compensation fund.')).toMatchObject({
      name: '€200 million compensation fund',
      status: 'proposed',
    });
  });

  it('an offer to a named party and a passive offer by a named party', () => {
    expect(one('Norway offered Iceland a 12% quota share.')).toMatchObject({
      name: '12% quota share',
      proposedBy: ['Norway'],
      status: 'offered',
    });
    expect(one('A 12% quota share was offered by Norway.')).toMatchObject({
      name: '12% quota share',
      proposedBy: ['Norway'],
      status: 'offered',
    });
  });

  it('a number alone is not an offer', () => {
    for (const body of [
      'Prices rose 12% last year.',
      'About 3,000 people marched.',
      'The talks lasted 12 hours.',
      'Unemployment stands at 7%.',
      'The strike entered its 12-day stretch as wages fell 3%.',
    ]) {
      expect(proposals(body), body).toEqual([]);
    }
  });
});
