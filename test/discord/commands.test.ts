import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { loadCommands } from '../../src/load-commands.ts';

type Json = RESTPostAPIChatInputApplicationCommandsJSONBody;
type Option = NonNullable<Json['options']>[number] & { options?: Option[]; choices?: unknown[] };

const NAME = /^[-_\p{Ll}\p{N}]{1,32}$/u;

/** What Discord counts toward a command's 4000-character cap. */
function countedCharacters(node: {
  name: string;
  description?: string;
  options?: Option[];
  choices?: unknown[];
}): number {
  const choices = (node.choices ?? []) as { name: string; value: unknown }[];
  return (
    node.name.length +
    (node.description?.length ?? 0) +
    choices.reduce((n, c) => n + c.name.length + String(c.value).length, 0) +
    (node.options ?? []).reduce((n, o) => n + countedCharacters(o as Option), 0)
  );
}

function checkOptions(where: string, options: Option[] | undefined): void {
  expect(options?.length ?? 0, `${where}: at most 25 options`).toBeLessThanOrEqual(25);
  for (const o of options ?? []) {
    expect(o.name, `${where}: option name`).toMatch(NAME);
    expect(o.description.length, `${where} ${o.name}: description 1–100`).toBeGreaterThanOrEqual(1);
    expect(o.description.length, `${where} ${o.name}: description 1–100`).toBeLessThanOrEqual(100);
    expect(o.choices?.length ?? 0, `${where} ${o.name}: at most 25 choices`).toBeLessThanOrEqual(25);
    if (o.type === ApplicationCommandOptionType.Subcommand || o.type === ApplicationCommandOptionType.SubcommandGroup) {
      checkOptions(`${where} ${o.name}`, o.options);
    }
  }
}

describe('the real commands/ folder', async () => {
  const commands = await loadCommands();

  it('loads at least one command', () => {
    expect(commands.size).toBeGreaterThan(0);
  });

  for (const [name, command] of commands) {
    it(`/${name} builds JSON Discord accepts`, () => {
      const json = command.data.toJSON() as Json;
      expect(json.name).toBe(name);
      expect(json.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
      expect(json.description.length).toBeGreaterThanOrEqual(1);
      expect(json.description.length).toBeLessThanOrEqual(100);
      checkOptions(`/${name}`, json.options as Option[] | undefined);
      expect(typeof command.handle).toBe('function');
    });
  }

  it('has at most 100 commands, each within 4000 characters of names, descriptions and choices', () => {
    expect(commands.size).toBeLessThanOrEqual(100);
    for (const command of commands.values())
      expect(countedCharacters(command.data.toJSON() as Json)).toBeLessThanOrEqual(4000);
  });
});
