import { defineCommand } from '../src/commands-kit/define.ts';

export const { data, schema, handle } = defineCommand({
  name: 'brief',
  description: 'The story so far: who, where, what, when, and what was said',
  handle: (ctx) => ctx.briefing.brief(),
});
