import { Writable } from 'node:stream';
import { ApplicationCommandOptionType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/briefing/answer.ts';
import type { Briefing } from '../../src/briefing/briefing.ts';
import { guildReader, type Reader } from '../../src/store/corpus.ts';
import type { Choice, CommandContext, CommandModule, CommandOptions } from '../../src/command.ts';
import { createRouter } from '../../src/discord/router.ts';
import { COLOURS } from '../../src/present/discord/embed.ts';
import { createLogger } from '../../src/log.ts';
import { asInteraction, CHANNEL, fakeInteraction, GUILD, USER } from './fake-interaction.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** A briefing that says which reader it was asked to read for: the router picks it from the interaction's guild. */
const briefing = { for: (reader: Reader) => ({ marker: 'briefing', reader }) } as unknown as Briefing;

function capturedLog() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { log: createLogger('debug', stream), lines };
}

const answerOf = (title: string, extra: Partial<Answer> = {}): Answer => ({
  title,
  sections: [],
  citations: [],
  ...extra,
});

const seen: { ctx?: CommandContext; options?: CommandOptions } = {};

const fast: CommandModule = {
  data: new SlashCommandBuilder()
    .setName('fast')
    .setDescription('answers at once')
    .addStringOption((o) => o.setName('name').setDescription('a name').setAutocomplete(true)),
  async handle(ctx, options) {
    seen.ctx = ctx;
    seen.options = options;
    return answerOf(`Hello ${String(options.name)}`, { description: 'Ping @everyone <@123>' });
  },
  async autocomplete(_ctx, option, value) {
    if (value === 'boom') throw new Error('autocomplete broke');
    if (value === 'slow') return sleep(500).then(() => [{ name: 'late', value: 'late' }]);
    return Array.from({ length: 30 }, (_, i) => ({
      name: `${option}:${value}:${i} ${'n'.repeat(150)}`,
      value: `v${i}`,
    }));
  },
};

const slowAnswer: CommandModule = {
  data: new SlashCommandBuilder().setName('slowpoke').setDescription('takes 1.5 s'),
  async handle() {
    await sleep(1500);
    return answerOf('Done slowly');
  },
};

const declaredSlow: CommandModule = {
  data: new SlashCommandBuilder().setName('declared').setDescription('says it is slow'),
  slow: true,
  async handle() {
    return answerOf('Declared slow');
  },
};

const adminIngest: CommandModule = {
  data: new SlashCommandBuilder()
    .setName('admin')
    .setDescription('admins only')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild),
  slow: true,
  async handle(ctx) {
    return ctx.isAdmin
      ? answerOf('Stored', { ephemeral: true })
      : answerOf('Not allowed', { ephemeral: true, kind: 'notice' });
  },
};

const privateAfterWait: CommandModule = {
  data: new SlashCommandBuilder().setName('private').setDescription('slow, then private'),
  slow: true,
  async handle() {
    return answerOf('Only you', { ephemeral: true });
  },
};

const throws: CommandModule = {
  data: new SlashCommandBuilder().setName('broken').setDescription('throws'),
  handle() {
    throw new Error('database on fire');
  },
};

const throwsLate: CommandModule = {
  data: new SlashCommandBuilder().setName('brokenlate').setDescription('throws after deferring'),
  slow: true,
  async handle() {
    await sleep(10);
    throw new Error('late fire');
  },
};

const commands = new Map<string, CommandModule>(
  [fast, slowAnswer, declaredSlow, adminIngest, privateAfterWait, throws, throwsLate].map((c) => [c.data.name, c]),
);

function setup() {
  const { log, lines } = capturedLog();
  return { router: createRouter({ commands, briefing, log, autocompleteTimeoutMs: 100 }), lines };
}

const error = (ref: string) => ({
  embeds: [
    {
      color: COLOURS.error,
      title: `Something went wrong (ref ${ref})`,
      description: 'The error was logged. Try again, or give an admin this ref.',
    },
  ],
  allowedMentions: { parse: [] },
  flags: MessageFlags.Ephemeral,
});

describe('router: chat input commands', () => {
  it('replies at once to a fast command with the exact payload, context and options', async () => {
    const { router } = setup();
    const i = fakeInteraction({
      commandName: 'fast',
      data: [{ name: 'name', type: ApplicationCommandOptionType.String, value: 'Rubio' }],
    });
    await router.onInteraction(asInteraction(i));
    expect(i.deferReply).not.toHaveBeenCalled();
    expect(i.reply).toHaveBeenCalledTimes(1);
    expect(i.reply.mock.calls[0][0]).toEqual({
      embeds: [{ color: COLOURS.answer, title: 'Hello Rubio', description: 'Ping @\u200beveryone <@\u200b123>' }],
      allowedMentions: { parse: [] },
    });
    expect(seen.options).toEqual({ name: 'Rubio' });
    expect(seen.ctx).toEqual({
      briefing: { marker: 'briefing', reader: guildReader(GUILD) },
      isAdmin: false,
      guildId: GUILD,
      channelId: CHANNEL,
      userId: USER,
      subcommand: null,
      // Where a long handler reports progress: an edit of the deferred reply.
      progress: expect.any(Function),
    });
  });

  it('defers a handler still running after a second, then edits the reply', async () => {
    const { router } = setup();
    const i = fakeInteraction({ commandName: 'slowpoke' });
    const started = Date.now();
    await router.onInteraction(asInteraction(i));
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    expect(i.reply).not.toHaveBeenCalled();
    expect(i.deferReply.mock.calls).toEqual([[{}]]);
    expect(i.editReply.mock.calls).toEqual([
      [{ embeds: [{ color: COLOURS.answer, title: 'Done slowly' }], allowedMentions: { parse: [] } }],
    ]);
    expect(i.deferReply.mock.invocationCallOrder[0]).toBeLessThan(i.editReply.mock.invocationCallOrder[0]);
  });

  it('defers at once a command that declares itself slow', async () => {
    const { router } = setup();
    const i = fakeInteraction({ commandName: 'declared' });
    await router.onInteraction(asInteraction(i));
    expect(i.deferReply).toHaveBeenCalledTimes(1);
    expect(i.editReply.mock.calls[0][0]).toEqual({
      embeds: [{ color: COLOURS.answer, title: 'Declared slow' }],
      allowedMentions: { parse: [] },
    });
  });

  it('passes the ManageGuild check to the handler and defers admin commands privately', async () => {
    const { router } = setup();
    const admin = fakeInteraction({ commandName: 'admin', admin: true });
    await router.onInteraction(asInteraction(admin));
    expect(admin.deferReply.mock.calls).toEqual([[{ flags: MessageFlags.Ephemeral }]]);
    expect(admin.editReply.mock.calls).toEqual([
      [{ embeds: [{ color: COLOURS.answer, title: 'Stored' }], allowedMentions: { parse: [] } }],
    ]);

    const member = fakeInteraction({ commandName: 'admin', admin: false });
    await router.onInteraction(asInteraction(member));
    expect(member.editReply.mock.calls[0][0]).toEqual({
      embeds: [{ color: COLOURS.notice, title: 'Not allowed' }],
      allowedMentions: { parse: [] },
    });
  });

  it('re-sends a private answer privately when the deferral was public', async () => {
    const { router } = setup();
    const i = fakeInteraction({ commandName: 'private' });
    await router.onInteraction(asInteraction(i));
    expect(i.deferReply.mock.calls).toEqual([[{}]]);
    expect(i.editReply).not.toHaveBeenCalled();
    expect(i.deleteReply).toHaveBeenCalledTimes(1);
    expect(i.followUp.mock.calls).toEqual([
      [
        {
          embeds: [{ color: COLOURS.answer, title: 'Only you' }],
          allowedMentions: { parse: [] },
          flags: MessageFlags.Ephemeral,
        },
      ],
    ]);
  });

  it('turns a thrown error into a private "Something went wrong" with a ref that is also logged', async () => {
    const { router, lines } = setup();
    const i = fakeInteraction({ commandName: 'broken' });
    await expect(router.onInteraction(asInteraction(i))).resolves.toBeUndefined();
    const logged = lines.find((l) => l.msg === 'command failed')!;
    expect(logged.level).toBe(50);
    expect(logged.command).toBe('broken');
    expect((logged.err as { message: string }).message).toBe('database on fire');
    expect(logged.ref).toMatch(/^[0-9A-F]{6}$/);
    expect(i.reply.mock.calls).toEqual([[error(logged.ref as string)]]);
  });

  it('reports an error after deferring as a private follow-up', async () => {
    const { router, lines } = setup();
    const i = fakeInteraction({ commandName: 'brokenlate' });
    await router.onInteraction(asInteraction(i));
    const ref = lines.find((l) => l.msg === 'command failed')!.ref as string;
    expect(i.deleteReply).toHaveBeenCalledTimes(1);
    expect(i.followUp.mock.calls).toEqual([[error(ref)]]);
  });

  it('answers an unknown command with a private notice', async () => {
    const { router } = setup();
    const i = fakeInteraction({ commandName: 'nope' });
    await router.onInteraction(asInteraction(i));
    expect(i.reply.mock.calls).toEqual([
      [
        {
          embeds: [
            {
              color: COLOURS.notice,
              title: 'Unknown command',
              description: 'This bot has no /nope command. Try /help.',
            },
          ],
          allowedMentions: { parse: [] },
          flags: MessageFlags.Ephemeral,
        },
      ],
    ]);
  });

  it('never throws when Discord refuses the reply', async () => {
    const { router, lines } = setup();
    const i = fakeInteraction({ commandName: 'fast' });
    i.reply.mockRejectedValueOnce(new Error('Unknown interaction'));
    await expect(router.onInteraction(asInteraction(i))).resolves.toBeUndefined();
    expect(lines.some((l) => l.msg === 'interaction could not be answered' && l.ref)).toBe(true);
  });
});

describe('router: autocomplete', () => {
  const typed = (value: string, commandName = 'fast') =>
    fakeInteraction({ commandName, focused: { name: 'name', value } });

  it('responds with at most 25 choices, names and values within 100 characters', async () => {
    const { router } = setup();
    const i = typed('ru');
    await router.onInteraction(asInteraction(i));
    const choices = i.respond.mock.calls[0][0] as Choice[];
    expect(choices).toHaveLength(25);
    expect(choices[0].name).toBe(`name:ru:0 ${'n'.repeat(89)}…`);
    for (const c of choices) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value.length).toBeLessThanOrEqual(100);
    }
    expect(i.reply).not.toHaveBeenCalled();
  });

  it('responds [] when the autocomplete throws, is too slow, or does not exist', async () => {
    const { router } = setup();
    for (const i of [typed('boom'), typed('slow'), typed('x', 'slowpoke'), typed('x', 'nope')]) {
      await expect(router.onInteraction(asInteraction(i))).resolves.toBeUndefined();
      expect(i.respond.mock.calls).toEqual([[[]]]);
    }
  });
});
