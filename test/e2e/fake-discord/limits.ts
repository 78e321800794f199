/**
 * Discord's documented limits, checked on what the bot sends. Each function returns the problems found
 * (empty when the payload is one Discord would accept and that follows parley's own rules).
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type APIApplicationCommandOption,
  type APIEmbed,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord-api-types/v10';

export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTotal: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  commandName: 32,
  commandDescription: 100,
  options: 25,
  commandTotal: 4000,
} as const;

export interface Problem {
  /** `rejected`: Discord itself would answer 400; `policy`: Discord accepts it, parley's rules forbid it. */
  severity: 'rejected' | 'policy';
  detail: string;
}

const len = (s: unknown) => (typeof s === 'string' ? s.length : 0);

function embedProblems(embed: APIEmbed, i: number): { problems: Problem[]; total: number } {
  const problems: Problem[] = [];
  const bad = (detail: string) => problems.push({ severity: 'rejected', detail: `embeds[${i}]: ${detail}` });
  if (len(embed.title) > LIMITS.title) bad(`title is ${len(embed.title)} chars (max ${LIMITS.title})`);
  if (len(embed.description) > LIMITS.description)
    bad(`description is ${len(embed.description)} chars (max ${LIMITS.description})`);
  if (len(embed.footer?.text) > LIMITS.footer) bad(`footer is ${len(embed.footer?.text)} chars (max ${LIMITS.footer})`);
  if (len(embed.author?.name) > LIMITS.author) bad(`author is ${len(embed.author?.name)} chars (max ${LIMITS.author})`);
  const fields = embed.fields ?? [];
  if (fields.length > LIMITS.fields) bad(`${fields.length} fields (max ${LIMITS.fields})`);
  fields.forEach((f, j) => {
    if (!len(f.name) || len(f.name) > LIMITS.fieldName)
      bad(`fields[${j}].name is ${len(f.name)} chars (1–${LIMITS.fieldName})`);
    if (!len(f.value) || len(f.value) > LIMITS.fieldValue)
      bad(`fields[${j}].value is ${len(f.value)} chars (1–${LIMITS.fieldValue})`);
  });
  if (embed.color !== undefined && (!Number.isInteger(embed.color) || embed.color < 0 || embed.color > 0xffffff))
    bad(`color ${embed.color} is not a 24-bit integer`);
  const total =
    len(embed.title) +
    len(embed.description) +
    len(embed.footer?.text) +
    len(embed.author?.name) +
    fields.reduce((n, f) => n + len(f.name) + len(f.value), 0);
  if (!embed.title && !embed.description && !fields.length && !embed.image && !embed.thumbnail) bad('empty embed');
  return { problems, total };
}

export interface MessageBody {
  content?: string;
  embeds?: APIEmbed[];
  allowed_mentions?: { parse?: string[]; users?: string[]; roles?: string[]; replied_user?: boolean };
  flags?: number;
  components?: unknown[];
  attachments?: unknown[];
  sticker_ids?: string[];
  poll?: unknown;
  nonce?: string | number;
  enforce_nonce?: boolean;
}

/**
 * A message the bot creates or edits. `create` also requires it to say something; parley posts every message
 * with `allowed_mentions: { parse: [] }`, so echoed user text can never ping anyone.
 */
export function messageProblems(body: MessageBody, mode: 'create' | 'edit'): Problem[] {
  const problems: Problem[] = [];
  if (typeof body !== 'object' || body === null)
    return [{ severity: 'rejected', detail: 'the body is not a JSON object' }];
  if (body.content !== undefined && body.content !== null && len(body.content) > LIMITS.content) {
    problems.push({ severity: 'rejected', detail: `content is ${len(body.content)} chars (max ${LIMITS.content})` });
  }
  const embeds = body.embeds ?? [];
  if (!Array.isArray(embeds)) problems.push({ severity: 'rejected', detail: 'embeds is not an array' });
  else {
    if (embeds.length > LIMITS.embeds)
      problems.push({ severity: 'rejected', detail: `${embeds.length} embeds (max ${LIMITS.embeds})` });
    let total = 0;
    embeds.forEach((e, i) => {
      const r = embedProblems(e, i);
      problems.push(...r.problems);
      total += r.total;
    });
    if (total > LIMITS.embedTotal)
      problems.push({ severity: 'rejected', detail: `embeds hold ${total} chars together (max ${LIMITS.embedTotal})` });
  }
  if (mode === 'create') {
    const says =
      len(body.content) > 0 ||
      embeds.length > 0 ||
      (body.components?.length ?? 0) > 0 ||
      (body.attachments?.length ?? 0) > 0 ||
      (body.sticker_ids?.length ?? 0) > 0 ||
      body.poll;
    if (!says) problems.push({ severity: 'rejected', detail: 'Cannot send an empty message' });
  }
  const am = body.allowed_mentions;
  if (!am)
    problems.push({ severity: 'policy', detail: 'allowed_mentions is missing (every post must carry { parse: [] })' });
  else {
    if (!Array.isArray(am.parse) || am.parse.length)
      problems.push({ severity: 'policy', detail: `allowed_mentions.parse is ${JSON.stringify(am.parse)}, not []` });
    if (am.users?.length || am.roles?.length)
      problems.push({ severity: 'policy', detail: 'allowed_mentions lists users or roles to ping' });
    if (am.replied_user) problems.push({ severity: 'policy', detail: 'allowed_mentions.replied_user is true' });
  }
  return problems;
}

export function choiceProblems(choices: unknown): Problem[] {
  if (!Array.isArray(choices)) return [{ severity: 'rejected', detail: 'choices is not an array' }];
  const problems: Problem[] = [];
  if (choices.length > LIMITS.choices)
    problems.push({ severity: 'rejected', detail: `${choices.length} choices (max ${LIMITS.choices})` });
  choices.forEach((c: { name?: unknown; value?: unknown }, i) => {
    if (!len(c?.name) || len(c.name) > LIMITS.choiceName)
      problems.push({
        severity: 'rejected',
        detail: `choices[${i}].name is ${len(c?.name)} chars (1–${LIMITS.choiceName})`,
      });
    if (typeof c?.value === 'string' ? len(c.value) > LIMITS.choiceValue : typeof c?.value !== 'number') {
      problems.push({
        severity: 'rejected',
        detail:
          `choices[${i}].value ${JSON.stringify(c?.value)} is not a string of ≤ ${LIMITS.choiceValue} chars ` +
          `or a number`,
      });
    }
  });
  return problems;
}

/** Discord's rule for chat input command and option names (lowercase where the script has case). */
const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const validName = (name: unknown) => typeof name === 'string' && NAME.test(name) && name === name.toLowerCase();

function optionProblems(
  options: APIApplicationCommandOption[] | undefined,
  where: string,
  depth: number,
): { problems: Problem[]; chars: number } {
  const problems: Problem[] = [];
  const bad = (detail: string) => problems.push({ severity: 'rejected', detail: `${where}: ${detail}` });
  let chars = 0;
  if (!options) return { problems, chars };
  if (options.length > LIMITS.options) bad(`${options.length} options (max ${LIMITS.options})`);
  const names = new Set<string>();
  let optionalSeen = false;
  const subs = options.filter(
    (o) =>
      o.type === ApplicationCommandOptionType.Subcommand || o.type === ApplicationCommandOptionType.SubcommandGroup,
  );
  if (subs.length && subs.length !== options.length) bad('subcommands mixed with plain options');
  for (const o of options) {
    const at = `${where}.${o.name}`;
    if (!validName(o.name)) bad(`option name ${JSON.stringify(o.name)} is not 1–32 lowercase characters`);
    if (names.has(o.name)) bad(`option name ${o.name} is repeated`);
    names.add(o.name);
    if (!len(o.description) || len(o.description) > LIMITS.commandDescription)
      bad(`${o.name}: description is ${len(o.description)} chars (1–${LIMITS.commandDescription})`);
    chars += len(o.name) + len(o.description);
    if (o.type === ApplicationCommandOptionType.Subcommand || o.type === ApplicationCommandOptionType.SubcommandGroup) {
      if (depth >= 2 || (o.type === ApplicationCommandOptionType.SubcommandGroup && depth >= 1))
        bad(`${o.name}: subcommands nested too deep`);
      const inner = optionProblems(o.options as APIApplicationCommandOption[] | undefined, at, depth + 1);
      problems.push(...inner.problems);
      chars += inner.chars;
      continue;
    }
    if (o.required) {
      if (optionalSeen) bad(`${o.name}: a required option after an optional one`);
    } else optionalSeen = true;
    const withChoices = o as {
      choices?: { name: string; value: string | number }[];
      autocomplete?: boolean;
      max_length?: number;
      min_length?: number;
    };
    if (withChoices.choices?.length && withChoices.autocomplete) bad(`${o.name}: choices and autocomplete together`);
    if (withChoices.choices) {
      for (const p of choiceProblems(withChoices.choices)) bad(`${o.name}: ${p.detail}`);
      chars += withChoices.choices.reduce((n, c) => n + len(c.name) + len(String(c.value)), 0);
    }
    if (withChoices.max_length !== undefined && (withChoices.max_length < 1 || withChoices.max_length > 6000))
      bad(`${o.name}: max_length ${withChoices.max_length} outside 1–6000`);
    if (withChoices.min_length !== undefined && (withChoices.min_length < 0 || withChoices.min_length > 6000))
      bad(`${o.name}: min_length ${withChoices.min_length} outside 0–6000`);
  }
  return { problems, chars };
}

/** A bulk overwrite of application commands (PUT /applications/:id[/guilds/:gid]/commands). */
export function commandProblems(body: unknown): Problem[] {
  if (!Array.isArray(body)) return [{ severity: 'rejected', detail: 'the body is not an array of commands' }];
  const problems: Problem[] = [];
  const names = new Set<string>();
  for (const command of body as RESTPostAPIApplicationCommandsJSONBody[]) {
    const where = `/${command.name}`;
    const bad = (detail: string) => problems.push({ severity: 'rejected', detail: `${where}: ${detail}` });
    const type = command.type ?? ApplicationCommandType.ChatInput;
    if (type === ApplicationCommandType.ChatInput) {
      if (!validName(command.name)) bad('name is not 1–32 lowercase characters');
      const description = (command as { description?: string }).description;
      if (!len(description) || len(description) > LIMITS.commandDescription)
        bad(`description is ${len(description)} chars (1–${LIMITS.commandDescription})`);
      const options = optionProblems((command as { options?: APIApplicationCommandOption[] }).options, where, 0);
      problems.push(...options.problems);
      const total = len(command.name) + len(description) + options.chars;
      if (total > LIMITS.commandTotal) bad(`${total} characters in all (max ${LIMITS.commandTotal})`);
    }
    if (names.has(`${type}:${command.name}`)) bad('the name is used twice');
    names.add(`${type}:${command.name}`);
    const perms = command.default_member_permissions;
    if (perms !== undefined && perms !== null && !/^\d+$/.test(perms))
      bad(`default_member_permissions ${JSON.stringify(perms)} is not a bitfield string`);
  }
  return problems;
}
