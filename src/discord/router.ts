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
import type { WebService } from '../feeds/service.ts';
import { toDiscordMessage } from '../present/discord/embed.ts';
import { DISCORD } from '../present/discord/limits.ts';
import { clip, oneLine } from '../present/safe-text.ts';
import { readOptions } from './options.ts';

export interface RouterDeps {
  commands: Map<string, CommandModule>;
  briefing: Briefing;
  log: Logger;
  digests?: DigestService;
  web?: WebService;
  /** A handler still running after this long gets a deferred reply (Discord allows 3 s for the first one). */
  deferAfterMs?: number;
  /** Autocomplete cannot be deferred: answer [] rather than miss Discord's 3 s. */
  autocompleteTimeoutMs?: number;
  /** Progress edits of a deferred reply come at most this often (Discord rate-limits edits). */
  progressEveryMs?: number;
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
  { briefing, digests, web }: Pick<RouterDeps, 'briefing' | 'digests' | 'web'>,
  interaction: ChatInputCommandInteraction | AutocompleteInteraction,
  subcommand: string | null,
): CommandContext {
  // A server reads its own corpus and the shared one; a direct message the shared one only.
  const reader = readerForGuild(interaction.guildId);
  return {
    briefing: briefing.for(reader),
    isAdmin: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    userId: interaction.user.id,
    subcommand,
    digests,
    web: web?.for(reader),
  };
}

/**
 * Progress text for a deferred reply: edits it in place, at most once per `everyMs`, never after the answer.
 * An edit that fails is dropped: progress is a courtesy, the answer still comes.
 */
function progressEditor(interaction: ChatInputCommandInteraction, everyMs: number) {
  let last = 0;
  let done = false;
  let pending: Promise<unknown> = Promise.resolve();
  return {
    report(text: string) {
      const now = Date.now();
      if (done || !interaction.deferred || interaction.replied || now - last < everyMs) return;
      last = now;
      const edit = { content: clip(oneLine(text), DISCORD.content), allowedMentions: { parse: [] } };
      pending = pending.then(() => interaction.editReply(edit as never)).catch(() => undefined);
    },
    /** Waits for an edit in flight, so that it cannot land over the answer. */
    async finish() {
      done = true;
      await pending;
      return last > 0;
    },
  };
}

/**
 * Replies, or fills in the deferred reply; an answer whose privacy differs from the deferral is re-sent.
 * `progressed`: the deferred reply was edited with progress (discord.js then counts it as replied).
 */
async function send(
  interaction: ChatInputCommandInteraction,
  answer: Answer,
  deferredEphemeral: boolean,
  progressed = false,
): Promise<void> {
  const message = toDiscordMessage(answer);
  const open = interaction.deferred && (!interaction.replied || progressed);
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply(message);
  } else if (open && Boolean(answer.ephemeral) === deferredEphemeral) {
    const { flags: _ephemeral, ...edit } = message;
    // A progress line shown in the deferred reply goes when the answer replaces it.
    await interaction.editReply(progressed ? { content: '', ...edit } : edit);
  } else {
    if (open) await interaction.deleteReply().catch(() => undefined);
    await interaction.followUp(message);
  }
}

export function createRouter({
  commands,
  briefing,
  log,
  digests,
  web,
  deferAfterMs = 1000,
  autocompleteTimeoutMs = 2500,
  progressEveryMs = 1500,
}: RouterDeps): Router {
  const context = (interaction: ChatInputCommandInteraction | AutocompleteInteraction, subcommand: string | null) =>
    commandContext({ briefing, digests, web }, interaction, subcommand);

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
    const progress = progressEditor(interaction, progressEveryMs);
    const ctx = { ...context(interaction, subcommand), progress: progress.report };
    const outcome: Promise<Outcome> = Promise.resolve()
      .then(() => command.handle(ctx, options))
      .then(
        (answer) => ({ ok: true as const, answer }),
        (error: unknown) => ({ ok: false as const, error }),
      );

    const ephemeralDefer = defersEphemeral(command);
    if (command.slow || !(await within(outcome, deferAfterMs))) {
      await interaction.deferReply(ephemeralDefer ? { flags: MessageFlags.Ephemeral } : {});
    }
    const result = await outcome;
    const progressed = await progress.finish();
    let answer: Answer;
    if (result.ok) {
      answer = result.answer;
      log.debug({ command: name, subcommand, ms: Date.now() - started }, 'command answered');
    } else {
      const ref = errorRef();
      log.error({ ref, command: name, subcommand, err: result.error }, 'command failed');
      answer = failure(ref);
    }
    await send(interaction, answer, ephemeralDefer, progressed);
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
