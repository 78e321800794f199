import { SlashCommandBuilder } from 'discord.js';
import type { CommandContext } from '../src/command.ts';

export const data = new SlashCommandBuilder()
  .setName('sources')
  .setDescription('The documents parley has read: title, source, date, link');

export function handle(ctx: CommandContext) {
  return ctx.briefing.sources();
}
