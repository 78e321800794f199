import { SlashCommandBuilder } from 'discord.js';
import type { CommandContext, CommandOptions } from '../src/command.ts';

export const data = new SlashCommandBuilder()
  .setName('ask')
  .setDescription('Ask a question; get the best matching sentences from the documents, cited')
  .addStringOption((o) =>
    o.setName('question').setDescription('e.g. Where were the talks held?').setRequired(true).setMaxLength(500),
  );

export function handle(ctx: CommandContext, options: CommandOptions) {
  return ctx.briefing.ask(String(options.question ?? ''));
}
