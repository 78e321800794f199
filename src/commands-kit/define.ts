/**
 * defineCommand: one declaration per command file (name, description, options or subcommands, handlers) gives
 * everything commands/ exports — `data` for Discord, `schema` for the console, and `handle` / `autocomplete`
 * that pick the subcommand's handler and give it options typed from the declaration.
 */
import { notice, type Answer } from '../briefing/answer.ts';
import type { Choice, CommandContext, CommandOptions } from '../command.ts';
import { commandJson, type CommandJson } from '../discord/command-json.ts';
import { holds, type OptionsSpec, type OptionValues } from './options.ts';

/** A command, or one of its subcommands: what it takes and what runs, given options typed from `options`. */
export interface Leaf<S extends OptionsSpec> {
  description: string;
  options?: S;
  handle: (ctx: CommandContext, options: OptionValues<S>) => Promise<Answer> | Answer;
}

/** A leaf whose handler takes what a transport passes, checked against the declaration first. */
export interface Subcommand {
  description: string;
  options: OptionsSpec;
  run(ctx: CommandContext, given: CommandOptions): Promise<Answer>;
}

/** What a command is, without its handlers: what Discord registers and what the console parses against. */
export interface CommandSchema {
  name: string;
  description: string;
  /** For members who may manage the server, inside a server only (Discord hides it from others). */
  adminOnly?: boolean;
  options?: OptionsSpec;
  subcommands?: Readonly<Record<string, { description: string; options?: OptionsSpec }>>;
}

interface Head {
  name: string;
  description: string;
  adminOnly?: boolean;
  /** The handler may take longer than a second: defer first. */
  slow?: boolean;
  /** Runs before any handler (and before the subcommand is looked at): the refusal to send, or null. */
  precondition?: (ctx: CommandContext) => Answer | null;
}

type Empty = Record<never, never>;
type Subcommands = Readonly<Record<string, Subcommand>>;

/** What a command file exports: `export const { data, schema, handle } = defineCommand({ … })`. */
export interface DefinedCommand {
  data: { name: string; toJSON(): CommandJson };
  schema: CommandSchema;
  handle(ctx: CommandContext, options?: CommandOptions): Promise<Answer>;
  autocomplete(ctx: CommandContext, option: string, typed: string): Promise<Choice[]>;
  slow?: boolean;
}

/** A subcommand, its handler typed from its options. */
export function subcommand<const S extends OptionsSpec = Empty>(leaf: Leaf<S>): Subcommand {
  return {
    description: leaf.description,
    options: leaf.options ?? {},
    async run(ctx, given) {
      const typed = typedOptions<S>(leaf.options ?? {}, given);
      if (typeof typed === 'string') return { ...notice('Cannot run that', typed), kind: 'error' };
      return leaf.handle(ctx, typed);
    },
  };
}

export function defineCommand<const S extends OptionsSpec = Empty>(def: Head & Leaf<S>): DefinedCommand;
export function defineCommand(def: Head & { subcommands: Subcommands }): DefinedCommand;
export function defineCommand<S extends OptionsSpec>(
  def: Head & (Leaf<S> | { subcommands: Subcommands }),
): DefinedCommand {
  const leaves = 'subcommands' in def ? def.subcommands : undefined;
  const single = 'subcommands' in def ? undefined : subcommand(def);
  const schema = schemaOf(def, leaves ?? {});
  const leafFor = (sub: string | null | undefined) => single ?? (sub ? leaves?.[sub] : undefined);
  return {
    data: { name: def.name, toJSON: () => commandJson(schema) },
    schema,
    slow: def.slow,
    async handle(ctx, options = {}) {
      const refused = def.precondition?.(ctx);
      if (refused) return refused;
      const leaf = leafFor(ctx.subcommand);
      if (!leaf) return notice('Which one?', `Use /${def.name} ${orList(Object.keys(leaves ?? {}))}.`);
      return leaf.run(ctx, options);
    },
    async autocomplete(ctx, option, typed) {
      const leaf = leafFor(ctx.subcommand);
      // Autocomplete may arrive without the subcommand: any subcommand's option of that name will do.
      const candidates = leaf ? [leaf] : Object.values(leaves ?? {});
      for (const candidate of candidates) {
        const spec = candidate.options[option];
        if (spec?.type === 'string' && spec.autocomplete) return spec.autocomplete(ctx, typed);
      }
      return [];
    },
  };
}

function schemaOf(def: Head & { options?: OptionsSpec }, leaves: Subcommands): CommandSchema {
  const { name, description, adminOnly } = def;
  if (!Object.keys(leaves).length) return { name, description, adminOnly, options: def.options ?? {} };
  const subcommands = Object.fromEntries(
    Object.entries(leaves).map(([sub, leaf]) => [sub, { description: leaf.description, options: leaf.options }]),
  );
  return { name, description, adminOnly, subcommands };
}

const orList = (words: string[]) =>
  words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}` : words.join('');

/**
 * The declared options out of what a transport passed, checked against their declarations; a problem as text.
 * Discord and the console parser both deliver what the declaration says, so a problem here is a caller's bug.
 */
function typedOptions<S extends OptionsSpec>(spec: OptionsSpec, given: CommandOptions): OptionValues<S> | string {
  const out: CommandOptions = {};
  for (const [name, option] of Object.entries(spec)) {
    const value = given[name];
    if (value === undefined) {
      if (option.required) return `the option ${name} is required`;
    } else if (!holds(option, value)) {
      return `the option ${name} does not take ${JSON.stringify(value)}`;
    } else {
      out[name] = value;
    }
  }
  // Each declared option was checked just above, so the record is what the handler's type says.
  return out as OptionValues<S>;
}
