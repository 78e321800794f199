import { SlashCommandBuilder } from 'discord.js';
import type { CommandContext, CommandOptions } from '../src/command.ts';

export const data = new SlashCommandBuilder()
  .setName('who')
  .setDescription('Who is who in the story: people and organisations, roles, affiliations, what they said')
  .addStringOption((o) =>
    o
      .setName('name')
      .setDescription('A person or organisation: a name, surname or role, e.g. "the ambassador"')
      .setAutocomplete(true)
      .setMaxLength(100),
  );

export function handle(ctx: CommandContext, options: CommandOptions) {
  return ctx.briefing.who(options.name as string | undefined);
}

export function autocomplete(ctx: CommandContext, _option: string, value: string) {
  return ctx.briefing.suggest(['person', 'organization'], value);
}
