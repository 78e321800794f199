import { SlashCommandBuilder } from 'discord.js';
import type { CommandContext, CommandOptions } from '../src/command.ts';

export const data = new SlashCommandBuilder()
  .setName('where')
  .setDescription('The places in the story and why each matters; or what happened at one')
  .addStringOption((o) =>
    o.setName('place').setDescription('A city, region, country or venue').setAutocomplete(true).setMaxLength(100),
  );

export function handle(ctx: CommandContext, options: CommandOptions) {
  return ctx.briefing.where(options.place as string | undefined);
}

export function autocomplete(ctx: CommandContext, _option: string, value: string) {
  return ctx.briefing.suggest('place', value);
}
