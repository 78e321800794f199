import { SlashCommandBuilder } from 'discord.js';
import type { CommandContext } from '../src/command.ts';

export const data = new SlashCommandBuilder()
  .setName('brief')
  .setDescription('The story so far: who, where, what, when, and what was said');

export function handle(ctx: CommandContext) {
  return ctx.briefing.brief();
}
