import { notice, type Answer } from './briefing/answer.ts';
import type { CommandContext } from './command.ts';

/**
 * Checks a command runs before its handler (Sapphire's "preconditions"): each returns the refusal to send, or null.
 * Discord's default_member_permissions hides admin commands; this runtime check holds even if a server overrides it.
 */
export function requireManageGuild(ctx: CommandContext, what: string): Answer | null {
  return ctx.isAdmin ? null : notice('Not allowed', `Only members who can manage this server may ${what}.`);
}
