import readline from 'node:readline';
import { toText } from '../present/text.ts';
import type { StoreStats } from '../store/store.ts';
import { runLine, type LineEnv } from './run-line.ts';

export function banner(stats: StoreStats): string {
  return [
    'parley — console mode (no DISCORD_TOKEN set)',
    `store: ${stats.documents} documents, ${stats.sentences} sentences, ${stats.people} people, ` +
      `${stats.places} places, ${stats.organizations} organizations, ${stats.proposals} proposals, ` +
      `${stats.quotes} quotes, ${stats.dates} dates`,
    'type a command as in Discord, e.g. /who, /timeline, /ask question:Where were the talks? — /help lists ' +
      'them; Ctrl-D quits',
  ].join('\n');
}

/** Reads commands from stdin: with a prompt on a terminal, line by line when piped; resolves at end of input. */
export async function runConsole(
  opts: LineEnv & {
    input?: NodeJS.ReadableStream;
    output?: NodeJS.WritableStream;
  },
): Promise<void> {
  const input = opts.input ?? process.stdin;
  const output = opts.output ?? process.stdout;
  const interactive = (input as { isTTY?: boolean }).isTTY === true;
  const rl = readline.createInterface({ input, output: interactive ? output : undefined, terminal: interactive });
  const prompt = () => interactive && rl.prompt();
  rl.setPrompt('parley> ');
  output.write(`${banner(await opts.briefing.store.stats())}\n`);
  prompt();
  for await (const line of rl) {
    if (!line.trim()) {
      prompt();
      continue;
    }
    if (/^\/?(quit|exit)$/i.test(line.trim())) break;
    const answer = await runLine(line, opts);
    // Piped input is not echoed by a terminal: show which command each answer belongs to.
    output.write(`${interactive ? '' : `> ${line.trim()}\n`}${toText(answer)}\n\n`);
    prompt();
  }
  rl.close();
}
