/**
 * `npm start` with PARLEY_SHARDS=2, against the fake Discord serving two shards: the real bot process becomes a
 * discord.js ShardingManager, ingests the documents folder once, and spawns two real shard processes sharing one
 * SQLite file. Each shard identifies as its own [i, 2], gets only its own guild, and answers that guild's commands;
 * SIGTERM to the manager stops both shards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { GatewayDispatchEvents, GatewayOpcodes } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployCommands } from '../../src/discord/deploy-commands.ts';
import { loadCommands } from '../../src/load-commands.ts';
import { ROOT, tempDir } from '../helpers.ts';
import { expectCleanReply } from './expect-reply.ts';
import { startFakeDiscord, type FakeDiscord } from './fake-discord/index.ts';
import { DOCUMENTS, sleep, type LogRecord } from './harness.ts';

let fake: FakeDiscord;
let second: { guildId: string; channelId: string };
let dir: string;
let manager: ChildProcess;
let exited: Promise<number | null>;
let stderr = '';
const logs: LogRecord[] = [];

const logged = (msg: string) => logs.filter((r) => r.msg === msg);
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(what: string, done: () => boolean, ms: number): Promise<void> {
  for (const end = Date.now() + ms; !done(); await sleep(50))
    if (Date.now() > end) throw new Error(`${what} within ${ms} ms; the bot said:\n${stderr.slice(-4000)}`);
}

/** The environment of the test run without its own Discord or parley settings. */
function botEnv(db: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(DISCORD_|PARLEY_|SHARD|LOG_LEVEL)/.test(k)),
  );
  return {
    ...env,
    DISCORD_TOKEN: fake.token,
    PARLEY_SHARDS: '2',
    PARLEY_DISCORD_API: fake.api,
    PARLEY_DB: db,
    PARLEY_DOCUMENTS: DOCUMENTS,
    LOG_LEVEL: 'debug',
  };
}

beforeAll(async () => {
  fake = await startFakeDiscord({ shards: 2 });
  second = fake.addGuild('Second desk', { shard: 1 });
  const commands = await loadCommands();
  for (const guildId of [fake.guild.id, second.guildId])
    await deployCommands({ token: fake.token, clientId: fake.applicationId, guildId, commands, api: fake.api });
  dir = tempDir();
  manager = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: botEnv(path.join(dir, 'parley.db')),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  exited = new Promise((resolve) => manager.once('exit', (code) => resolve(code)));
  let partial = '';
  manager.stderr!.on('data', (chunk: Buffer) => {
    stderr += String(chunk);
    const lines = (partial + String(chunk)).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) if (line.startsWith('{')) logs.push(JSON.parse(line) as LogRecord);
  });
  await until('all shards ready', () => logged('all shards ready').length === 1, 50_000);
}, 60_000);

afterAll(async () => {
  if (manager && manager.exitCode === null) manager.kill('SIGKILL');
  for (const r of logged('shard spawned'))
    if (alive(r.childPid as number)) process.kill(r.childPid as number, 'SIGKILL');
  await fake?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('two shards, two processes', () => {
  it('the manager ingests the documents once and spawns two shard processes', () => {
    expect(logged('documents folder ingested')).toHaveLength(1);
    expect(logged('documents folder ingested')[0].shard).toBeUndefined();
    const spawned = logged('shard spawned');
    expect(spawned.map((r) => r.shard)).toEqual([0, 1]);
    const pids = spawned.map((r) => r.childPid as number);
    expect(new Set([...pids, manager.pid]).size).toBe(3);
    expect(pids.every(alive)).toBe(true);
    expect(logged('connected to Discord').map((r) => r.shard)).toEqual([0, 1]);
  });

  it('identifies once per shard, [0, 2] and [1, 2], and each shard gets only its own guild', () => {
    const identifies = fake.received(GatewayOpcodes.Identify);
    expect(identifies.map((f) => (f.d as { shard: number[] }).shard)).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(new Set(identifies.map((f) => f.connection)).size).toBe(2);
    const guildsOn = (connection: number) =>
      fake.frames
        .filter((f) => f.dir === 'out' && f.connection === connection && f.t === GatewayDispatchEvents.GuildCreate)
        .map((f) => (f.d as { id: string }).id);
    expect(guildsOn(identifies[0].connection)).toEqual([fake.guild.id]);
    expect(guildsOn(identifies[1].connection)).toEqual([second.guildId]);
    expect(fake.violations).toEqual([]);
  });

  it('answers a command in each guild from the shard that owns it, pinging no one', async () => {
    const identifies = fake.received(GatewayOpcodes.Identify);
    const shardOfConnection = new Map(identifies.map((f) => [f.connection, (f.d as { shard: number[] }).shard[0]]));
    const cases = [
      { shard: 0, invoke: {} },
      { shard: 1, invoke: { guildId: second.guildId, channelId: second.channelId } },
    ];
    for (const { shard, invoke } of cases) {
      const answered = logged('command answered').length;
      const reply = await fake.sendCommand('who', { name: 'rubio' }, invoke);
      expectCleanReply(reply);
      expect(reply.body.allowed_mentions).toEqual({ parse: [] });
      expect(reply.embeds[0].title).toBe('Marco Rubio');
      const sentOn = fake.frames.filter(
        (f) => f.t === GatewayDispatchEvents.InteractionCreate && (f.d as { id: string }).id === reply.interactionId,
      );
      expect(sentOn.map((f) => shardOfConnection.get(f.connection))).toEqual([shard]);
      await until('the command logged', () => logged('command answered').length > answered, 5000);
      expect(
        logged('command answered')
          .slice(answered)
          .map((r) => r.shard),
      ).toEqual([shard]);
    }
    expect(fake.violations).toEqual([]);
  });

  it('respawns a shard process that dies; the new one identifies as the same shard and answers', async () => {
    const [, dead] = logged('shard spawned').map((r) => r.childPid as number);
    process.kill(dead, 'SIGKILL');
    await until('shard 1 spawned again', () => logged('shard spawned').length === 3, 15_000);
    await until('shard 1 ready again', () => logged('shard ready').length === 3, 20_000);
    expect(logged('shard died; respawning')).toEqual([
      expect.objectContaining({ shard: 1, childPid: dead, signal: 'SIGKILL' }),
    ]);
    expect(fake.received(GatewayOpcodes.Identify).map((f) => (f.d as { shard: number[] }).shard)).toEqual([
      [0, 2],
      [1, 2],
      [1, 2],
    ]);
    const reply = await fake.sendCommand('who', { name: 'rubio' }, { guildId: second.guildId });
    expectCleanReply(reply);
    expect(fake.violations).toEqual([]);
  });

  it('SIGTERM to the manager stops both shards, and nothing logged the token or went wrong', async () => {
    const pids = logged('shard spawned').map((r) => r.childPid as number);
    manager.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(pids.some(alive)).toBe(false);
    expect(
      logged('shard stopped')
        .map((r) => r.shard)
        .sort(),
    ).toEqual([0, 1]);
    expect(logs.filter((r) => r.level >= 40 && r.msg !== 'shard died; respawning')).toEqual([]);
    expect(stderr).not.toContain(fake.token);
    expect(fake.violations).toEqual([]);
  });
});
