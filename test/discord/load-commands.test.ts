import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CommandLoadError, loadCommands } from '../../src/load-commands.ts';
import { tempDir } from '../helpers.ts';

const good = (name: string) => `
export const data = { name: '${name}', toJSON: () => ({ name: '${name}', description: 'd' }) };
export async function handle() { return { title: 'ok', sections: [], citations: [] }; }
`;

function folder(files: Record<string, string>): string {
  const dir = tempDir('parley-commands-');
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('loadCommands', () => {
  it('loads every command file by name, skipping non-command files', async () => {
    const dir = folder({ 'a.ts': good('alpha'), 'b.ts': good('beta'), 'notes.md': '#', 'types.d.ts': 'export {};' });
    const commands = await loadCommands(dir);
    expect([...commands.keys()]).toEqual(['alpha', 'beta']);
    expect(typeof commands.get('alpha')!.handle).toBe('function');
  });

  it('stops with an error naming the file and what is wrong', async () => {
    const dir = folder({
      'a.ts': good('alpha'),
      'broken.ts': `export const data = { name: 'Bad Name', toJSON: () => ({}) };\nexport const slow = 'yes';`,
    });
    const error = await loadCommands(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandLoadError);
    const { message, file } = error as CommandLoadError;
    expect(file).toBe(path.join(dir, 'broken.ts'));
    expect(message).toContain('broken.ts');
    expect(message).toMatch(/data\.name: /);
    expect(message).toContain('handle: missing');
    expect(message).toMatch(/slow: /);
  });

  it('names a file that cannot even be imported', async () => {
    const dir = folder({ 'syntax.ts': 'export const = ;' });
    await expect(loadCommands(dir)).rejects.toThrow(/syntax\.ts: could not be imported/);
  });

  it('refuses two files with the same command name', async () => {
    const dir = folder({ 'a.ts': good('same'), 'b.ts': good('same') });
    await expect(loadCommands(dir)).rejects.toThrow(/b\.ts: the command name "same" is already used by a\.ts/);
  });
});
