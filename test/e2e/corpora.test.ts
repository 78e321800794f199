/**
 * Two servers through the real discord.js client and the fake Discord: each adds an article of its own; neither ever
 * sees the other's, both read the shipped documents, and /forget takes one server's article away from it alone.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectCleanReply, expectNoTrouble } from './expect-reply.ts';
import { startParley, type Parley } from './harness.ts';

let p: Parley;
let one: { guildId: string; channelId: string };
let two: { guildId: string; channelId: string };

const HARBOUR = `---
title: Harbour dues talks in Nordvik
source: Coastal Wire
published: 2026-02-03
---
Harbour master Ingrid Solvik met trawler owners in Nordvik on Monday. "The dues will fall by a third," Solvik said.
`;
const RAIL = `---
title: Rail strike vote in Carrow
source: Valley Post
published: 2026-02-04
---
Union leader Tomas Quirke called a strike vote in Carrow on Tuesday. "Our members will decide," Quirke said.
`;

const text = (embeds: unknown) => JSON.stringify(embeds);

async function ingest(at: { guildId: string; channelId: string }, name: string, content: string) {
  const file = p.fake.attachment(name, content);
  const reply = await p.fake.sendCommand('ingest', { file }, { admin: true, ...at });
  expectCleanReply(reply);
  expect(reply.embeds[0].title).toBe(`Added ${name}`);
}

beforeAll(async () => {
  p = await startParley({ guilds: ['Harbour town', 'Valley town'] });
  [one, two] = p.guilds;
  await ingest(one, 'harbour.md', HARBOUR);
  await ingest(two, 'rail.md', RAIL);
}, 60_000);
afterAll(async () => {
  await p?.stop();
});
afterEach(() => expectNoTrouble(p));

describe('two servers, two corpora', () => {
  it('each server finds its own article and never the other server’s', async () => {
    for (const [at, mine, theirs, name, other] of [
      [one, 'Harbour dues talks', 'Rail strike vote', 'solvik', 'quirke'],
      [two, 'Rail strike vote', 'Harbour dues talks', 'quirke', 'solvik'],
    ] as const) {
      const sources = await p.fake.sendCommand('sources', {}, at);
      expectCleanReply(sources);
      expect(text(sources.embeds)).toContain(mine);
      expect(text(sources.embeds)).not.toContain(theirs);
      expect(text(sources.embeds)).toContain('Zelenskyy visit');

      const who = await p.fake.sendCommand('who', { name }, at);
      expect(text(who.embeds)).toMatch(new RegExp(name, 'i'));
      const whoOther = await p.fake.sendCommand('who', { name: other }, at);
      expect(text(whoOther.embeds)).not.toMatch(/Ingrid Solvik|Tomas Quirke/);

      const ask = await p.fake.sendCommand('ask', { question: `What did ${other} say?` }, at);
      expect(text(ask.embeds)).not.toContain(other === 'solvik' ? 'dues will fall' : 'members will decide');
      expect(text(ask.embeds)).not.toContain(theirs);

      const choices = await p.fake.autocomplete('who', { name: other.slice(0, 3) }, 'name', at);
      expect(choices.map((c) => c.name).join(' ')).not.toMatch(/Solvik|Quirke/);
      const rubio = await p.fake.sendCommand('who', { name: 'rubio' }, at);
      expect(rubio.embeds[0].title).toBe('Marco Rubio');
    }
  });

  it('the main server, which added nothing, sees the shipped documents only', async () => {
    const sources = await p.fake.sendCommand('sources');
    expect(text(sources.embeds)).not.toMatch(/Harbour dues|Rail strike/);
    expect(text(sources.embeds)).toContain('Zelenskyy visit');
  });
});

describe('/forget end to end', () => {
  it('is hidden from members and refused at run time where a server granted it anyway', async () => {
    await expect(p.fake.sendCommand('forget', { document: '1' }, one)).rejects.toThrow(/would not show \/forget/);
    const reply = await p.fake.sendCommand('forget', { document: '1' }, { ...one, permissionOverride: true });
    expect(reply.embeds[0].title).toBe('Not allowed');
  });

  it('offers only the server’s own documents, and forgets the chosen one there alone', async () => {
    const choices = await p.fake.autocomplete('forget', { document: '' }, 'document', { admin: true, ...one });
    expect(choices.map((c) => c.name)).toEqual([expect.stringContaining('Harbour dues talks')]);
    const reply = await p.fake.sendCommand('forget', { document: String(choices[0].value) }, { admin: true, ...one });
    expectCleanReply(reply);
    expect(reply.ephemeral).toBe(true);
    expect(reply.embeds[0].title).toBe('Forgot Harbour dues talks in Nordvik');

    const who = await p.fake.sendCommand('who', { name: 'solvik' }, one);
    expect(text(who.embeds)).not.toContain('Ingrid Solvik');
    const sources = await p.fake.sendCommand('sources', {}, one);
    expect(text(sources.embeds)).not.toContain('Harbour dues talks');
    expect(text(sources.embeds)).toContain('Zelenskyy visit');
    const theirs = await p.fake.sendCommand('sources', {}, two);
    expect(text(theirs.embeds)).toContain('Rail strike vote');
    // A shared document cannot be forgotten from a server.
    expect(await p.fake.autocomplete('forget', { document: 'Zelenskyy' }, 'document', { admin: true, ...one })).toEqual(
      [],
    );
  });
});
