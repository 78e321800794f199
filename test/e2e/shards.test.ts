/**
 * `npm start` with PARLEY_SHARDS set, against the fake Discord serving two shards: the real bot process becomes a
 * discord.js ShardingManager, ingests the documents folder once, and spawns two real shard processes sharing one
 * SQLite file. Each shard identifies as its own [i, 2], gets only its own guild, and answers that guild's commands;
 * a shard that dies is respawned; SIGTERM to the manager stops both shards, and shards whose manager was killed
 * stop by themselves.
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

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The bot as `npm run dev` runs it (src/main.ts under tsx), its JSON log lines collected from stderr. */
class Manager {
  readonly proc: ChildProcess;
  readonly exited: Promise<number | null>;
  readonly logs: LogRecord[] = [];
  stderr = '';
  private readonly dir = tempDir();

  constructor(fake: FakeDiscord, shards: string) {
    const own = Object.entries(process.env).filter(([k]) => !/^(DISCORD_|PARLEY_|SHARD|LOG_LEVEL)/.test(k));
    const env = {
      ...Object.fromEntries(own),
      DISCORD_TOKEN: fake.token,
      PARLEY_SHARDS: shards,
      PARLEY_DISCORD_API: fake.api,
      PARLEY_DB: path.join(this.dir, 'parley.db'),
      PARLEY_DOCUMENTS: DOCUMENTS,
      LOG_LEVEL: 'debug',
    };
    this.proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    this.exited = new Promise((resolve) => this.proc.once('exit', (code) => resolve(code)));
    let partial = '';
    this.proc.stderr!.on('data', (chunk: Buffer) => {
      this.stderr += String(chunk);
      const lines = (partial + String(chunk)).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('{')) this.logs.push(JSON.parse(line) as LogRecord);
    });
  }

  logged(msg: string): LogRecord[] {
    return this.logs.filter((r) => r.msg === msg);
  }

  shardPids(): number[] {
    return this.logged('shard spawned').map((r) => r.childPid as number);
  }

  async until(what: string, done: () => boolean, ms: number): Promise<void> {
    for (const end = Date.now() + ms; !done(); await sleep(50))
      if (Date.now() > end) throw new Error(`${what} within ${ms} ms; the bot said:\n${this.stderr.slice(-4000)}`);
  }

  /** Kills whatever of it is still running (only the processes this test started). */
  cleanUp(): void {
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill('SIGKILL');
    for (const pid of this.shardPids()) if (alive(pid)) process.kill(pid, 'SIGKILL');
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

describe('two shards, two processes', () => {
  let fake: FakeDiscord;
  let second: { guildId: string; channelId: string };
  let bot: Manager;
  const logged = (msg: string) => bot.logged(msg);

  beforeAll(async () => {
    fake = await startFakeDiscord({ shards: 2 });
    second = fake.addGuild('Second desk', { shard: 1 });
    const commands = await loadCommands();
    for (const guildId of [fake.guild.id, second.guildId])
      await deployCommands({ token: fake.token, clientId: fake.applicationId, guildId, commands, api: fake.api });
    bot = new Manager(fake, '2');
    await bot.until('all shards ready', () => logged('all shards ready').length === 1, 50_000);
  }, 60_000);

  afterAll(async () => {
    bot?.cleanUp();
    await fake?.close();
  });

  it('the manager ingests the documents once and spawns two shard processes', () => {
    expect(logged('documents folder ingested')).toHaveLength(1);
    expect(logged('documents folder ingested')[0].shard).toBeUndefined();
    const spawned = logged('shard spawned');
    expect(spawned.map((r) => r.shard)).toEqual([0, 1]);
    const pids = spawned.map((r) => r.childPid as number);
    expect(new Set([...pids, bot.proc.pid]).size).toBe(3);
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
      await bot.until('the command logged', () => logged('command answered').length > answered, 5000);
      expect(
        logged('command answered')
          .slice(answered)
          .map((r) => r.shard),
      ).toEqual([shard]);
    }
    expect(fake.violations).toEqual([]);
  });

  it('respawns a shard process that dies; the new one identifies as the same shard and answers', async () => {
    const [, dead] = bot.shardPids();
    process.kill(dead, 'SIGKILL');
    await bot.until('shard 1 spawned again', () => logged('shard spawned').length === 3, 15_000);
    await bot.until('shard 1 ready again', () => logged('shard ready').length === 3, 20_000);
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
    const pids = bot.shardPids();
    bot.proc.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(pids.some(alive)).toBe(false);
    expect(
      logged('shard stopped')
        .map((r) => r.shard)
        .sort(),
    ).toEqual([0, 1]);
    expect(bot.logs.filter((r) => r.level >= 40 && r.msg !== 'shard died; respawning')).toEqual([]);
    expect(bot.stderr).not.toContain(fake.token);
    expect(fake.violations).toEqual([]);
  });
});

describe('PARLEY_SHARDS=auto, and a manager that dies', () => {
  let fake: FakeDiscord;
  let bot: Manager;

  beforeAll(async () => {
    fake = await startFakeDiscord({ shards: 2 });
    fake.addGuild('Second desk', { shard: 1 });
    bot = new Manager(fake, 'auto');
    await bot.until('all shards ready', () => bot.logged('all shards ready').length === 1, 50_000);
  }, 60_000);

  afterAll(async () => {
    bot?.cleanUp();
    await fake?.close();
  });

  it('starts as many shards as GET /gateway/bot (at PARLEY_DISCORD_API) recommends', () => {
    expect(bot.logged('starting shards')).toEqual([expect.objectContaining({ shards: 2, auto: true })]);
    expect(fake.requestsTo('GET', '/gateway/bot').length).toBeGreaterThanOrEqual(1);
    expect(fake.received(GatewayOpcodes.Identify).map((f) => (f.d as { shard: number[] }).shard)).toEqual([
      [0, 2],
      [1, 2],
    ]);
  });

  it('shards stop by themselves when their manager is killed', async () => {
    const pids = bot.shardPids();
    expect(pids.every(alive)).toBe(true);
    bot.proc.kill('SIGKILL');
    await bot.exited;
    await bot.until('both shards gone', () => !pids.some(alive), 10_000);
    expect(bot.logged('shutting down').map((r) => [r.shard, r.signal])).toEqual(
      expect.arrayContaining([
        [0, 'manager gone'],
        [1, 'manager gone'],
      ]),
    );
    expect(bot.stderr).not.toContain(fake.token);
    expect(fake.violations).toEqual([]);
  });
});
