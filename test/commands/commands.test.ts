import { ApplicationCommandOptionType, EmbedBuilder, MessageFlags, type CommandInteractionOption } from 'discord.js';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guildReader } from '../../src/store/corpus.ts';
import { asInteraction, fakeInteraction, GUILD } from '../discord/fake-interaction.ts';
import { seededBot } from './setup.ts';

type Bot = Awaited<ReturnType<typeof seededBot>>;
let bot: Bot;
beforeAll(async () => {
  bot = await seededBot();
});
afterAll(() => bot.scheduler.stop());

const str = (name: string, value: string): CommandInteractionOption => ({
  name,
  type: ApplicationCommandOptionType.String,
  value,
});

interface Payload {
  embeds: ReturnType<EmbedBuilder['toJSON']>[];
  allowedMentions: { parse: string[] };
  flags?: number;
}

/** Runs a command through the router and returns the one payload it sent. */
async function run(commandName: string, data: CommandInteractionOption[] = [], admin = false) {
  const fake = fakeInteraction({ commandName, data, admin });
  await bot.router.onInteraction(asInteraction(fake));
  const calls = [...fake.reply.mock.calls, ...fake.editReply.mock.calls, ...fake.followUp.mock.calls];
  expect(calls).toHaveLength(1);
  const payload = calls[0][0] as Payload;
  expect(payload.allowedMentions).toEqual({ parse: [] });
  for (const e of payload.embeds) expect(() => new EmbedBuilder(e)).not.toThrow();
  const text = JSON.stringify(payload.embeds);
  return { fake, payload, embed: payload.embeds[0], text };
}

describe('slash commands over the seed', () => {
  it('/who lists people grouped by affiliation with roles', async () => {
    const { embed, text } = await run('who');
    expect(embed.title).toBe('Who is who');
    const headings = (embed.fields ?? []).map((f) => f.name);
    expect(headings.join(' ')).toMatch(/United States/);
    expect(headings.join(' ')).toMatch(/Ukraine/);
    expect(text).toMatch(/Marco Rubio.*Secretary of State/);
    expect(text).toMatch(/Sources/);
  });

  it('/who name:rubio gives roles, affiliation, key sentences, quotes and citations', async () => {
    const { embed, text } = await run('who', [str('name', 'rubio')]);
    expect(embed.title).toBe('Marco Rubio');
    expect(embed.description).toMatch(/United States/);
    expect(text).toMatch(/Secretary of State/);
    expect(text).toMatch(/very, very meaningful/);
    expect(text).toMatch(/Geneva peace talks go on/); // the cited document title
  });

  it('/who with an unknown name says so and suggests the closest', async () => {
    const { embed, payload } = await run('who', [str('name', 'Rubiu')]);
    expect(embed.title).toBe('No one by that name');
    expect(embed.description).toMatch(/Marco Rubio/);
    expect(payload.flags).toBe(MessageFlags.Ephemeral);
  });

  it('/where puts the venue of the talks first', async () => {
    const { embed } = await run('where');
    expect(embed.fields?.[0].name).toMatch(/Where things happen/);
    expect(embed.fields?.[0].value).toMatch(/^\*\*Geneva\*\*/);
  });

  it('/where place:Miami says what happened there', async () => {
    const { embed } = await run('where', [str('place', 'Miami')]);
    expect(embed.title).toBe('Miami');
    expect(JSON.stringify(embed)).toMatch(/Dmitriev/);
  });

  it('/what lists proposals with proposer and status; /what proposal: gives detail', async () => {
    const list = await run('what');
    expect(list.text).toMatch(/peace plan/i);
    expect(list.text).toMatch(/status/);
    const one = await run('what', [str('proposal', 'term sheet')]);
    expect(one.embed.title).toMatch(/term sheet/i);
    expect(one.text).toMatch(/Kushner|Witkoff/);
  });

  it('/quote filters by speaker and by word', async () => {
    const bySpeaker = await run('quote', [str('speaker', 'Stefanishyna')]);
    expect(bySpeaker.text).toMatch(/not about justice/);
    expect(bySpeaker.text).not.toMatch(/very meaningful/);
    const byWord = await run('quote', [str('about', 'meaningful')]);
    expect(byWord.text).toMatch(/Marco Rubio/);
    // the word must be in the quote itself, not just in the sentence around it
    const peace = await run('quote', [str('about', 'peace')]);
    expect(peace.text).toMatch(/a just and lasting peace/);
    expect(peace.text).not.toMatch(/framework of security assurances|Face the Nation/);
    // quotes lose the comma that led into the attribution
    expect(bySpeaker.embed.fields?.[0].value).not.toMatch(/aggression,”/);
  });

  it('/timeline shows the dated event at its precision, cited', async () => {
    const { text } = await run('timeline');
    expect(text).toMatch(/Nov 5, 2023/);
    expect(text).toMatch(/Sources/);
  });

  it('/ask answers with cited sentences and survives FTS syntax', async () => {
    const { text } = await run('ask', [str('question', 'Who met whom in Miami?')]);
    expect(text).toMatch(/Miami/);
    for (const q of ['"', '*', '-', 'NEAR(', 'AND', 'OR NOT', '"unclosed', 'a* OR b:c ^d']) {
      const r = await run('ask', [str('question', q)]);
      expect(r.embed.title).not.toMatch(/went wrong/);
    }
  });

  it('/brief, /sources and /help answer', async () => {
    expect((await run('brief')).embed.title).toBe('The story so far');
    expect((await run('sources')).text).toMatch(/31 sentences/);
    const help = await run('help');
    expect(help.text).toMatch(/\/who/);
    expect(help.payload.flags).toBe(MessageFlags.Ephemeral);
  });

  it('echoed user text never pings', async () => {
    const { payload, text } = await run('who', [str('name', '@everyone <@123456789012345678>')]);
    expect(payload.allowedMentions).toEqual({ parse: [] });
    expect(text).not.toMatch(/@everyone|<@123456789012345678>/);
  });
});

describe('/ingest', () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/article.txt') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(
          'Prime Minister Ana Ferreira of Portugal met negotiators in Lisbon on Tuesday. "We will host the next ' +
            'round," Ferreira said.',
        );
      } else if (req.url === '/empty.txt') res.end('');
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const attachment = (name: string, size = 120) =>
    ({
      name: 'file',
      type: ApplicationCommandOptionType.Attachment,
      attachment: { name, size, url: `${base}/${name}`, contentType: 'text/plain' },
    }) as unknown as CommandInteractionOption;

  it('refuses non-admins at run time', async () => {
    const { embed } = await run('ingest', [attachment('article.txt')], false);
    expect(embed.title).toBe('Not allowed');
  });

  it('an admin adds a document and hears what was new', async () => {
    // The document goes into the server's own corpus; the shared one is untouched.
    const server = bot.store.as(guildReader(GUILD));
    const before = (await server.stats()).documents;
    const shared = (await bot.store.stats()).documents;
    const fake = fakeInteraction({ commandName: 'ingest', data: [attachment('article.txt')], admin: true });
    await bot.router.onInteraction(asInteraction(fake));
    expect(fake.deferReply).toHaveBeenCalledWith({ flags: MessageFlags.Ephemeral });
    const payload = fake.editReply.mock.calls[0][0] as Payload;
    expect(payload.embeds[0].title).toBe('Added article.txt');
    expect(payload.embeds[0].description).toMatch(/Ferreira/);
    expect((await server.stats()).documents).toBe(before + 1);
    expect((await bot.store.stats()).documents).toBe(shared);
  });

  it('refuses a wrong type, an oversize file and an empty file, storing nothing', async () => {
    const before = await bot.store.stats();
    expect((await run('ingest', [attachment('photo.png')], true)).embed.description).toMatch(
      /only \.txt, \.md and \.html/,
    );
    expect((await run('ingest', [attachment('big.txt', 3 * 1024 * 1024)], true)).embed.description).toMatch(/2 MB/);
    expect((await run('ingest', [attachment('empty.txt', 0)], true)).embed.description).toMatch(
      /empty|Nothing was stored/,
    );
    expect(await bot.store.stats()).toEqual(before);
  });
});

describe('/digest through the router', () => {
  it('refuses non-admins and lets an admin subscribe this channel', async () => {
    const sub = (name: string, options: CommandInteractionOption[] = []) =>
      [{ name, type: ApplicationCommandOptionType.Subcommand, options }] as CommandInteractionOption[];
    expect((await run('digest', sub('list'), false)).embed.title).toBe('Not allowed');
    const r = await run('digest', sub('subscribe', [str('schedule', 'daily')]), true);
    expect(r.embed.title).toBe('Digest subscribed');
    const list = await run('digest', sub('list'), true);
    expect(list.text).toMatch(/daily at 08:00/);
    const preview = await run('digest', sub('preview'), true);
    expect(preview.embed.title).toMatch(/Preview/);
    expect(preview.payload.flags).toBe(MessageFlags.Ephemeral);
  });
});

describe('autocomplete', () => {
  it('offers people by surname, forgiving case, at most 25', async () => {
    const fake = fakeInteraction({ commandName: 'who', focused: { name: 'name', value: 'rub' } });
    await bot.router.onInteraction(asInteraction(fake));
    const choices = fake.respond.mock.calls[0][0] as { name: string; value: string }[];
    expect(choices.map((c) => c.value)).toContain('Marco Rubio');
    expect(choices.length).toBeLessThanOrEqual(25);
  });

  it('offers places and proposals', async () => {
    const where = fakeInteraction({ commandName: 'where', focused: { name: 'place', value: 'gen' } });
    await bot.router.onInteraction(asInteraction(where));
    expect((where.respond.mock.calls[0][0] as { value: string }[]).map((c) => c.value)).toContain('Geneva');
    const what = fakeInteraction({ commandName: 'what', focused: { name: 'proposal', value: 'plan' } });
    await bot.router.onInteraction(asInteraction(what));
    expect((what.respond.mock.calls[0][0] as unknown[]).length).toBeGreaterThan(0);
  });

  it('with nothing typed offers the most mentioned people', async () => {
    const fake = fakeInteraction({ commandName: 'who', focused: { name: 'name', value: '' } });
    await bot.router.onInteraction(asInteraction(fake));
    expect((fake.respond.mock.calls[0][0] as unknown[]).length).toBeGreaterThan(3);
  });
});
