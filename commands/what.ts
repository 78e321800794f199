import { defineCommand } from '../src/commands-kit/define.ts';
import { string } from '../src/commands-kit/options.ts';

export const { data, schema, handle, autocomplete } = defineCommand({
  name: 'what',
  description: 'What was proposed: plans, deals, offers, who put them forward and their status',
  options: {
    proposal: string({
      description: 'A proposal, e.g. "peace plan"',
      autocomplete: (ctx, typed) => ctx.briefing.suggestProposal(typed),
      maxLength: 100,
    }),
  },
  handle: (ctx, { proposal }) => ctx.briefing.what(proposal),
});
