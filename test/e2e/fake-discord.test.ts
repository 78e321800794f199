/**
 * The fake's own checks, driven by hand (raw fetch and a raw WebSocket client, no discord.js): a clean run of
 * the other e2e tests only means something if the fake really catches what Discord would refuse.
 */
import { once } from 'node:events';
import {
  GatewayDispatchEvents,
  GatewayIntentBits,
  GatewayOpcodes,
  InteractionResponseType,
} from 'discord-api-types/v10';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageProblems, startFakeDiscord, type FakeDiscord } from './fake-discord/index.ts';

const embed = (over: Record<string, unknown> = {}) => ({ title: 'T', description: 'D', ...over });
const ok = { allowed_mentions: { parse: [] } };
const details = (body: object) => messageProblems(body, 'create').map((p) => `${p.severity}: ${p.detail}`);

describe('limit checks', () => {
  it('accepts a message at every limit', () => {
    const full = {
      ...ok,
      content: 'c'.repeat(2000),
      embeds: [
        {
          title: 't'.repeat(256),
          description: 'd'.repeat(4096 - 256 - 2048 - 1024 - 256),
          footer: { text: 'f'.repeat(2048) },
          fields: [{ name: 'n'.repeat(256), value: 'v'.repeat(1024) }],
        },
      ],
    };
    expect(details(full)).toEqual([]);
  });

  it.each([
    [{ ...ok, content: 'c'.repeat(2001) }, /content is 2001 chars/],
    [{ ...ok, embeds: Array.from({ length: 11 }, () => embed()) }, /11 embeds/],
    [{ ...ok, embeds: [embed({ title: 't'.repeat(257) })] }, /title is 257/],
    [{ ...ok, embeds: [embed({ description: 'd'.repeat(4097) })] }, /description is 4097/],
    [
      { ...ok, embeds: [embed({ fields: Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' })) })] },
      /26 fields/,
    ],
    [{ ...ok, embeds: [embed({ fields: [{ name: 'n'.repeat(257), value: 'v' }] })] }, /name is 257/],
    [{ ...ok, embeds: [embed({ fields: [{ name: 'n', value: 'v'.repeat(1025) }] })] }, /value is 1025/],
    [{ ...ok, embeds: [embed({ fields: [{ name: 'n', value: '' }] })] }, /value is 0/],
    [{ ...ok, embeds: [embed({ footer: { text: 'f'.repeat(2049) } })] }, /footer is 2049/],
    [
      { ...ok, embeds: [embed({ description: 'd'.repeat(4000) }), embed({ description: 'd'.repeat(2000) })] },
      /6\d{3} chars together/,
    ],
    [{ ...ok }, /empty message/],
    [{ embeds: [embed()] }, /policy: allowed_mentions is missing/],
    [
      { allowed_mentions: { parse: ['everyone'] }, embeds: [embed()] },
      /policy: allowed_mentions.parse is \["everyone"\]/,
    ],
    [{ allowed_mentions: { parse: [], users: ['1'] }, embeds: [embed()] }, /policy: allowed_mentions lists users/],
  ])('flags %#', (body, problem) => {
    expect(details(body).join('\n')).toMatch(problem);
  });
});

describe('the fake over the wire', () => {
  let fake: FakeDiscord;
  let ws: WebSocket;
  /** The fields of a gateway payload's `d` that these tests read (READY, GUILD_CREATE, INTERACTION_CREATE). */
  interface Dispatch {
    id: string;
    token: string;
    data: { name: string };
    channels: { id: string }[];
    [field: string]: unknown;
  }
  const inbox: { op: number; t?: string; d: Dispatch }[] = [];
  const auth = () => ({ authorization: `Bot ${fake.token}`, 'content-type': 'application/json' });
  const rest = (method: string, path: string, body?: unknown, headers: Record<string, string> = auth()) =>
    fetch(`${fake.api}/v10${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const waitFor = async (pred: (m: (typeof inbox)[number]) => boolean) => {
    for (let i = 0; i < 200; i++) {
      const found = inbox.find(pred);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error('gateway message not received');
  };

  beforeAll(async () => {
    fake = await startFakeDiscord({ interactionDeadlineMs: 300 });
    const put = await rest('PUT', `/applications/${fake.applicationId}/guilds/${fake.guild.id}/commands`, [
      { name: 'ping', description: 'Ping' },
    ]);
    expect(put.status).toBe(200);
    const gateway = (await (await rest('GET', '/gateway/bot')).json()) as { url: string };
    ws = new WebSocket(`${gateway.url}?v=10&encoding=json`);
    ws.on('message', (raw) => inbox.push(JSON.parse(String(raw))));
    await once(ws, 'open');
    await waitFor((m) => m.op === GatewayOpcodes.Hello);
    ws.send(
      JSON.stringify({
        op: GatewayOpcodes.Identify,
        d: { token: fake.token, intents: GatewayIntentBits.Guilds, properties: {} },
      }),
    );
    await waitFor((m) => m.t === GatewayDispatchEvents.GuildCreate);
  });
  afterAll(async () => {
    ws?.terminate();
    await fake?.close();
  });

  it('READY names the bot and the guild; GUILD_CREATE carries its channels', () => {
    const ready = inbox.find((m) => m.t === GatewayDispatchEvents.Ready)!;
    expect(ready.d).toMatchObject({
      v: 10,
      user: { id: fake.applicationId, bot: true },
      guilds: [{ id: fake.guild.id, unavailable: true }],
    });
    const guild = inbox.find((m) => m.t === GatewayDispatchEvents.GuildCreate)!;
    expect(guild.d.channels.map((c: { id: string }) => c.id)).toContain(fake.generalChannelId);
  });

  it('refuses an oversized embed with 400 and records it; records a post without allowed_mentions', async () => {
    const before = fake.violations.length;
    const big = await rest('POST', `/channels/${fake.generalChannelId}/messages`, {
      ...ok,
      embeds: [embed({ title: 't'.repeat(300) })],
    });
    expect(big.status).toBe(400);
    expect(((await big.json()) as { code: number }).code).toBe(50035);
    const loud = await rest('POST', `/channels/${fake.generalChannelId}/messages`, { content: 'hi' });
    expect(loud.status).toBe(200);
    expect(fake.violations.slice(before).map((v) => v.kind)).toEqual(['limit', 'allowed-mentions']);
    fake.violations.splice(before);
  });

  it('answers 401 without the bot token and 404 on routes it does not simulate, recording both', async () => {
    const before = fake.violations.length;
    expect((await rest('GET', '/users/@me', undefined, {})).status).toBe(401);
    expect((await rest('GET', '/guilds/1/bans')).status).toBe(404);
    expect(fake.violations.slice(before).map((v) => v.kind)).toEqual(['unauthorized', 'unknown-route']);
    fake.violations.splice(before);
  });

  it('a callback after the deadline gets 10062 Unknown interaction; a second callback gets 40060', async () => {
    const before = fake.violations.length;
    const late = fake.sendCommand('ping', {}, { timeoutMs: 800 }).catch((e: Error) => e);
    const event = await waitFor((m) => m.t === GatewayDispatchEvents.InteractionCreate && m.d.data.name === 'ping');
    await new Promise((r) => setTimeout(r, 400));
    const reply = { type: InteractionResponseType.ChannelMessageWithSource, data: { ...ok, content: 'pong' } };
    const tooLate = await rest('POST', `/interactions/${event.d.id}/${event.d.token}/callback`, reply, {
      'content-type': 'application/json',
    });
    expect(tooLate.status).toBe(404);
    expect(((await tooLate.json()) as { code: number }).code).toBe(10062);
    expect(await late).toBeInstanceOf(Error);

    inbox.length = 0;
    const answered = fake.sendCommand('ping');
    const second = await waitFor((m) => m.t === GatewayDispatchEvents.InteractionCreate);
    // An edit before any callback: the webhook does not exist yet.
    const early = await rest(
      'PATCH',
      `/webhooks/${fake.applicationId}/${second.d.token}/messages/@original`,
      { ...ok, content: 'x' },
      { 'content-type': 'application/json' },
    );
    expect(early.status).toBe(404);
    const first = await rest(
      'POST',
      `/interactions/${second.d.id}/${second.d.token}/callback?with_response=false`,
      reply,
      { 'content-type': 'application/json' },
    );
    expect(first.status).toBe(204);
    expect(first.headers.get('content-type')).toBeNull();
    expect((await answered).body.content).toBe('pong');
    const again = await rest('POST', `/interactions/${second.d.id}/${second.d.token}/callback`, reply, {
      'content-type': 'application/json',
    });
    expect(again.status).toBe(400);
    expect(((await again.json()) as { code: number }).code).toBe(40060);

    expect(fake.violations.slice(before).map((v) => v.kind)).toEqual([
      'late-callback',
      'not-acknowledged',
      'double-callback',
    ]);
    fake.violations.splice(before);
  });
});

describe('the fake with shards: 2', () => {
  let fake: FakeDiscord;
  let onShard1: { guildId: string; channelId: string };
  const sockets: WebSocket[] = [];
  const auth = () => ({ authorization: `Bot ${fake.token}`, 'content-type': 'application/json' });

  /** A raw gateway client that IDENTIFYs with `shard` (or none); its inbox fills as frames arrive. */
  async function connect(shard?: [number, number]) {
    const ws = new WebSocket(`${fake.gatewayUrl}?v=10&encoding=json`);
    sockets.push(ws);
    const inbox: { op: number; t?: string; d: { guilds?: { id: string }[]; id?: string; guild_id?: string } }[] = [];
    ws.on('message', (raw) => inbox.push(JSON.parse(String(raw))));
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    await once(ws, 'open');
    const d = { token: fake.token, intents: GatewayIntentBits.Guilds, properties: {}, ...(shard ? { shard } : {}) };
    ws.send(JSON.stringify({ op: GatewayOpcodes.Identify, d }));
    return { ws, inbox, closed };
  }
  const until = async (pred: () => boolean) => {
    for (let i = 0; i < 200 && !pred(); i++) await new Promise((r) => setTimeout(r, 10));
    if (!pred()) throw new Error('condition not met');
  };
  const dispatched = (inbox: { t?: string; d: { id?: string; guild_id?: string } }[], t: string) =>
    inbox.filter((m) => m.t === t).map((m) => m.d);

  beforeAll(async () => {
    fake = await startFakeDiscord({ shards: 2 });
    onShard1 = fake.addGuild('Second desk', { shard: 1 });
    const put = await fetch(`${fake.api}/v10/applications/${fake.applicationId}/commands`, {
      method: 'PUT',
      headers: auth(),
      body: JSON.stringify([{ name: 'ping', description: 'Ping' }]),
    });
    expect(put.status).toBe(200);
  });
  afterAll(async () => {
    for (const ws of sockets) ws.terminate();
    await fake?.close();
  });

  it('recommends two shards and owns guilds by (id >> 22) % 2', async () => {
    const bot = await fetch(`${fake.api}/v10/gateway/bot`, { headers: auth() });
    expect(((await bot.json()) as { shards: number }).shards).toBe(2);
    expect(fake.shardOf(fake.guild.id)).toBe(Number((BigInt(fake.guild.id) >> 22n) % 2n));
    expect(fake.shardOf(fake.guild.id)).toBe(0);
    expect(Number((BigInt(onShard1.guildId) >> 22n) % 2n)).toBe(1);
  });

  it('closes an IDENTIFY without a shard, or with the wrong count, with 4010 and records it', async () => {
    for (const claim of [undefined, [0, 1], [2, 2]] as ([number, number] | undefined)[]) {
      const before = fake.violations.length;
      const { closed } = await connect(claim);
      expect(await closed).toBe(4010);
      expect(fake.violations.slice(before)).toEqual([expect.objectContaining({ kind: 'gateway' })]);
      fake.violations.splice(before);
    }
  });

  it("gives each shard its own guilds and sends a guild's interaction to its shard only", async () => {
    const [zero, one] = [await connect([0, 2]), await connect([1, 2])];
    await until(() => [zero, one].every((c) => dispatched(c.inbox, GatewayDispatchEvents.GuildCreate).length));
    const readyGuilds = (c: typeof zero) => dispatched(c.inbox, GatewayDispatchEvents.Ready)[0] as { guilds: [] };
    expect(readyGuilds(zero).guilds).toEqual([{ id: fake.guild.id, unavailable: true }]);
    expect(readyGuilds(one).guilds).toEqual([{ id: onShard1.guildId, unavailable: true }]);
    expect(dispatched(zero.inbox, GatewayDispatchEvents.GuildCreate).map((g) => g.id)).toEqual([fake.guild.id]);
    expect(dispatched(one.inbox, GatewayDispatchEvents.GuildCreate).map((g) => g.id)).toEqual([onShard1.guildId]);

    void fake
      .sendCommand('ping', {}, { guildId: onShard1.guildId, channelId: onShard1.channelId, timeoutMs: 300 })
      .catch(() => undefined);
    await until(() => dispatched(one.inbox, GatewayDispatchEvents.InteractionCreate).length === 1);
    expect(dispatched(one.inbox, GatewayDispatchEvents.InteractionCreate)[0].guild_id).toBe(onShard1.guildId);
    expect(dispatched(zero.inbox, GatewayDispatchEvents.InteractionCreate)).toEqual([]);
    expect(fake.violations).toEqual([]);
  });

  it('records a second live session claiming a shard', async () => {
    const before = fake.violations.length;
    const again = await connect([1, 2]);
    await until(() => dispatched(again.inbox, GatewayDispatchEvents.Ready).length === 1);
    expect(fake.violations.slice(before).map((v) => v.detail)).toEqual([
      expect.stringMatching(/shard \[1, 2\].*holds/),
    ]);
    fake.violations.splice(before);
  });
});
