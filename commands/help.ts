import type { Answer } from '../src/briefing/answer.ts';
import type { CommandContext } from '../src/command.ts';
import { defineCommand } from '../src/commands-kit/define.ts';

const COMMANDS: [string, string][] = [
  ['/brief', 'the story so far'],
  ['/who [name]', 'people, their roles and affiliations; with a name: what they did and said'],
  ['/where [place]', 'places and why they matter; with a place: what happened there'],
  ['/what [proposal]', 'plans, deals and offers, who proposed them, their status'],
  ['/quote [speaker] [about]', 'who said what'],
  ['/timeline', 'dated events, with disagreements between sources flagged'],
  ['/ask question', 'free question; answered with the best sentences from the documents'],
  ['/sources', 'the documents read so far'],
  ['/ingest file · url', 'admins: add a .txt, .md or .html article (up to 2 MB), or a link: an article or a feed'],
  ['/feed add · list · remove', "admins: follow RSS, Atom and JSON feeds; new articles join this server's story"],
  ['/forget document', "admins: remove one of this server's documents and the facts only it supported"],
  [
    '/digest subscribe schedule [channel] [timezone]',
    'admins: post digests on a schedule (daily, weekdays, hourly or cron)',
  ],
  ['/digest list · unsubscribe · preview · now', 'admins: see, stop, preview or post digests'],
  ['/help', 'this list'],
];

async function commandList(ctx: CommandContext): Promise<Answer> {
  return {
    title: 'parley — briefings on a developing story',
    description: 'Every answer cites the document and sentence it comes from.',
    sections: [
      { heading: 'Commands', items: COMMANDS.map(([label, text]) => ({ label, text, cite: [] })) },
      await ctx.briefing.examples(),
    ],
    citations: [],
    ephemeral: true,
  };
}

export const { data, schema, handle } = defineCommand({
  name: 'help',
  description: 'What parley can answer and how to ask',
  handle: commandList,
});
