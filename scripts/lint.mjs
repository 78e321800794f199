// npm run lint [-- --fix]: eslint, then prettier — checking, or with --fix mending what each can.
import { spawnSync } from 'node:child_process';
import console from 'node:console';
import process from 'node:process';

const fix = process.argv.includes('--fix');
const run = (bin, args) => spawnSync(bin, args, { stdio: 'inherit' }).status ?? 1;
const eslint = run('npx', ['--no-install', 'eslint', '.', ...(fix ? ['--fix'] : [])]);
const prettier = run('npx', ['--no-install', 'prettier', fix ? '--write' : '--check', '--log-level', 'warn', '.']);
if (eslint || prettier) {
  console.error(`lint failed: ${[eslint && 'eslint', prettier && 'prettier'].filter(Boolean).join(' and ')}`);
  process.exit(1);
}
