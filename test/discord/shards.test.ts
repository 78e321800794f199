import { describe, expect, it } from 'vitest';
import { recommendedShardCount, shardOfProcess } from '../../src/discord/shards.ts';
import { startFakeDiscord } from '../e2e/fake-discord/index.ts';

describe('shards', () => {
  it('a process is a shard only when a ShardingManager spawned it', () => {
    expect(shardOfProcess({ SHARDING_MANAGER: 'true', SHARDS: '1', SHARD_COUNT: '2' })).toEqual({ id: 1, count: 2 });
    expect(shardOfProcess({ SHARDING_MANAGER: 'true', SHARDS: '0', SHARD_COUNT: '1' })).toEqual({ id: 0, count: 1 });
    expect(shardOfProcess({})).toBeUndefined();
    expect(shardOfProcess({ PARLEY_SHARDS: '2' })).toBeUndefined();
    // The manager's own environment: discord.js sets SHARDING_MANAGER there too, but no shard id.
    expect(shardOfProcess({ SHARDING_MANAGER: 'true', SHARDING_MANAGER_MODE: 'process' })).toBeUndefined();
    expect(shardOfProcess({ SHARDING_MANAGER: 'true', SHARDS: '[0,1]', SHARD_COUNT: '2' })).toBeUndefined();
  });

  it('auto asks the configured REST base how many shards Discord recommends', async () => {
    const fake = await startFakeDiscord({ shards: 3 });
    try {
      expect(await recommendedShardCount(fake.token, fake.api)).toBe(3);
      await expect(recommendedShardCount('wrong-token', fake.api)).rejects.toThrow(/401|Unauthorized/);
      expect(fake.requestsTo('GET', '/gateway/bot').map((r) => r.status)).toEqual([200, 401]);
    } finally {
      await fake.close();
    }
  });
});
