import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractionSchema } from '../../src/extract/contract.ts';
import { ROOT, SEED, tempDir, writeDoc } from '../helpers.ts';

const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(TSX, ['src/cli.ts', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('cli', () => {
  it('extract --json prints only JSON that the contract schema accepts', () => {
    const r = cli(['extract', SEED, '--json']);
    expect(r.code).toBe(0);
    const parsed = extractionSchema.parse(JSON.parse(r.out));
    expect(parsed.document.id).toBe('000_f508cbc51fa2a6d2');
    expect(parsed.people.length).toBeGreaterThan(0);
  });

  it('ingest then stats shows the document and its sentences; a bad file makes the exit code non-zero', () => {
    const dir = tempDir();
    const env = { PARLEY_DB: path.join(dir, 'cli.db') };
    const docs = path.join(dir, 'docs');
    fs.mkdirSync(docs);
    writeDoc(docs, 'good.txt', 'Minister Jan Novak spoke in Prague on Monday.');
    writeDoc(docs, 'bad.txt', '');
    const ing = cli(['ingest', docs, SEED], env);
    expect(ing.code).toBe(1);
    expect(ing.out).toMatch(/failed\s+.*bad\.txt: the file is empty/);
    expect(ing.out).toMatch(/new\s+.*good\.txt/);
    const stats = cli(['stats'], env);
    expect(stats.code).toBe(0);
    expect(stats.out).toMatch(/documents\s+2/);
    expect(stats.out).toMatch(/Geneva peace talks go on — \d+ sentences/);
  });

  it('a bad setting stops with a message naming it', () => {
    const r = cli(['stats'], { LOG_LEVEL: 'chatty' });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/LOG_LEVEL/);
  });

  it('an unknown command prints usage', () => {
    const r = cli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/usage/);
  });
});
