import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir, writeDoc } from '../helpers.ts';

const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

const HARBOUR = `---
title: Harbour dues talks in Nordvik
---
Harbour master Ingrid Solvik met trawler owners in Nordvik on Monday. "The dues will fall by a third," Solvik said.
`;

describe('cli --guild ID: acting as one server', () => {
  const env = { ...process.env, DISCORD_TOKEN: '', LOG_LEVEL: 'warn', PARLEY_DB: path.join(tempDir(), 'cli.db') };
  const cli = (...args: string[]) => spawnSync(TSX, ['src/cli.ts', ...args], { cwd: ROOT, env, encoding: 'utf8' });

  it('ingests into, answers from, counts and forgets in the server’s own corpus beside the shared one', () => {
    expect(cli('ingest').status).toBe(0);
    const dir = tempDir();
    writeDoc(dir, 'harbour.md', HARBOUR);
    const added = cli('ingest', '--guild', '42', dir);
    expect(added.status).toBe(0);
    expect(added.stdout).toMatch(/^new .*harbour\.md/m);

    const own = cli('stats', '--guild', '42');
    expect(own.stdout).toMatch(/^corpus of server 42$/m);
    expect(own.stdout).toMatch(/^documents\s+1$/m);
    expect(own.stdout).toContain('Harbour dues talks in Nordvik');
    expect(own.stdout).toMatch(/^it also reads 1 shared document$/m);
    const shared = cli('stats');
    expect(shared.stdout).toMatch(/^documents\s+1$/m);
    expect(shared.stdout).not.toContain('Harbour dues');

    expect(cli('run', '--guild', '42', '/who name:solvik').stdout).toMatch(/^Ingrid Solvik/);
    expect(cli('run', '--guild', '42', '/who name:rubio').stdout).toMatch(/^Marco Rubio/);
    expect(cli('run', '--guild', '43', '/who name:solvik').stdout).not.toContain('Ingrid Solvik');
    expect(cli('run', '/sources').stdout).not.toContain('Harbour dues');

    // a part of a name forgets nothing; the file name, exactly, does
    expect(cli('run', '--guild', '42', '/forget document:harbour').stdout).toMatch(/^No such document/);
    const forgot = cli('run', '--guild', '42', '/forget document:harbour.md');
    expect(forgot.stdout).toMatch(/^Forgot Harbour dues talks in Nordvik/);
    expect(cli('stats', '--guild', '42').stdout).toMatch(/^documents\s+0$/m);
    expect(cli('stats').stdout).toMatch(/^documents\s+1$/m);
    // Without --guild the CLI is the shared corpus's operator: it may forget a shared document, no server may.
    expect(cli('run', '--guild', '42', '/forget document:Zelenskyy').stdout).toMatch(/No such document/);
    const seedTitle = 'US and Ukraine weigh a Zelenskyy visit as Geneva peace talks go on';
    expect(cli('run', `/forget document:${seedTitle}`).stdout).toMatch(/^Forgot /);
    expect(cli('stats').stdout).toMatch(/^documents\s+0$/m);
  }, 120_000);

  it('refuses a --guild that is not a server id', () => {
    const r = cli('stats', '--guild', 'not-an-id');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--guild needs a server id/);
  });
});
