import { defineCommand } from '../src/commands-kit/define.ts';

export const { data, schema, handle } = defineCommand({
  name: 'sources',
  description: 'The documents parley has read: title, source, date, link',
  handle: (ctx) => ctx.briefing.sources(),
});
