import { extractFile } from './extract/from-file.ts';
import { extractionSchema } from './extract/contract.ts';

const USAGE = `usage: npm run cli -- <command>
  ingest [PATH...]          ingest documents (default: the documents folder)
  extract FILE [--json]     print what is extracted from one document
  stats                     what the store holds
  conflicts                 dates on which sources disagree
  run "/command option:value" [--json]   run one slash command against the store`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'extract': {
      const file = rest.find((a) => !a.startsWith('--'));
      if (!file) throw new UsageError('extract needs a FILE');
      const out = extractionSchema.parse(extractFile(file));
      process.stdout.write(rest.includes('--json') ? `${JSON.stringify(out, null, 2)}\n` : summarise(out));
      return 0;
    }
    default:
      throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  }
}

function summarise(x: ReturnType<typeof extractionSchema.parse>): string {
  const lines = [`${x.document.title}`];
  lines.push(`people: ${x.people.map((p) => `${p.name}${p.roles.length ? ` (${p.roles.join(', ')})` : ''}`).join('; ')}`);
  lines.push(`places: ${x.places.map((p) => p.name).join('; ')}`);
  lines.push(`organizations: ${x.organizations.map((p) => p.name).join('; ')}`);
  lines.push(`proposals: ${x.proposals.map((p) => p.name).join('; ')}`);
  lines.push(`quotes: ${x.quotes.length}, dates: ${x.dates.map((d) => d.text).join('; ')}`);
  return `${lines.join('\n')}\n`;
}

class UsageError extends Error {}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    if (err instanceof UsageError) process.stderr.write(`${err.message}\n${USAGE}\n`);
    else process.stderr.write(`error: ${(err as Error).message}\n`);
    process.exitCode = err instanceof UsageError ? 2 : 1;
  },
);
