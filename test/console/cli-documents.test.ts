import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers.ts';

const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

describe('cli ingest with no path', () => {
  it('says so when the documents folder does not exist, instead of ingesting nothing in silence', () => {
    const dir = tempDir();
    const env = {
      ...process.env,
      DISCORD_TOKEN: '',
      LOG_LEVEL: 'warn',
      PARLEY_DB: path.join(dir, 'cli.db'),
      PARLEY_DOCUMENTS: path.join(dir, 'missing'),
    };
    const run = spawnSync(TSX, ['src/cli.ts', 'ingest'], { cwd: ROOT, env, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/documents folder .*missing \(PARLEY_DOCUMENTS\) does not exist/);
  });
});
