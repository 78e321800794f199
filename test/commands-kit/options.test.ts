/**
 * The neutral option schema: one declaration read three ways — the Discord JSON (checked against what
 * discord.js's builders write, key order included), the console's `name:value` parser, and the handler's types.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ChannelType, InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { notice, type Answer } from '../../src/briefing/answer.ts';
import type { AttachmentInput, CommandContext, CommandModule } from '../../src/command.ts';
import { defineCommand, subcommand } from '../../src/commands-kit/define.ts';
import {
  attachment,
  boolean,
  channel,
  integer,
  number,
  string,
  user,
  type OptionValues,
} from '../../src/commands-kit/options.ts';
import { parseLine } from '../../src/console/parse-line.ts';
import { tempDir } from '../helpers.ts';

const seen: { options?: unknown; subcommand?: string | null } = {};
const answer = (title: string): Answer => notice(title, '');

const everyOption = {
  query: string({ description: 'Words to look for', required: true, minLength: 2, maxLength: 20 }),
  sort: string({
    description: 'The order',
    choices: [
      { name: 'Newest first', value: 'newest' },
      { name: 'Oldest first', value: 'oldest' },
    ],
  }),
  limit: integer({ description: 'How many', min: 1, max: 10 }),
  ratio: number({ description: 'A share', min: 0, max: 1 }),
  verbose: boolean({ description: 'Say more' }),
  where: channel({ description: 'A channel', kinds: ['text', 'announcement'] }),
  who: user({ description: 'A member' }),
  file: attachment({ description: 'A file' }),
};

const find = defineCommand({
  name: 'find',
  description: 'Finds things',
  options: everyOption,
  handle: (_ctx, options) => {
    seen.options = options;
    return answer('found');
  },
});

const admin = defineCommand({
  name: 'admin',
  description: 'Admin things',
  adminOnly: true,
  precondition: (ctx) => (ctx.isAdmin ? null : answer('Not allowed')),
  subcommands: {
    add: subcommand({
      description: 'Adds one',
      options: {
        label: string({
          description: 'Its label',
          required: true,
          autocomplete: (_ctx, typed) => [{ name: typed, value: typed }],
        }),
        count: integer({ description: 'How many', min: 1 }),
      },
      handle: (ctx, options) => {
        seen.options = options;
        seen.subcommand = ctx.subcommand;
        return answer('added');
      },
    }),
    clear: subcommand({ description: 'Clears all', handle: () => answer('cleared') }),
  },
});

const commands = new Map<string, CommandModule>([
  ['find', find],
  ['admin', admin],
]);

const ctx = (subcommand: string | null = null, isAdmin = true): CommandContext => ({
  briefing: {} as CommandContext['briefing'],
  isAdmin,
  guildId: 'g',
  channelId: 'c',
  userId: 'u',
  subcommand,
});

describe('the Discord JSON derived from the schema', () => {
  it('is byte for byte what discord.js builders write for the same command, every option type', () => {
    const built = new SlashCommandBuilder()
      .setName('find')
      .setDescription('Finds things')
      .addStringOption((o) =>
        o.setName('query').setDescription('Words to look for').setRequired(true).setMinLength(2).setMaxLength(20),
      )
      .addStringOption((o) =>
        o
          .setName('sort')
          .setDescription('The order')
          .addChoices({ name: 'Newest first', value: 'newest' }, { name: 'Oldest first', value: 'oldest' }),
      )
      .addIntegerOption((o) => o.setName('limit').setDescription('How many').setMinValue(1).setMaxValue(10))
      .addNumberOption((o) => o.setName('ratio').setDescription('A share').setMinValue(0).setMaxValue(1))
      .addBooleanOption((o) => o.setName('verbose').setDescription('Say more'))
      .addChannelOption((o) =>
        o
          .setName('where')
          .setDescription('A channel')
          .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
      )
      .addUserOption((o) => o.setName('who').setDescription('A member'))
      .addAttachmentOption((o) => o.setName('file').setDescription('A file'));
    expect(JSON.stringify(find.data.toJSON())).toBe(JSON.stringify(built.toJSON()));
  });

  it('writes subcommands, autocomplete and admin-only as Discord expects', () => {
    const built = new SlashCommandBuilder()
      .setName('admin')
      .setDescription('Admin things')
      .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
      .setContexts(InteractionContextType.Guild)
      .addSubcommand((s) =>
        s
          .setName('add')
          .setDescription('Adds one')
          .addStringOption((o) =>
            o.setName('label').setDescription('Its label').setRequired(true).setAutocomplete(true),
          )
          .addIntegerOption((o) => o.setName('count').setDescription('How many').setMinValue(1)),
      )
      .addSubcommand((s) => s.setName('clear').setDescription('Clears all'));
    expect(JSON.stringify(admin.data.toJSON())).toBe(JSON.stringify(built.toJSON()));
    expect(admin.data.toJSON()).toEqual({
      options: [
        {
          type: 1,
          name: 'add',
          description: 'Adds one',
          options: [
            { autocomplete: true, type: 3, name: 'label', description: 'Its label', required: true },
            { min_value: 1, type: 4, name: 'count', description: 'How many', required: false },
          ],
        },
        { type: 1, name: 'clear', description: 'Clears all', options: [] },
      ],
      name: 'admin',
      description: 'Admin things',
      contexts: [0],
      default_member_permissions: '32',
      type: 1,
    });
  });
});

describe('the console parser derived from the schema', () => {
  it('reads each option type from name:value text', () => {
    const dir = tempDir();
    const file = path.join(dir, 'note.txt');
    fs.writeFileSync(file, 'hello');
    const line =
      `/find query:peace talks sort:Oldest first limit:3 ratio:0.25 verbose:yes where:<#123>` +
      ` who:<@!456> file:${file}`;
    const { options } = parseLine(line, commands);
    const { file: attached, ...rest } = options;
    expect(rest).toEqual({
      query: 'peace talks',
      sort: 'oldest',
      limit: 3,
      ratio: 0.25,
      verbose: true,
      where: '123',
      who: '456',
    });
    expect(attached).toMatchObject({ name: 'note.txt', size: 5 });
    expect(parseLine('/find query:ab verbose:off where:console', commands).options).toEqual({
      query: 'ab',
      verbose: false,
      where: 'console',
    });
    expect(parseLine('/admin add label:x count:2', commands)).toMatchObject({
      subcommand: 'add',
      options: { label: 'x', count: 2 },
    });
  });

  it('refuses a missing required option, naming it', () => {
    expect(() => parseLine('/find limit:3', commands)).toThrow('/find needs query:…');
    expect(() => parseLine('/admin add count:2', commands)).toThrow('/admin add needs label:…');
  });

  it('refuses an integer out of range, or not whole, naming the option and its limit', () => {
    expect(() => parseLine('/find query:ab limit:11', commands)).toThrow('limit must be at most 10 (got 11)');
    expect(() => parseLine('/find query:ab limit:0', commands)).toThrow('limit must be at least 1 (got 0)');
    expect(() => parseLine('/find query:ab limit:2.5', commands)).toThrow('limit must be a whole number (got "2.5")');
    expect(() => parseLine('/find query:ab ratio:lots', commands)).toThrow('ratio must be a number (got "lots")');
    expect(() => parseLine('/find query:ab ratio:1.5', commands)).toThrow('ratio must be at most 1 (got 1.5)');
  });

  it('refuses an unknown or repeated option, listing the ones the command has', () => {
    expect(() => parseLine('/find qeury:peace', commands)).toThrow(
      '/find has no option qeury — its options: query, sort, limit, ratio, verbose, where, who, file',
    );
    expect(() => parseLine('/find query:a limit:1 limit:2', commands)).toThrow('/find: limit is given twice');
    // Text that only looks like an option after a known one is part of the value.
    expect(parseLine('/find query:a note:b', commands).options).toEqual({ query: 'a note:b' });
  });

  it('refuses a choice not in the list, a bad boolean, a bad length and a missing file', () => {
    expect(() => parseLine('/find query:ab sort:random', commands)).toThrow(
      'sort must be one of: newest, oldest (got "random")',
    );
    expect(() => parseLine('/find query:ab verbose:maybe', commands)).toThrow(
      'verbose must be true or false (got "maybe")',
    );
    expect(() => parseLine('/find query:a', commands)).toThrow('query takes at least 2 characters (got 1)');
    expect(() => parseLine(`/find query:${'x'.repeat(21)}`, commands)).toThrow('query takes at most 20 characters');
    expect(() => parseLine('/find query:ab file:/no/such/file', commands)).toThrow('file: no such file');
    expect(() => parseLine('/admin wipe', commands)).toThrow('/admin needs one of: add, clear');
  });
});

describe('the handler derived from the schema', () => {
  it('types the options: required present, optional possibly absent, choices as their values', () => {
    type Find = OptionValues<typeof everyOption>;
    expectTypeOf<Find['query']>().toEqualTypeOf<string>();
    expectTypeOf<Find['sort']>().toEqualTypeOf<'newest' | 'oldest' | undefined>();
    expectTypeOf<Find['limit']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Find['verbose']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<Find['where']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Find['file']>().toEqualTypeOf<AttachmentInput | undefined>();
    // @ts-expect-error: n is a number, not a string
    defineCommand({
      name: 'typed',
      description: 'd',
      options: { n: integer({ description: 'd', required: true }) },
      handle: (_ctx, options: { n: string }) => answer(options.n),
    });
  });

  it('passes only declared options of the declared type, and refuses what the declaration does not allow', async () => {
    await find.handle(ctx(), { query: 'ab', limit: 3, stray: 'x' });
    expect(seen.options).toEqual({ query: 'ab', limit: 3 });
    expect((await find.handle(ctx(), { limit: 3 })).description).toBe('the option query is required');
    expect((await find.handle(ctx(), { query: 'ab', limit: 2.5 })).kind).toBe('error');
    expect((await find.handle(ctx(), { query: 'ab', sort: 'random' })).kind).toBe('error');
  });

  it('runs the subcommand’s handler after the precondition; without one says which there are', async () => {
    expect((await admin.handle(ctx('add', false), { label: 'x' })).title).toBe('Not allowed');
    expect((await admin.handle(ctx('add'), { label: 'x', count: 2 })).title).toBe('added');
    expect(seen).toMatchObject({ options: { label: 'x', count: 2 }, subcommand: 'add' });
    expect((await admin.handle(ctx('clear'))).title).toBe('cleared');
    expect(await admin.handle(ctx(null))).toMatchObject({
      title: 'Which one?',
      description: 'Use /admin add or clear.',
    });
  });

  it('autocompletes from the option’s own suggester, with or without the subcommand', async () => {
    expect(await admin.autocomplete(ctx('add'), 'label', 'ab')).toEqual([{ name: 'ab', value: 'ab' }]);
    expect(await admin.autocomplete(ctx(null), 'label', 'cd')).toEqual([{ name: 'cd', value: 'cd' }]);
    expect(await admin.autocomplete(ctx('add'), 'count', '1')).toEqual([]);
    expect(await find.autocomplete(ctx(), 'query', 'x')).toEqual([]);
  });
});
