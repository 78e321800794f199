/**
 * A command's declaration (src/commands-kit) as the JSON Discord registers — plain data, no discord.js, so the
 * console never loads it. Keys come in the order discord.js's SlashCommandBuilder writes them, so the body sent
 * on deploy is byte for byte what the builders produced (test/e2e/commands.snapshot.json).
 */
import type { CommandSchema } from '../commands-kit/define.ts';
import type { ChannelKind, OptionSpec, OptionsSpec } from '../commands-kit/options.ts';

/** Discord's ApplicationCommandOptionType. */
const OPTION_TYPE = {
  subcommand: 1,
  string: 3,
  integer: 4,
  boolean: 5,
  user: 6,
  channel: 7,
  number: 10,
  attachment: 11,
} as const;

/** Discord's ChannelType for each neutral channel kind. */
const CHANNEL_TYPE: Record<ChannelKind, number> = { text: 0, voice: 2, category: 4, announcement: 5, forum: 15 };

const MANAGE_GUILD = String(1 << 5);
const GUILD_CONTEXT = 0;
const CHAT_INPUT = 1;

export type CommandJson = {
  options: Record<string, unknown>[];
  name: string;
  description: string;
  contexts?: number[];
  default_member_permissions?: string;
  type: number;
};

/** Leaves out the keys whose value is undefined, keeping the order of the rest. */
function defined(entries: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined));
}

function optionJson(name: string, o: OptionSpec): Record<string, unknown> {
  const head = { name, description: o.description, required: o.required ?? false };
  const choices = 'choices' in o && o.choices ? o.choices.map(({ name, value }) => ({ name, value })) : undefined;
  switch (o.type) {
    case 'string':
      return defined({
        autocomplete: o.autocomplete ? true : undefined,
        type: OPTION_TYPE.string,
        choices,
        ...head,
        max_length: o.maxLength,
        min_length: o.minLength,
      });
    case 'integer':
    case 'number':
      return defined({ max_value: o.max, min_value: o.min, type: OPTION_TYPE[o.type], choices, ...head });
    case 'channel':
      return defined({ channel_types: o.kinds?.map((k) => CHANNEL_TYPE[k]), ...head, type: OPTION_TYPE.channel });
    default:
      return { ...head, type: OPTION_TYPE[o.type] };
  }
}

const optionsJson = (options: OptionsSpec | undefined) =>
  Object.entries(options ?? {}).map(([name, o]) => optionJson(name, o));

/** The body of one command in a PUT /applications/{id}/commands. */
export function commandJson(schema: CommandSchema): CommandJson {
  const options = schema.subcommands
    ? Object.entries(schema.subcommands).map(([name, sub]) => ({
        type: OPTION_TYPE.subcommand,
        name,
        description: sub.description,
        options: optionsJson(sub.options),
      }))
    : optionsJson(schema.options);
  const admin = schema.adminOnly ? { contexts: [GUILD_CONTEXT], default_member_permissions: MANAGE_GUILD } : {};
  return { options, name: schema.name, description: schema.description, ...admin, type: CHAT_INPUT };
}
