import { defineCommand } from '../src/commands-kit/define.ts';
import { string } from '../src/commands-kit/options.ts';

export const { data, schema, handle } = defineCommand({
  name: 'ask',
  description: 'Ask a question; get the best matching sentences from the documents, cited',
  options: {
    question: string({ description: 'e.g. Where were the talks held?', required: true, maxLength: 500 }),
  },
  handle: (ctx, { question }) => ctx.briefing.ask(question),
});
