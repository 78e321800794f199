import { SlashCommandBuilder } from 'discord.js';
import type { CommandContext, CommandOptions } from '../src/command.ts';

export const data = new SlashCommandBuilder()
  .setName('what')
  .setDescription('What was proposed: plans, deals, offers, who put them forward and their status')
  .addStringOption((o) =>
    o.setName('proposal').setDescription('A proposal, e.g. "peace plan"').setAutocomplete(true).setMaxLength(100),
  );

export function handle(ctx: CommandContext, options: CommandOptions) {
  return ctx.briefing.what(options.proposal as string | undefined);
}

export function autocomplete(ctx: CommandContext, _option: string, value: string) {
  return ctx.briefing.suggestProposal(value);
}
