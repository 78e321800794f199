// The house rules in eslint.config.js, proved on planted code: each boundary and size rule fires on a violation
// and stays quiet on the legal neighbour. The code is linted as if it lived at a path in the project, so the real
// config applies; only the type-aware rules are switched off, since the planted files exist on no disk or tsconfig.
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';
// the core as the config itself lists it, so a room added there is tested here too
import { CORE } from '../../eslint.config.js';

const root = path.resolve(import.meta.dirname, '../..');
const TRANSPORTS = ['discord.js', '../../commands/x.ts', '../discord/x.ts', '../console/x.ts'];

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({
    cwd: root,
    overrideConfig: { files: ['**/*.ts'], ...(tseslint.configs.disableTypeChecked as Linter.Config) },
  });
});

/** The messages ESLint gives `code` placed at `file` (relative to the project root). */
async function lint(file: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages;
}
const importing = (from: string) => `import { x } from '${from}';\nexport const y = x;\n`;
const rules = (messages: Linter.LintMessage[]) => messages.map((m) => m.ruleId);

/** A function `lines` lines long, its signature and closing brace included. */
function functionOf(lines: number): string {
  const body = Array.from({ length: lines - 3 }, (_, i) => `  x += ${i};`);
  return ['export function long(): number {', '  let x = 0;', ...body.slice(1), '  return x;', '}', ''].join('\n');
}
/** An exported string constant whose line is `length` characters long. */
function lineOf(length: number): string {
  const start = "export const s = '";
  const end = "';";
  return `${start}${'a'.repeat(length - start.length - end.length)}${end}\n`;
}

describe('core boundaries', () => {
  const cases = CORE.flatMap((dir) => TRANSPORTS.map((from) => [dir, from]));

  it.each(cases)('%s may not import %s', async (dir, from) => {
    expect(rules(await lint(`${dir}/probe.ts`, importing(from)))).toEqual(['no-restricted-imports']);
  });

  it.each(CORE)('%s may import another core room', async (dir) => {
    expect(await lint(`${dir}/probe.ts`, importing('../text/x.ts'))).toEqual([]);
  });

  it('a transport may import discord.js and the core', async () => {
    expect(await lint('src/discord/probe.ts', importing('discord.js'))).toEqual([]);
    expect(await lint('src/discord/probe.ts', importing('../store/x.ts'))).toEqual([]);
  });

  it('the store may not import ingest; ingest may import the store', async () => {
    const found = await lint('src/store/probe.ts', importing('../ingest/x.ts'));
    expect(rules(found)).toEqual(['no-restricted-imports']);
    expect(found[0].message).toMatch(/never imports src\/ingest/);
    expect(await lint('src/ingest/probe.ts', importing('../store/x.ts'))).toEqual([]);
  });

  it('the store keeps the transport rules next to its own', async () => {
    expect(rules(await lint('src/store/probe.ts', importing('discord.js')))).toEqual(['no-restricted-imports']);
  });

  it('digest may not import the Discord presenter, but may import the text one', async () => {
    // The path is also under a discord/ folder, so the transport rule fires beside the digest's own.
    const found = await lint('src/digest/probe.ts', importing('../present/discord/embed.ts'));
    expect(new Set(rules(found))).toEqual(new Set(['no-restricted-imports']));
    expect(found.map((m) => m.message)).toContainEqual(expect.stringContaining('a transport delivers them'));
    expect(await lint('src/digest/probe.ts', importing('../present/text.ts'))).toEqual([]);
  });
});

describe('size limits', () => {
  it('a function of 81 lines is too long; one of 80 is not', async () => {
    expect(functionOf(81).split('\n')).toHaveLength(82);
    expect(rules(await lint('src/present/probe.ts', functionOf(81)))).toEqual(['max-lines-per-function']);
    expect(await lint('src/present/probe.ts', functionOf(80))).toEqual([]);
  });

  it('blank lines and comments do not count toward a function', async () => {
    const padded = functionOf(80).replace('  let x = 0;', '  let x = 0;\n\n  // a comment\n');
    expect(await lint('src/present/probe.ts', padded)).toEqual([]);
  });

  it('tests are limited by the file, not the function', async () => {
    expect(await lint('test/probe.test.ts', functionOf(200))).toEqual([]);
  });

  it('a line of 121 characters is too long; one of 120 is not', async () => {
    expect(lineOf(121)).toHaveLength(122);
    expect(rules(await lint('src/present/probe.ts', lineOf(121)))).toEqual(['@stylistic/max-len']);
    expect(await lint('src/present/probe.ts', lineOf(120))).toEqual([]);
    expect(rules(await lint('test/probe.test.ts', lineOf(121)))).toEqual(['@stylistic/max-len']);
  });
});
