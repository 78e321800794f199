import { randomBytes } from 'node:crypto';
import {
  MessageFlags,
  PermissionFlagsBits,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
} from 'discord.js';
import type { Logger } from 'pino';
import { notice, type Answer } from '../briefing/answer.ts';
import type { Briefing } from '../briefing/briefing.ts';
import type { Choice, CommandContext, CommandModule } from '../command.ts';
import { readerForGuild } from '../store/corpus.ts';
import type { DigestService } from '../digest/service.ts';
import { toDiscordMessage } from '../present/discord/embed.ts';
import { DISCORD } from '../present/discord/limits.ts';
import { clip, oneLine } from '../present/safe-text.ts';
import { readOptions } from './options.ts';

export interface RouterDeps {
  commands: Map<string, CommandModule>;
  briefing: Briefing;
  log: Logger;
  digests?: DigestService;
  /** A handler still running after this long gets a deferred reply (Discord allows 3 s for the first one). */
  deferAfterMs?: number;
  /** Autocomplete cannot be deferred: answer [] rather than miss Discord's 3 s. */
  autocompleteTimeoutMs?: number;
}

export interface Router {
  onInteraction(interaction: Interaction): Promise<void>;
}

type Outcome = { ok: true; answer: Answer } | { ok: false; error: unknown };

function errorRef(): string {
  return randomBytes(3).toString('hex').toUpperCase();
}

function failure(ref: string): Answer {
  return {
    title: `Something went wrong (ref ${ref})`,
    description: 'The error was logged. Try again, or give an admin this ref.',
    sections: [],
    citations: [],
    ephemeral: true,
    kind: 'error',
  };
}

/** Resolves with `value` or, after `ms`, with undefined; the timer never outlives the race. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Admin commands (those with default member permissions) answer privately, so their deferral is private too. */
const adminOnly = new WeakMap<CommandModule, boolean>();
function defersEphemeral(command: CommandModule): boolean {
  let cached = adminOnly.get(command);
  if (cached === undefined) {
    const json = command.data.toJSON() as { default_member_permissions?: string | null };
    cached = json.default_member_permissions != null;
    adminOnly.set(command, cached);
  }
  return cached;
}

export function validChoices(choices: unknown): Choice[] {
  if (!Array.isArray(choices)) return [];
  const seen = new Set<string>();
  const out: Choice[] = [];
  for (const c of choices) {
    if (out.length >= DISCORD.choices) break;
    if (!c || typeof c.value !== 'string' || typeof c.name !== 'string') continue;
    const value = c.value;
    if (!value || value.length > DISCORD.choiceValue || seen.has(value)) continue;
    const name = clip(oneLine(c.name) || value, DISCORD.choiceName);
    seen.add(value);
    out.push({ name, value });
  }
  return out;
}

/** What a command handler is given: the briefing, who asks and where. */
function commandContext(
  { briefing, digests }: Pick<RouterDeps, 'briefing' | 'digests'>,
  interaction: ChatInputCommandInteraction | AutocompleteInteraction,
  subcommand: string | null,
): CommandContext {
  // A server reads its own corpus and the shared one; a direct message the shared one only.
  return {
    briefing: briefing.for(readerForGuild(interaction.guildId)),
    isAdmin: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    userId: interaction.user.id,
    subcommand,
    digests,
  };
}

/** Replies, or fills in the deferred reply; an answer whose privacy differs from the deferral is re-sent. */
async function send(
  interaction: ChatInputCommandInteraction,
  answer: Answer,
  deferredEphemeral: boolean,
): Promise<void> {
  const message = toDiscordMessage(answer);
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply(message);
  } else if (interaction.deferred && !interaction.replied && Boolean(answer.ephemeral) === deferredEphemeral) {
    const { flags: _ephemeral, ...edit } = message;
    await interaction.editReply(edit);
  } else {
    if (interaction.deferred && !interaction.replied) await interaction.deleteReply().catch(() => undefined);
    await interaction.followUp(message);
  }
}

export function createRouter({
  commands,
  briefing,
  log,
  digests,
  deferAfterMs = 1000,
  autocompleteTimeoutMs = 2500,
}: RouterDeps): Router {
  const context = (interaction: ChatInputCommandInteraction | AutocompleteInteraction, subcommand: string | null) =>
    commandContext({ briefing, digests }, interaction, subcommand);

  async function runCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    const name = interaction.commandName;
    const command = commands.get(name);
    if (!command) {
      log.warn({ command: name }, 'unknown command');
      await send(interaction, notice('Unknown command', `This bot has no /${name} command. Try /help.`), false);
      return;
    }
    const started = Date.now();
    const { options, subcommand } = readOptions(interaction);
    const outcome: Promise<Outcome> = Promise.resolve()
      .then(() => command.handle(context(interaction, subcommand), options))
      .then(
        (answer) => ({ ok: true as const, answer }),
        (error: unknown) => ({ ok: false as const, error }),
      );

    const ephemeralDefer = defersEphemeral(command);
    if (command.slow || !(await within(outcome, deferAfterMs))) {
      await interaction.deferReply(ephemeralDefer ? { flags: MessageFlags.Ephemeral } : {});
    }
    const result = await outcome;
    let answer: Answer;
    if (result.ok) {
      answer = result.answer;
      log.debug({ command: name, subcommand, ms: Date.now() - started }, 'command answered');
    } else {
      const ref = errorRef();
      log.error({ ref, command: name, subcommand, err: result.error }, 'command failed');
      answer = failure(ref);
    }
    await send(interaction, answer, ephemeralDefer);
  }

  async function runAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    let choices: Choice[] = [];
    const command = commands.get(interaction.commandName);
    if (command?.autocomplete) {
      try {
        const focused = interaction.options.getFocused(true);
        const { subcommand } = readOptions(interaction);
        const ctx = context(interaction, subcommand);
        const found = await within(
          command.autocomplete(ctx, focused.name, String(focused.value ?? '')),
          autocompleteTimeoutMs,
        );
        if (found === undefined) log.warn({ command: interaction.commandName }, 'autocomplete too slow');
        choices = validChoices(found);
      } catch (err) {
        log.warn({ command: interaction.commandName, err }, 'autocomplete failed');
      }
    }
    await interaction.respond(choices);
  }

  return {
    async onInteraction(interaction) {
      try {
        if (interaction.isChatInputCommand()) await runCommand(interaction);
        else if (interaction.isAutocomplete()) await runAutocomplete(interaction);
      } catch (err) {
        // Usually Discord refusing the reply (an expired token, a deleted channel): nothing left to tell the user.
        log.error({ ref: errorRef(), err }, 'interaction could not be answered');
      }
    },
  };
}
