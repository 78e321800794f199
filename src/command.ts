import { z } from 'zod';
import type { Answer } from './briefing/answer.ts';
import type { Briefing } from './briefing/briefing.ts';
import type { DigestService } from './digest/service.ts';

/** An attachment as a command sees it: no discord.js types, the bytes fetched on demand. */
export interface AttachmentInput {
  name: string;
  size: number;
  contentType: string | null;
  fetch(): Promise<Buffer>;
}

type OptionValue = string | number | boolean | AttachmentInput;
export type CommandOptions = Record<string, OptionValue | undefined>;

export interface CommandContext {
  briefing: Briefing;
  /** Whether the member may manage the guild (checked at run time, not only by Discord's default permission). */
  isAdmin: boolean;
  guildId: string | null;
  channelId: string | null;
  userId: string;
  /** The subcommand chosen, when the command has subcommands. */
  subcommand?: string | null;
  /** Digest subscriptions and the running scheduler; absent where no scheduler runs. */
  digests?: DigestService;
}

export interface Choice {
  name: string;
  value: string;
}

/**
 * What every file in commands/ exports. `data` is the discord.js builder (its toJSON() is what Discord gets);
 * `handle` is platform-neutral so the console, the CLI and the Discord router all call the same code.
 */
const fn = z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', 'a function');

export const commandModuleSchema = z.object({
  data: z.object({ name: z.string().regex(/^[-_\p{Ll}\p{N}]{1,32}$/u), toJSON: fn }),
  handle: fn,
  autocomplete: fn.optional(),
  /** The handler may take longer than a second: defer first. */
  slow: z.boolean().optional(),
});

export interface CommandModule {
  data: { name: string; toJSON(): unknown };
  handle(ctx: CommandContext, options: CommandOptions): Promise<Answer>;
  autocomplete?(ctx: CommandContext, option: string, value: string): Promise<Choice[]>;
  slow?: boolean;
}
