import { SlashCommandBuilder } from 'discord.js';
import type { CommandContext, CommandOptions } from '../src/command.ts';

export const data = new SlashCommandBuilder()
  .setName('quote')
  .setDescription('Who said what: attributed quotes, by speaker and/or a word')
  .addStringOption((o) => o.setName('speaker').setDescription('Who said it').setAutocomplete(true).setMaxLength(100))
  .addStringOption((o) => o.setName('about').setDescription('A word the quote is about').setMaxLength(100));

export function handle(ctx: CommandContext, options: CommandOptions) {
  return ctx.briefing.quotes(options.speaker as string | undefined, options.about as string | undefined);
}

export function autocomplete(ctx: CommandContext, _option: string, value: string) {
  return ctx.briefing.suggest(['person', 'organization'], value);
}
