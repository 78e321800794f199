import { defineCommand } from '../src/commands-kit/define.ts';

export const { data, schema, handle } = defineCommand({
  name: 'timeline',
  description: 'Dated events in order, at the precision the sources give',
  handle: (ctx) => ctx.briefing.timeline(),
});
