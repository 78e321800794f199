/**
 * A command's options, declared once with no platform in sight: src/discord/command-json.ts turns a declaration
 * into what Discord registers, src/console/parse-line.ts reads `name:value` text against it, and OptionValues
 * gives the handler the type of what it receives.
 */
import type { AttachmentInput, Choice, CommandContext } from '../command.ts';

/** Suggestions while an option is being typed (Discord's autocomplete): at most 25 are shown. */
export type Suggest = (ctx: CommandContext, typed: string) => Promise<Choice[]> | Choice[];

export interface OptionChoice<V extends string | number> {
  name: string;
  value: V;
}

interface Common {
  /** 1–100 characters; Discord shows it under the option's name. */
  description: string;
  required?: boolean;
}

export interface StringParams extends Common {
  minLength?: number;
  maxLength?: number;
  /** The only values accepted; a handler's option type is then the union of their values. */
  choices?: readonly OptionChoice<string>[];
  autocomplete?: Suggest;
}

export interface NumericParams extends Common {
  min?: number;
  max?: number;
  choices?: readonly OptionChoice<number>[];
}

/** Neutral names for the channel kinds an option accepts (any kind when none are listed). */
export const CHANNEL_KINDS = ['text', 'voice', 'category', 'announcement', 'forum'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export interface ChannelParams extends Common {
  kinds?: readonly ChannelKind[];
}

export type StringOption = { type: 'string' } & StringParams;
export type IntegerOption = { type: 'integer' } & NumericParams;
export type NumberOption = { type: 'number' } & NumericParams;
export type BooleanOption = { type: 'boolean' } & Common;
/** A channel; its value is the channel's id (the console takes any name). */
export type ChannelOption = { type: 'channel' } & ChannelParams;
/** A member; its value is the user's id. */
export type UserOption = { type: 'user' } & Common;
export type AttachmentOption = { type: 'attachment' } & Common;

export type OptionSpec =
  StringOption | IntegerOption | NumberOption | BooleanOption | ChannelOption | UserOption | AttachmentOption;

/** Option name → declaration, in the order Discord lists them; the first also takes text typed before any name. */
export type OptionsSpec = Readonly<Record<string, OptionSpec>>;

export const string = <const P extends StringParams>(params: P) => ({ type: 'string' as const, ...params });
/** A whole number; `min` and `max` are inclusive. */
export const integer = <const P extends NumericParams>(params: P) => ({ type: 'integer' as const, ...params });
export const number = <const P extends NumericParams>(params: P) => ({ type: 'number' as const, ...params });
export const boolean = <const P extends Common>(params: P) => ({ type: 'boolean' as const, ...params });
export const channel = <const P extends ChannelParams>(params: P) => ({ type: 'channel' as const, ...params });
export const user = <const P extends Common>(params: P) => ({ type: 'user' as const, ...params });
export const attachment = <const P extends Common>(params: P) => ({ type: 'attachment' as const, ...params });

interface ValueByType {
  string: string;
  integer: number;
  number: number;
  boolean: boolean;
  channel: string;
  user: string;
  attachment: AttachmentInput;
}

/** What a handler receives for one option: one of its choices' values when it has choices. */
export type ValueOf<O extends OptionSpec> = O extends { choices: readonly { value: infer V }[] }
  ? V
  : ValueByType[O['type']];

type RequiredNames<S extends OptionsSpec> = {
  [K in keyof S]: S[K] extends { required: true } ? K : never;
}[keyof S];

type Simplify<T> = { [K in keyof T]: T[K] };

/** The record a handler receives: required options always present, the others possibly absent. */
export type OptionValues<S extends OptionsSpec> = Simplify<
  { [K in RequiredNames<S>]: ValueOf<S[K]> } & { [K in Exclude<keyof S, RequiredNames<S>>]?: ValueOf<S[K]> }
>;

/** Whether `value` is what this option carries (the check behind a handler's typed options): type and choices. */
export function holds(spec: OptionSpec, value: unknown): boolean {
  if ('choices' in spec && spec.choices?.length && !spec.choices.some((c) => c.value === value)) return false;
  switch (spec.type) {
    case 'string':
    case 'channel':
    case 'user':
      return typeof value === 'string';
    case 'integer':
      return Number.isSafeInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'attachment':
      return typeof value === 'object' && value !== null && typeof (value as AttachmentInput).fetch === 'function';
  }
}
