import { z } from 'zod';
import type { Answer } from './briefing/answer.ts';
import type { Briefing } from './briefing/briefing.ts';
import type { CommandSchema } from './commands-kit/define.ts';
import type { DigestService } from './digest/service.ts';
import type { WebService } from './feeds/service.ts';

/** An attachment as a command sees it: no discord.js types, the bytes fetched on demand. */
export interface AttachmentInput {
  name: string;
  size: number;
  contentType: string | null;
  fetch(): Promise<Buffer>;
}

export type OptionValue = string | number | boolean | AttachmentInput;
export type CommandOptions = Record<string, OptionValue | undefined>;

export interface CommandContext {
  briefing: Briefing;
  /** Whether the member may manage the guild (checked at run time, not only by Discord's default permission). */
  isAdmin: boolean;
  guildId: string | null;
  channelId: string | null;
  /**
   * What the context's own channel is: 'chat' (a shared, rate-limited channel; the default) or 'local' (the
   * operator's own terminal, read by no one else, e.g. the console).
   */
  channelKind?: 'chat' | 'local';
  userId: string;
  /** The subcommand chosen, when the command has subcommands. */
  subcommand?: string | null;
  /** Digest subscriptions and the running scheduler; absent where no scheduler runs. */
  digests?: DigestService;
  /** Links and feeds (/ingest url, /feed); absent where the store keeps no feeds. */
  web?: WebService;
  /**
   * Where a long-running handler reports how far it got ("12/40 fetched"): Discord edits the deferred reply.
   * Absent where the transport cannot show it.
   */
  progress?: (text: string) => void;
}

export interface Choice {
  name: string;
  value: string;
}

/**
 * What every file in commands/ exports, usually through defineCommand (src/commands-kit/define.ts). `data.toJSON()`
 * is what Discord registers; `schema` is the neutral declaration the console parses against (a module without one
 * runs on Discord only); `handle` is platform-neutral so the console, the CLI and the Discord router all call the
 * same code.
 */
const fn = z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', 'a function');

export const commandModuleSchema = z.object({
  data: z.object({ name: z.string().regex(/^[-_\p{Ll}\p{N}]{1,32}$/u), toJSON: fn }),
  schema: z.object({ name: z.string(), description: z.string() }).optional(),
  handle: fn,
  autocomplete: fn.optional(),
  /** The handler may take longer than a second: defer first. */
  slow: z.boolean().optional(),
});

export interface CommandModule {
  data: { name: string; toJSON(): unknown };
  schema?: CommandSchema;
  handle(ctx: CommandContext, options: CommandOptions): Promise<Answer>;
  autocomplete?(ctx: CommandContext, option: string, value: string): Promise<Choice[]>;
  slow?: boolean;
}
