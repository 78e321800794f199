import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { REST, Routes, ShardingManager, type RESTGetAPIGatewayBotResult, type Shard } from 'discord.js';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';

export interface ShardIdentity {
  id: number;
  count: number;
}

/**
 * This process's shard when a ShardingManager spawned it: discord.js sets SHARDING_MANAGER, SHARDS (one id per
 * process) and SHARD_COUNT in the child, and its Client reads the last two from there.
 */
export function shardOfProcess(env: NodeJS.ProcessEnv = process.env): ShardIdentity | undefined {
  if (!env.SHARDING_MANAGER || !env.SHARDS || !env.SHARD_COUNT) return undefined;
  const id = Number(env.SHARDS);
  const count = Number(env.SHARD_COUNT);
  return Number.isInteger(id) && Number.isInteger(count) ? { id, count } : undefined;
}

export interface ShardsOptions {
  /** The script every shard runs: the entry this process started from (dist/src/main.js, or src/main.ts). */
  file: string;
  /** Node flags for the shards; by default this process's own (a manager under tsx spawns shards under tsx). */
  execArgv?: string[];
  /** Pause between spawning shards; discord.js waits 5.5 s, as Discord allows one IDENTIFY per 5 s. */
  spawnDelayMs?: number;
  /** How long a shard may take to log in, and to exit when stopped before it is killed. */
  readyTimeoutMs?: number;
  stopTimeoutMs?: number;
}

export interface RunningShards {
  manager: ShardingManager;
  stop(): Promise<void>;
}

/** ShardingManager's own 'auto' asks discord.com directly; this asks the configured REST base. */
export async function recommendedShardCount(token: string, api?: string): Promise<number> {
  const rest = new REST({ version: '10', ...(api ? { api } : {}) }).setToken(token);
  const { shards } = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  return shards;
}

function watch(shard: Shard, log: Logger, stopping: () => boolean): void {
  const at = { shard: shard.id };
  // mode 'process': the shard's child is a ChildProcess.
  shard.on('spawn', (child) => log.info({ ...at, childPid: (child as ChildProcess).pid }, 'shard spawned'));
  shard.on('ready', () => log.info(at, 'shard ready'));
  shard.on('disconnect', () => !stopping() && log.warn(at, 'shard disconnected from Discord'));
  shard.on('reconnecting', () => !stopping() && log.info(at, 'shard reconnecting'));
  shard.on('death', (process) => {
    const { pid, exitCode: code, signalCode: signal } = process as ChildProcess;
    if (!stopping()) log.warn({ ...at, childPid: pid, code, signal }, 'shard died; respawning');
  });
  shard.on('error', (err: Error) => !stopping() && log.error({ ...at, err }, 'shard error'));
}

async function stopShard(shard: Shard, timeoutMs: number, log: Logger): Promise<void> {
  const child = shard.process;
  if (!child) return;
  const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : once(child, 'exit');
  shard.kill();
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(timer);
  const how = { shard: shard.id, childPid: child.pid, code: child.exitCode, signal: child.signalCode };
  log.info(how, 'shard stopped');
}

/**
 * The manager of a sharded bot: spawns one process per shard, each the normal bot in Discord mode, respawns a
 * shard that dies, and stops them all on SIGINT / SIGTERM.
 */
export async function runShards(
  cfg: Pick<Config, 'DISCORD_TOKEN' | 'PARLEY_SHARDS' | 'PARLEY_DISCORD_API'>,
  log: Logger,
  options: ShardsOptions,
): Promise<RunningShards> {
  const token = cfg.DISCORD_TOKEN;
  if (!token || !cfg.PARLEY_SHARDS) throw new Error('runShards needs DISCORD_TOKEN and PARLEY_SHARDS');
  const { spawnDelayMs = 5500, readyTimeoutMs = 30_000, stopTimeoutMs = 10_000 } = options;
  const totalShards =
    cfg.PARLEY_SHARDS === 'auto' ? await recommendedShardCount(token, cfg.PARLEY_DISCORD_API) : cfg.PARLEY_SHARDS;
  const manager = new ShardingManager(options.file, {
    token,
    totalShards,
    respawn: true,
    mode: 'process',
    // Every shard would ask for the same debugger port.
    execArgv: options.execArgv ?? process.execArgv.filter((flag) => !flag.startsWith('--inspect')),
  });
  let stopping = false;
  manager.on('shardCreate', (shard) => watch(shard, log, () => stopping));
  const stop = async () => {
    stopping = true;
    manager.respawn = false;
    await Promise.all(manager.shards.map((shard) => stopShard(shard, stopTimeoutMs, log)));
  };
  const onSignal = (signal: string) => {
    log.info({ signal }, 'stopping the shards');
    void stop().then(() => process.exit(0));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  log.info({ shards: totalShards, auto: cfg.PARLEY_SHARDS === 'auto' }, 'starting shards');
  try {
    await manager.spawn({ amount: totalShards, delay: spawnDelayMs, timeout: readyTimeoutMs });
  } catch (err) {
    if (stopping) return { manager, stop };
    await stop();
    throw new Error(`the shards did not start: ${(err as Error).message}`, { cause: err });
  }
  log.info({ shards: totalShards }, 'all shards ready');
  return { manager, stop };
}
