import type { CommandModule, CommandOptions } from '../command.ts';
import type { CommandSchema } from '../commands-kit/define.ts';
import type { OptionsSpec } from '../commands-kit/options.ts';
import { fromText, LineError } from './option-text.ts';

export { LineError } from './option-text.ts';

export interface ParsedLine {
  command: CommandModule;
  subcommand: string | null;
  options: CommandOptions;
}

/** Looks like `name:` with a name as Discord spells option names (not `https://`, not `Rubio:`). */
const OPTION_LIKE = /^([-_\p{Ll}\p{N}]{1,32}):(?!\/\/)/u;
const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');

function pickSubcommand(schema: CommandSchema, rest: string) {
  if (!schema.subcommands) return { subcommand: null, rest, spec: schema.options ?? {} };
  const m = /^(\S*)\s*([\s\S]*)$/.exec(rest);
  const name = m?.[1]?.toLowerCase() ?? '';
  const sub = Object.hasOwn(schema.subcommands, name) ? schema.subcommands[name] : undefined;
  if (!sub) throw new LineError(`/${schema.name} needs one of: ${Object.keys(schema.subcommands).join(', ')}`);
  return { subcommand: name, rest: m?.[2] ?? '', spec: sub.options ?? {} };
}

/** Splits `rest` at each `option:` the command has; text before the first goes to the first option. */
function splitOptions(rest: string, names: string[], label: string): Record<string, string> {
  if (!names.length) {
    if (rest.trim()) throw new LineError(`${label} takes no options`);
    return {};
  }
  const marker = new RegExp(`(?:^|\\s)(${names.map(escaped).join('|')}):`, 'gi');
  const found = [...rest.matchAll(marker)];
  const lead = (found.length ? rest.slice(0, found[0].index) : rest).trim();
  const unknown = OPTION_LIKE.exec(lead)?.[1];
  if (unknown) throw new LineError(`${label} has no option ${unknown} — its options: ${names.join(', ')}`);
  const raw: Record<string, string> = {};
  if (lead) raw[names[0]] = lead;
  found.forEach((f, i) => {
    const name = f[1].toLowerCase();
    if (raw[name] !== undefined) throw new LineError(`${label}: ${name} is given twice`);
    const start = (f.index ?? 0) + f[0].length;
    const end = i + 1 < found.length ? found[i + 1].index : rest.length;
    raw[name] = rest.slice(start, end).trim();
  });
  return raw;
}

function readOptions(raw: Record<string, string>, spec: OptionsSpec, label: string): CommandOptions {
  const options: CommandOptions = {};
  for (const [name, option] of Object.entries(spec)) {
    const text = raw[name];
    if (text === undefined || text === '') {
      if (option.required) throw new LineError(`${label} needs ${name}:…`);
      continue;
    }
    options[name] = fromText(name, option, text);
  }
  return options;
}

/**
 * Reads "/who name:Anna Keller" as Discord shows it, against the command's declared options: a value runs to the
 * next `option:` that the command has, so values may contain spaces. Text before any `option:` goes to the first
 * option ("/who Keller"). Each value is read as its option's type, within its limits and choices.
 */
export function parseLine(line: string, commands: Map<string, CommandModule>): ParsedLine {
  const m = /^\/?(\S+)\s*([\s\S]*)$/.exec(line.trim());
  if (!m) throw new LineError('type a command, e.g. /who name:Keller — /help lists them');
  const command = commands.get(m[1].toLowerCase());
  if (!command) throw new LineError(`unknown command /${m[1]} — /help lists them`);
  const schema = command.schema;
  if (!schema) throw new LineError(`/${command.data.name} declares no options schema, so it runs on Discord only`);
  const { subcommand, rest, spec } = pickSubcommand(schema, m[2]);
  const label = `/${schema.name}${subcommand ? ` ${subcommand}` : ''}`;
  const raw = splitOptions(rest, Object.keys(spec), label);
  return { command, subcommand, options: readOptions(raw, spec, label) };
}
