/**
 * Every slash command, end to end: the fake sends INTERACTION_CREATE over its gateway, discord.js hands it to
 * parley's router, and the answer comes back over REST where the fake checks it against Discord's limits.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectCleanReply, expectNoTrouble } from './expect-reply.ts';
import { startParley, type Parley } from './harness.ts';

let p: Parley;
beforeAll(async () => {
  p = await startParley();
});
afterAll(async () => {
  await p?.stop();
});
afterEach(() => expectNoTrouble(p));

const text = (embeds: unknown) => JSON.stringify(embeds);

describe('slash commands round trip', () => {
  it.each([
    { command: 'who', options: {} as Record<string, string>, title: /^Who is who$/, says: /Marco Rubio/ },
    { command: 'who', options: { name: 'rubio' }, title: /^Marco Rubio$/, says: /Secretary of State/ },
    { command: 'where', options: {}, title: /^Where/, says: /Geneva/ },
    { command: 'what', options: {}, title: /What was proposed/, says: /peace plan/i },
    { command: 'quote', options: {}, title: /Quotes/, says: /“/ },
    { command: 'timeline', options: {}, title: /Timeline/, says: /\d{4}/ },
    { command: 'ask', options: { question: 'Where were the talks held?' }, title: /From the documents/, says: /\[1\]/ },
    { command: 'brief', options: {}, title: /The story so far/, says: /Marco Rubio/ },
    { command: 'sources', options: {}, title: /^Sources$/, says: /Zelenskyy visit/ },
  ])(
    '/$command $options answers in the channel, cited and within limits',
    async ({ command, options, title, says }) => {
      const reply = await p.fake.sendCommand(command, options);
      expectCleanReply(reply);
      expect(reply.via).toBe('callback');
      expect(reply.deferred).toBe(false);
      expect(reply.ephemeral).toBe(false);
      expect(reply.embeds[0].title).toMatch(title);
      expect(text(reply.embeds)).toMatch(says);
    },
  );

  it('/help answers privately', async () => {
    const reply = await p.fake.sendCommand('help');
    expectCleanReply(reply);
    expect(reply.ephemeral).toBe(true);
    expect(text(reply.embeds)).toContain('/brief');
  });

  it('echoed user text carrying @everyone and a user mention pings no one', async () => {
    const reply = await p.fake.sendCommand('who', { name: '@everyone <@333333333333333333> <@&200000000000000001>' });
    expectCleanReply(reply);
    const ask = await p.fake.sendCommand('ask', { question: '@here who met in <#300000000000000001>?' });
    expectCleanReply(ask);
  });

  it('/ingest (admin) downloads the attachment from the CDN URL, defers, and reports what it added', async () => {
    const file = p.fake.attachment(
      'talks-resume.md',
      '---\ntitle: Talks resume\nsource: Wire\n---\nForeign Minister Elena Marchetti of Italy arrived in Rome ' +
        'on Monday. "We want a fair deal," Marchetti said.\n',
    );
    const reply = await p.fake.sendCommand('ingest', { file }, { admin: true });
    expectCleanReply(reply);
    expect(p.fake.downloads).toEqual(['talks-resume.md']);
    expect(reply.deferred).toBe(true);
    expect(reply.via).toBe('edit');
    expect(reply.ephemeral).toBe(true);
    expect(reply.embeds[0].title).toBe('Added talks-resume.md');
    expect(text(reply.embeds)).toContain('Elena Marchetti');

    const who = await p.fake.sendCommand('who', { name: 'marchetti' });
    expectCleanReply(who);
    expect(who.embeds[0].title).toBe('Elena Marchetti');
    const sources = await p.fake.sendCommand('sources');
    expect(text(sources.embeds)).toContain('Talks resume');
  });

  it('/ingest is hidden from members, and refused at run time where a server granted it anyway', async () => {
    const file = p.fake.attachment('sneaky.txt', 'Nothing to see.');
    await expect(p.fake.sendCommand('ingest', { file })).rejects.toThrow(/would not show \/ingest/);
    const reply = await p.fake.sendCommand('ingest', { file }, { permissionOverride: true });
    expectCleanReply(reply);
    expect(reply.embeds[0].title).toBe('Not allowed');
    expect(reply.ephemeral).toBe(true);
    expect(p.fake.downloads).not.toContain('sneaky.txt');
  });

  it('/digest list, subscribe (channel option), list again, now: the digest lands in the channel', async () => {
    const admin = { admin: true };
    const empty = await p.fake.sendCommand('digest list', {}, admin);
    expectCleanReply(empty);
    expect(empty.embeds[0].title).toBe('No digests');

    const channel = p.fake.addChannel('briefings');
    const subscribed = await p.fake.sendCommand('digest subscribe', { schedule: 'weekdays', channel }, admin);
    expectCleanReply(subscribed);
    expect(subscribed.embeds[0].title).toBe('Digest subscribed');

    const list = await p.fake.sendCommand('digest list', {}, admin);
    expectCleanReply(list);
    expect(list.ephemeral).toBe(true);
    expect(text(list.embeds)).toContain(channel);
    expect(text(list.embeds)).toContain('active');

    const now = await p.fake.sendCommand('digest now', { channel }, admin);
    expectCleanReply(now);
    expect(now.embeds[0].description).toBe('Posted.');
    const posted = p.fake.messagesIn(channel);
    expect(posted).toHaveLength(1);
    expect(posted[0].embeds[0].title).toMatch(/story so far/);
    const post = p.fake.requestsTo('POST', `/channels/${channel}/messages`);
    expect(post).toHaveLength(1);
    expect(post[0].body).toMatchObject({ allowed_mentions: { parse: [] }, enforce_nonce: true });
    expect((post[0].body as { flags?: number }).flags ?? 0).toBe(0);
  });
});

describe('autocomplete', () => {
  it('/who name:rub offers Marco Rubio, at most 25 choices', async () => {
    const choices = await p.fake.autocomplete('who', { name: 'rub' }, 'name');
    expect(choices.map((c) => c.value)).toContain('Marco Rubio');
    expect(choices.length).toBeLessThanOrEqual(25);
  });

  it('an empty /quote speaker lists people; /where place:gen offers Geneva', async () => {
    const people = await p.fake.autocomplete('quote', { speaker: '' }, 'speaker');
    expect(people.length).toBeGreaterThan(3);
    expect(people.length).toBeLessThanOrEqual(25);
    const places = await p.fake.autocomplete('where', { place: 'gen' }, 'place');
    expect(places.map((c) => c.value)).toContain('Geneva');
  });

  it('a broad /digest timezone search is capped at 25 choices', async () => {
    const zones = await p.fake.autocomplete('digest subscribe', { schedule: 'daily', timezone: 'a' }, 'timezone', {
      admin: true,
    });
    expect(zones).toHaveLength(25);
    for (const z of zones) expect(String(z.value).length).toBeLessThanOrEqual(100);
  });
});
