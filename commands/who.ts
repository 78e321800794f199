import { defineCommand } from '../src/commands-kit/define.ts';
import { string } from '../src/commands-kit/options.ts';

export const { data, schema, handle, autocomplete } = defineCommand({
  name: 'who',
  description: 'Who is who in the story: people and organisations, roles, affiliations, what they said',
  options: {
    name: string({
      description: 'A person or organisation: a name, surname or role, e.g. "the ambassador"',
      autocomplete: (ctx, typed) => ctx.briefing.suggest(['person', 'organization'], typed),
      maxLength: 100,
    }),
  },
  handle: (ctx, { name }) => ctx.briefing.who(name),
});
