import { PermissionFlagsBits, PermissionsBitField, type CommandInteractionOption, type Interaction } from 'discord.js';
import { vi } from 'vitest';

export const GUILD = '111111111111111111';
export const CHANNEL = '222222222222222222';
export const USER = '333333333333333333';

interface FakeOptions {
  commandName: string;
  data?: CommandInteractionOption[];
  admin?: boolean;
  /** For autocomplete: the option being typed. */
  focused?: { name: string; value: string };
  /** The server it comes from (null: a direct message); GUILD unless told. */
  guildId?: string | null;
  /** The channel it comes from; CHANNEL unless told (a channel belongs to one server). */
  channelId?: string;
}

const find = (data: readonly CommandInteractionOption[], name: string): CommandInteractionOption | undefined => {
  for (const o of data) {
    if (o.name === name && o.options === undefined) return o;
    const inner = o.options && find(o.options, name);
    if (inner) return inner;
  }
  return undefined;
};

/** Just enough of a ChatInputCommandInteraction / AutocompleteInteraction for the router, with spies. */
export function fakeInteraction(options: FakeOptions) {
  const { commandName, data = [], admin = false, focused, guildId = GUILD, channelId = CHANNEL } = options;
  const subcommand = data.find((o) => o.options !== undefined)?.name ?? null;
  const state = { replied: false, deferred: false, responded: false };
  const fake = {
    ...state,
    commandName,
    guildId,
    channelId,
    user: { id: USER },
    memberPermissions: new PermissionsBitField(admin ? PermissionFlagsBits.ManageGuild : 0n),
    isChatInputCommand: () => !focused,
    isAutocomplete: () => Boolean(focused),
    options: {
      data,
      getString: (name: string) => (find(data, name)?.value as string | undefined) ?? null,
      getInteger: (name: string) => (find(data, name)?.value as number | undefined) ?? null,
      getBoolean: (name: string) => (find(data, name)?.value as boolean | undefined) ?? null,
      getChannel: (name: string) => find(data, name)?.channel ?? null,
      getAttachment: (name: string) => find(data, name)?.attachment ?? null,
      getSubcommand: () => subcommand,
      getFocused: () => focused,
    },
    reply: vi.fn(async (_payload: unknown) => {
      fake.replied = true;
    }),
    deferReply: vi.fn(async (_payload?: unknown) => {
      fake.deferred = true;
    }),
    editReply: vi.fn(async (_payload: unknown) => {
      fake.replied = true;
    }),
    followUp: vi.fn(async (_payload: unknown) => undefined),
    deleteReply: vi.fn(async () => undefined),
    respond: vi.fn(async (_choices: unknown) => {
      fake.responded = true;
    }),
  };
  return fake;
}

export type FakeInteraction = ReturnType<typeof fakeInteraction>;

export const asInteraction = (fake: FakeInteraction) => fake as unknown as Interaction;
