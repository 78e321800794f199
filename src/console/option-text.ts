import fs from 'node:fs';
import path from 'node:path';
import type { AttachmentInput, OptionValue } from '../command.ts';
import type { OptionSpec, StringOption } from '../commands-kit/options.ts';

/** A line the console cannot run, said so the operator can fix it. */
export class LineError extends Error {}

const INTEGER = /^[-+]?\d+$/;
const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
const TRUE = /^(true|yes|1|on)$/i;
const FALSE = /^(false|no|0|off)$/i;

/** One option's text, as typed after `name:`, read as its declaration says, or a LineError naming the option. */
export function fromText(name: string, spec: OptionSpec, text: string): OptionValue {
  switch (spec.type) {
    case 'string':
      return stringValue(name, spec, text);
    case 'integer':
    case 'number':
      return numberValue(name, spec, text);
    case 'boolean':
      if (TRUE.test(text)) return true;
      if (FALSE.test(text)) return false;
      throw new LineError(`${name} must be true or false (got ${shown(text)})`);
    case 'channel':
      return /^<#(\d+)>$/.exec(text)?.[1] ?? text;
    case 'user':
      return /^<@!?(\d+)>$/.exec(text)?.[1] ?? text;
    case 'attachment':
      return localAttachment(name, text);
  }
}

const shown = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);

function choiceList(choices: readonly { name: string; value: string | number }[]): string {
  return choices.map((c) => String(c.value)).join(', ');
}

function stringValue(name: string, spec: StringOption, text: string): string {
  if (spec.choices?.length) {
    const folded = text.toLowerCase();
    const choice = spec.choices.find(
      (c) => c.value === text || [c.value, c.name].some((s) => s.toLowerCase() === folded),
    );
    if (!choice) throw new LineError(`${name} must be one of: ${choiceList(spec.choices)} (got ${shown(text)})`);
    return choice.value;
  }
  if (spec.maxLength !== undefined && text.length > spec.maxLength)
    throw new LineError(`${name} takes at most ${spec.maxLength} characters (got ${text.length})`);
  if (spec.minLength !== undefined && text.length < spec.minLength)
    throw new LineError(`${name} takes at least ${spec.minLength} characters (got ${text.length})`);
  return text;
}

function numberValue(name: string, spec: Extract<OptionSpec, { type: 'integer' | 'number' }>, text: string): number {
  const whole = spec.type === 'integer';
  const n = Number(text);
  if (!(whole ? INTEGER : DECIMAL).test(text) || !Number.isFinite(n) || (whole && !Number.isSafeInteger(n)))
    throw new LineError(`${name} must be ${whole ? 'a whole number' : 'a number'} (got ${shown(text)})`);
  if (spec.choices?.length) {
    const choice = spec.choices.find((c) => c.value === n);
    if (!choice) throw new LineError(`${name} must be one of: ${choiceList(spec.choices)} (got ${text})`);
    return choice.value;
  }
  if (spec.min !== undefined && n < spec.min) throw new LineError(`${name} must be at least ${spec.min} (got ${text})`);
  if (spec.max !== undefined && n > spec.max) throw new LineError(`${name} must be at most ${spec.max} (got ${text})`);
  return n;
}

/** A local file stands in for an uploaded attachment. */
function localAttachment(name: string, file: string): AttachmentInput {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) throw new LineError(`${name}: no such file: ${file}`);
  return { name: path.basename(file), size: stat.size, contentType: null, fetch: async () => fs.readFileSync(file) };
}
