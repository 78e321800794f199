import fs from 'node:fs';
import path from 'node:path';
import type { AttachmentInput, CommandModule, CommandOptions } from '../command.ts';

interface OptionJson {
  name: string;
  type: number;
  required?: boolean;
  options?: OptionJson[];
}

const SUBCOMMAND = 1;
const NUMBERS = new Set([4, 10]);
const BOOLEAN = 5;
const ATTACHMENT = 11;

export interface ParsedLine {
  command: CommandModule;
  subcommand: string | null;
  options: CommandOptions;
}

export class LineError extends Error {}

function localAttachment(file: string): AttachmentInput {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) throw new LineError(`no such file: ${file}`);
  return { name: path.basename(file), size: stat.size, contentType: null, fetch: async () => fs.readFileSync(file) };
}

/**
 * Reads "/who name:Anna Keller" as Discord shows it: a value runs to the next `option:` that the command
 * has, so values may contain spaces. Text before any `option:` goes to the first option ("/who Keller").
 */
export function parseLine(line: string, commands: Map<string, CommandModule>): ParsedLine {
  const m = /^\/?(\S+)\s*([\s\S]*)$/.exec(line.trim());
  if (!m) throw new LineError('type a command, e.g. /who name:Keller — /help lists them');
  const command = commands.get(m[1].toLowerCase());
  if (!command) throw new LineError(`unknown command /${m[1]} — /help lists them`);
  let rest = m[2];
  let defs = ((command.data.toJSON() as { options?: OptionJson[] }).options ?? []) as OptionJson[];
  let subcommand: string | null = null;
  if (defs.some((d) => d.type === SUBCOMMAND)) {
    const sm = /^(\S+)\s*([\s\S]*)$/.exec(rest);
    const sub = defs.find((d) => d.type === SUBCOMMAND && d.name === sm?.[1]?.toLowerCase());
    if (!sub) throw new LineError(`/${command.data.name} needs one of: ${defs.map((d) => d.name).join(', ')}`);
    subcommand = sub.name;
    rest = sm?.[2] ?? '';
    defs = sub.options ?? [];
  }
  const names = defs.map((d) => d.name);
  const raw: Record<string, string> = {};
  if (names.length) {
    const marker = new RegExp(`(?:^|\\s)(${names.map((n) => n.replace(/[-]/g, '\\-')).join('|')}):`, 'gi');
    const found = [...rest.matchAll(marker)];
    const lead = (found.length ? rest.slice(0, found[0].index) : rest).trim();
    if (lead) raw[names[0]] = lead;
    found.forEach((f, i) => {
      const start = (f.index ?? 0) + f[0].length;
      const end = i + 1 < found.length ? found[i + 1].index : rest.length;
      raw[f[1].toLowerCase()] = rest.slice(start, end).trim();
    });
  } else if (rest.trim()) {
    throw new LineError(`/${command.data.name} takes no options`);
  }
  const options: CommandOptions = {};
  for (const def of defs) {
    const value = raw[def.name];
    if (value === undefined || value === '') {
      if (def.required)
        throw new LineError(`/${command.data.name}${subcommand ? ` ${subcommand}` : ''} needs ${def.name}:…`);
      continue;
    }
    if (NUMBERS.has(def.type)) {
      const n = Number(value);
      if (!Number.isFinite(n)) throw new LineError(`${def.name} must be a number`);
      options[def.name] = n;
    } else if (def.type === BOOLEAN) {
      options[def.name] = /^(true|yes|1|on)$/i.test(value);
    } else if (def.type === ATTACHMENT) {
      options[def.name] = localAttachment(value);
    } else {
      options[def.name] = value;
    }
  }
  return { command, subcommand, options };
}
