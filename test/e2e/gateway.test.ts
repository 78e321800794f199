/**
 * The gateway connection breaking the ways it does in production: a 4000 close, an abrupt drop with no close
 * frame (1006), a session Discord refuses to resume. The client must come back (RESUME, or IDENTIFY when the
 * session is gone) and keep answering commands — including one sent while it was away.
 */
import { GatewayDispatchEvents, GatewayIntentBits, GatewayOpcodes } from 'discord-api-types/v10';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectCleanReply, expectNoTrouble } from './expect-reply.ts';
import { startParley, type Parley } from './harness.ts';

let p: Parley;
beforeAll(async () => {
  p = await startParley({ fake: { heartbeatIntervalMs: 400 } });
});
afterAll(async () => {
  await p?.stop();
});
afterEach(() => expectNoTrouble(p));

const identifies = () => p.fake.received(GatewayOpcodes.Identify);
const resumes = () => p.fake.received(GatewayOpcodes.Resume);
const readySessionId = () =>
  (p.fake.frames.filter((f) => f.t === GatewayDispatchEvents.Ready).at(-1)?.d as { session_id: string }).session_id;

async function stillAnswers() {
  const reply = await p.fake.sendCommand('who', { name: 'rubio' });
  expectCleanReply(reply);
  expect(reply.embeds[0].title).toBe('Marco Rubio');
}

describe('gateway', () => {
  it('identifies once with the Guilds intent only, over v10 JSON, and heartbeats', async () => {
    expect(identifies()).toHaveLength(1);
    expect(identifies()[0].d).toMatchObject({ token: p.fake.token, intents: GatewayIntentBits.Guilds, shard: [0, 1] });
    await p.fake.requestHeartbeat();
    const acks = p.fake.frames.filter((f) => f.dir === 'out' && f.op === GatewayOpcodes.HeartbeatAck);
    expect(acks.length).toBeGreaterThanOrEqual(1);
    expect(p.client.guilds.cache.has(p.fake.guild.id)).toBe(true);
  });

  it('close 4000 (unknown error): the client resumes its session and keeps answering', async () => {
    const session = readySessionId();
    const before = resumes().length;
    const next = p.fake.nextSession();
    p.fake.dropConnection(4000);
    expect(await next).toBe('resumed');
    expect(resumes()).toHaveLength(before + 1);
    expect(resumes().at(-1)!.d).toMatchObject({ token: p.fake.token, session_id: session });
    expect(identifies()).toHaveLength(1);
    await stillAnswers();
  });

  it('an abrupt drop (1006, no close frame): the client resumes and keeps answering', async () => {
    const before = resumes().length;
    const next = p.fake.nextSession();
    p.fake.dropConnection(1006);
    expect(await next).toBe('resumed');
    expect(resumes()).toHaveLength(before + 1);
    await stillAnswers();
  });

  it('a command sent while the connection is down is replayed on RESUME and answered in time', async () => {
    const next = p.fake.nextSession();
    p.fake.dropConnection(1006);
    const reply = p.fake.sendCommand('help');
    expect(await next).toBe('resumed');
    const answered = await reply;
    expectCleanReply(answered);
    expect(answered.embeds[0].title).toMatch(/parley/);
  });

  it(
    'a session Discord will not resume (INVALID_SESSION false): ' + 'the client identifies again and keeps answering',
    async () => {
      const before = identifies().length;
      p.fake.refuseNextResume();
      const next = p.fake.nextSession(20_000);
      p.fake.dropConnection(4000);
      expect(await next).toBe('ready');
      expect(identifies()).toHaveLength(before + 1);
      expect(p.fake.frames.some((f) => f.dir === 'out' && f.op === GatewayOpcodes.InvalidSession)).toBe(true);
      await stillAnswers();
    },
  );
});
