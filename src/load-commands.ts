import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { commandModuleSchema, type CommandModule } from './command.ts';

const COMMANDS_DIR = path.resolve(import.meta.dirname, '..', 'commands');

export class CommandLoadError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${shownPath(file)}: ${problems.join('; ')}`);
    this.name = 'CommandLoadError';
  }
}

function shownPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

function isCommandFile(name: string): boolean {
  return /\.(ts|js)$/.test(name) && !/\.(d|test)\.ts$/.test(name);
}

async function loadOne(file: string): Promise<CommandModule> {
  let mod: unknown;
  try {
    mod = await import(pathToFileURL(file).href);
  } catch (e) {
    throw new CommandLoadError(file, [`could not be imported: ${(e as Error).message}`]);
  }
  const checked = commandModuleSchema.safeParse(mod);
  if (!checked.success) {
    throw new CommandLoadError(
      file,
      checked.error.issues.map((issue) => {
        const where = issue.path.join('.') || '(module)';
        const value = issue.path.reduce<unknown>(
          (v, key) => (v as Record<PropertyKey, unknown> | undefined)?.[key],
          mod,
        );
        if (value === undefined) return `${where}: missing`;
        return `${where}: ${issue.message} (got ${typeof value === 'string' ? JSON.stringify(value) : typeof value})`;
      }),
    );
  }
  return mod as CommandModule;
}

/** Imports every command file in `dir`, checked against the module contract; any bad file stops start-up. */
export async function loadCommands(dir = COMMANDS_DIR): Promise<Map<string, CommandModule>> {
  const files = fs
    .readdirSync(dir)
    .filter(isCommandFile)
    .sort()
    .map((name) => path.join(dir, name));
  const commands = new Map<string, CommandModule>();
  const from = new Map<string, string>();
  for (const file of files) {
    const command = await loadOne(file);
    const name = command.data.name;
    const earlier = from.get(name);
    if (earlier)
      throw new CommandLoadError(file, [`the command name "${name}" is already used by ${path.basename(earlier)}`]);
    commands.set(name, command);
    from.set(name, file);
  }
  return commands;
}
