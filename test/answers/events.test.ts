import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/documents/document.ts';
import { ingestDocument } from '../../src/ingest/ingest.ts';
import { tempStore, testApp } from '../helpers.ts';
import { text } from './setup.ts';

// Three invented reports on one story, published on three days.
const REPORTS = [
  [
    'a.md',
    '2026-03-02',
    'Fisheries Minister Ingrid Solberg met Icelandic negotiator Arni Jonsson in Tromsø on Monday. Norway ' +
      'offered a 12% quota share. "We are not there yet," Solberg told reporters.',
  ],
  [
    'b.md',
    '2026-03-04',
    'Solberg and Jonsson held talks in Reykjavik on Wednesday. Iceland rejected the 12% quota share offer.',
  ],
  [
    'c.md',
    '2026-03-06',
    'Jonsson will visit Oslo next week, officials said. The 12% quota share offer was revised on Friday.',
  ],
] as const;

async function story() {
  const { store } = tempStore();
  for (const [key, day, body] of REPORTS) {
    await ingestDocument(
      store,
      parseDocument(key, Buffer.from(`---\ntitle: Report ${day}\npublished: ${day}\n---\n${body}`)),
    );
  }
  return { store, briefing: (await testApp(store)).briefing };
}

describe('events in the answers', () => {
  it('/timeline lists events with labels built from who, what and where', async () => {
    const { briefing } = await story();
    const out = text(await briefing.timeline());
    expect(out).toMatch(/Mar 2, 2026 — Solberg, Jonsson — meeting, Tromsø/);
    expect(out).toMatch(/Mar 4, 2026 — Solberg, Jonsson — talks, Reykjavik/);
    expect(out.indexOf('Mar 2, 2026')).toBeLessThan(out.indexOf('Mar 4, 2026'));
  });

  it('/who shows the events a person took part in; /where the events at a place', async () => {
    const { briefing } = await story();
    const who = text(await briefing.who('Jonsson'));
    expect(who).toMatch(/Took part in[\s\S]*talks, Reykjavik[\s\S]*meeting, Tromsø/);
    const where = text(await briefing.where('Reykjavik'));
    expect(where).toMatch(/Events there[\s\S]*Mar 4, 2026 — Solberg, Jonsson — talks, Reykjavik/);
    expect(where).not.toMatch(/Tromsø/);
  });

  it('/brief leads with what happened, newest first, and leaves out what is only planned', async () => {
    const { briefing } = await story();
    const out = text(await briefing.brief());
    expect(out.indexOf('What happened')).toBeGreaterThanOrEqual(0);
    expect(out.indexOf('What happened')).toBeLessThan(out.indexOf('Who'));
    const happened = out.slice(out.indexOf('What happened'), out.indexOf('Who'));
    expect(happened.indexOf('Reykjavik')).toBeLessThan(happened.indexOf('Tromsø'));
    expect(happened).not.toMatch(/visit, Oslo/);
  });

  it('/what shows the status history newest first, each with its date and source', async () => {
    const { briefing } = await story();
    const out = text(await briefing.what('12% quota share'));
    const history = out.slice(out.indexOf('Status history'));
    const dates = [...history.matchAll(/Mar (\d), 2026/g)].map((m) => Number(m[1]));
    expect(dates.length).toBeGreaterThanOrEqual(2);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(history).toMatch(/rejected — Report 2026-03-04/);
  });
});
