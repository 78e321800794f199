import { ApplicationCommandOptionType, type CommandInteractionOption } from 'discord.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandModule } from '../../src/command.ts';
import type { OptionsSpec } from '../../src/commands-kit/options.ts';
import { createRouter, type Router } from '../../src/discord/router.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { guildReader, sharedReader, type Reader } from '../../src/store/corpus.ts';
import type { Db } from '../../src/store/sqlite.ts';
import type { Store } from '../../src/store/store.ts';
import { asInteraction, fakeInteraction } from '../discord/fake-interaction.ts';
import { ROOT, sqliteConnection, tempStore, testApp } from '../helpers.ts';

/** Two servers, each with a story of its own, beside the shipped documents every server reads. */
const A = '100000000000000001';
const B = '200000000000000002';
const STORIES = { [A]: 'arctic-fisheries', [B]: 'andean-imf' };

let store: Store;
/** The store's file, read directly: the documents' own words, which no answer may show in another server. */
let raw: Db;
let router: Router;
/**
 * The oracle: a bot over a database that holds the shared documents alone. What a server is told there for the same
 * input cannot come from either server's corpus (it is an echo of the input, a time zone's name): no leak.
 */
let baseline: Router;
let commands: Map<string, CommandModule>;
let stops: (() => void)[] = [];
/** Per server: the names and titles only its own corpus holds (found nowhere in the other's or the shared text). */
const onlyIn = new Map<string, string[]>();
/** Option values worth asking with: every server's names, the shared corpus's, and a few loose words. */
let pool: string[] = [];

const own = (guild: string): Reader => ({ own: `guild:${guild}`, corpora: [`guild:${guild}`] });

/** What a corpus holds that anyone could recognise in an answer: names, aliases, proposals, document titles. */
async function recognisable(reader: Reader): Promise<string[]> {
  const view = store.as(reader);
  const names = (await view.allNames(null)).flatMap((n) => [n.name, n.alias]);
  const proposals = (await view.proposalNames()).map((p) => p.name);
  const titles = (await view.documents()).map((d) => d.title);
  return [...new Set([...names, ...proposals, ...titles])];
}

function textOf(corpora: string[]): string {
  return (
    raw
      .prepare(
        `SELECT group_concat(d.title || ' ' || d.key || ' ' || d.body, ' ') FROM documents d
         JOIN corpora c ON c.id = d.corpus_id WHERE c.name IN (${corpora.map(() => '?').join(',')})`,
      )
      .pluck()
      .get(...corpora) as string
  ).toLowerCase();
}

beforeAll(async () => {
  let file: string;
  ({ store, file } = tempStore());
  raw = sqliteConnection(file);
  await ingestPaths(store, [`${ROOT}/data/documents`]);
  for (const [guild, story] of Object.entries(STORIES))
    await ingestPaths(store.as(guildReader(guild)), [`${ROOT}/test/fixtures/stories/${story}/docs`]);
  const app = await testApp(store, { delivery: { deliver: async () => ({ messageId: 'm' }) } });
  commands = app.commands;
  router = createRouter({ commands, briefing: app.briefing, log: app.log, digests: app.digests });
  const bare = tempStore().store;
  await ingestPaths(bare, [`${ROOT}/data/documents`]);
  const other = await testApp(bare, { commands, delivery: { deliver: async () => ({ messageId: 'm' }) } });
  baseline = createRouter({ commands, briefing: other.briefing, log: other.log, digests: other.digests });
  stops = [() => app.scheduler.stop(), () => other.scheduler.stop()];
  for (const [guild, other] of [
    [A, B],
    [B, A],
  ]) {
    // a name the other corpora hold too, even in another form ("(AFP)" credited, "Agence France-Presse" stored)
    const elsewhere = textOf([`guild:${other}`, 'shared']);
    const theirs = new Set(
      [...(await recognisable(own(other))), ...(await recognisable(sharedReader))].map((n) => n.toLowerCase()),
    );
    const mine = await recognisable(own(guild));
    onlyIn.set(
      guild,
      mine.filter((n) => n.length >= 5 && !elsewhere.includes(n.toLowerCase()) && !theirs.has(n.toLowerCase())),
    );
  }
  const shared = await recognisable(sharedReader);
  pool = [...onlyIn.get(A)!, ...onlyIn.get(B)!, ...shared, 'the plan', 'talks', 'minister', ''];
}, 120_000);
afterAll(() => stops.forEach((stop) => stop()));

/** Every way to call each command: [command, subcommand or null, its options]. */
function leaves(): [string, string | null, OptionsSpec][] {
  const out: [string, string | null, OptionsSpec][] = [];
  for (const [name, c] of commands) {
    const schema = c.schema;
    if (!schema) continue;
    if (schema.subcommands)
      for (const [sub, s] of Object.entries(schema.subcommands)) out.push([name, sub, s.options ?? {}]);
    else out.push([name, null, schema.options ?? {}]);
  }
  return out;
}

function optionData(sub: string | null, spec: OptionsSpec, values: string[]): CommandInteractionOption[] {
  const strings = Object.entries(spec).filter(([, o]) => o.type === 'string');
  const data = strings.map(([name], i): CommandInteractionOption => {
    const o = spec[name] as { choices?: readonly { value: string }[] };
    const value = o.choices?.length ? o.choices[i % o.choices.length].value : values[i % values.length];
    return { name, type: ApplicationCommandOptionType.String, value };
  });
  return sub ? [{ name: sub, type: ApplicationCommandOptionType.Subcommand, options: data }] : data;
}

/** Everything a server's member would read in what the bot sent back, lower-cased. */
async function answerIn(guild: string, name: string, data: CommandInteractionOption[], to = router) {
  const fake = fakeInteraction({ commandName: name, data, admin: true, guildId: guild, channelId: `9${guild}` });
  await to.onInteraction(asInteraction(fake));
  const sent = [...fake.reply.mock.calls, ...fake.editReply.mock.calls, ...fake.followUp.mock.calls];
  expect(sent.length).toBeGreaterThan(0);
  return JSON.stringify(sent).toLowerCase();
}

async function choicesIn(guild: string, name: string, option: string, value: string, sub: string | null, to = router) {
  const data: CommandInteractionOption[] = sub
    ? [{ name: sub, type: ApplicationCommandOptionType.Subcommand, options: [] }]
    : [];
  const focused = { name: option, value };
  const fake = fakeInteraction({
    commandName: name,
    data,
    guildId: guild,
    channelId: `9${guild}`,
    admin: true,
    focused,
  });
  await to.onInteraction(asInteraction(fake));
  return JSON.stringify(fake.respond.mock.calls).toLowerCase();
}

/** The names of `names` that `text` shows and the empty server's `baseline` answer to the same input does not. */
const leaked = (text: string, names: string[], baseline = '') =>
  names.filter((n) => text.includes(n.toLowerCase()) && !baseline.includes(n.toLowerCase()));

describe('each server reads its own corpus and the shared one, never another server’s', () => {
  it('the two stories have names only their own server holds', () => {
    expect(onlyIn.get(A)!.length).toBeGreaterThan(10);
    expect(onlyIn.get(B)!.length).toBeGreaterThan(10);
  });

  it('no command, subcommand or option value shows one server the other’s facts', async () => {
    const all = leaves();
    expect(all.map(([n]) => n)).toEqual(expect.arrayContaining(['who', 'ask', 'sources', 'forget', 'digest']));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...all),
        fc.constantFrom(A, B),
        fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 3 }),
        async ([name, sub, spec], guild, values) => {
          const other = guild === A ? B : A;
          const data = optionData(sub, spec, values);
          const text = await answerIn(guild, name, data);
          // what the member typed may be echoed back ("No quotes by X about Y"): that is not the other server's fact
          const names = onlyIn.get(other)!.filter((n) => !values.includes(n));
          expect(leaked(text, names, await answerIn(guild, name, data, baseline))).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);

  it('no autocomplete suggests one server the other’s names or documents', async () => {
    const focusable = leaves().flatMap(([name, sub, spec]) =>
      Object.entries(spec)
        .filter(([, o]) => 'autocomplete' in o && o.autocomplete)
        .map(([option]) => [name, sub, option] as const),
    );
    expect(focusable.map(([n, , o]) => `${n}.${o}`)).toEqual(
      expect.arrayContaining(['who.name', 'where.place', 'what.proposal', 'quote.speaker', 'forget.document']),
    );
    const prefixes = pool.flatMap((n) => [n, n.slice(0, 3)]);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...focusable),
        fc.constantFrom(A, B),
        fc.constantFrom(...prefixes),
        async ([name, sub, option], guild, typed) => {
          const text = await choicesIn(guild, name, option, typed, sub);
          const bare = await choicesIn(guild, name, option, typed, sub, baseline);
          expect(leaked(text, onlyIn.get(guild === A ? B : A)!, bare)).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);

  it('the shared corpus answers in both servers, and each server sees its own story', async () => {
    const sharedTitle = (await store.documents())[0].title.toLowerCase();
    for (const guild of [A, B]) {
      const sources = await answerIn(guild, 'sources', []);
      expect(sources).toContain(sharedTitle.slice(0, 40));
      const ownTitle = (await store.as(own(guild)).documents())[0].title.toLowerCase();
      expect(sources).toContain(ownTitle.slice(0, 40));
      const rubio = await answerIn(guild, 'who', [
        { name: 'name', type: ApplicationCommandOptionType.String, value: 'Rubio' },
      ]);
      expect(rubio).toContain('marco rubio');
    }
    // A direct message reads the shared corpus alone.
    const dm = await answerIn(null as unknown as string, 'who', []);
    expect(dm).toContain(sharedTitle.slice(0, 40));
    expect(leaked(dm, [...onlyIn.get(A)!, ...onlyIn.get(B)!])).toEqual([]);
  });

  it('autocomplete of /forget lists only the server’s own documents, at most 25', async () => {
    const fake = fakeInteraction({
      commandName: 'forget',
      guildId: A,
      admin: true,
      focused: { name: 'document', value: '' },
    });
    await router.onInteraction(asInteraction(fake));
    const choices = fake.respond.mock.calls[0][0] as { name: string; value: string }[];
    const mine = await store.as(own(A)).documents();
    expect(choices.length).toBe(Math.min(25, mine.length));
    expect(choices.map((c) => Number(c.value)).sort()).toEqual(mine.map((d) => d.id).sort());
  });
});
