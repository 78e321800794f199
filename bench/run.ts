import { benchCommands } from './commands.ts';
import { benchExtract } from './extract.ts';
import { benchFeeds } from './feeds.ts';
import { benchIngest } from './ingest.ts';
import { benchStart } from './start.ts';

/** `npx tsx bench/run.ts NAME` — one entry per benchmark. */
const BENCHES: Record<string, () => Promise<unknown>> = {
  extract: benchExtract,
  commands: benchCommands,
  feeds: benchFeeds,
  ingest: benchIngest,
  start: benchStart,
};

const name = process.argv[2];
const run = name ? BENCHES[name] : undefined;
if (!run) {
  console.error(`usage: npx tsx bench/run.ts <${Object.keys(BENCHES).join('|')}>`);
  process.exitCode = 2;
} else {
  await run();
}
