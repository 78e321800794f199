import { defineCommand } from '../src/commands-kit/define.ts';
import { string } from '../src/commands-kit/options.ts';

export const { data, schema, handle, autocomplete } = defineCommand({
  name: 'quote',
  description: 'Who said what: attributed quotes, by speaker and/or a word',
  options: {
    speaker: string({
      description: 'Who said it',
      autocomplete: (ctx, typed) => ctx.briefing.suggest(['person', 'organization'], typed),
      maxLength: 100,
    }),
    about: string({ description: 'A word the quote is about', maxLength: 100 }),
  },
  handle: (ctx, { speaker, about }) => ctx.briefing.quotes(speaker, about),
});
