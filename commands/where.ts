import { defineCommand } from '../src/commands-kit/define.ts';
import { string } from '../src/commands-kit/options.ts';

export const { data, schema, handle, autocomplete } = defineCommand({
  name: 'where',
  description: 'The places in the story and why each matters; or what happened at one',
  options: {
    place: string({
      description: 'A city, region, country or venue',
      autocomplete: (ctx, typed) => ctx.briefing.suggest('place', typed),
      maxLength: 100,
    }),
  },
  handle: (ctx, { place }) => ctx.briefing.where(place),
});
