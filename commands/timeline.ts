import { SlashCommandBuilder } from 'discord.js';
import type { CommandContext } from '../src/command.ts';

export const data = new SlashCommandBuilder()
  .setName('timeline')
  .setDescription('Dated events in order, at the precision the sources give');

export function handle(ctx: CommandContext) {
  return ctx.briefing.timeline();
}
