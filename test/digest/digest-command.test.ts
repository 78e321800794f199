import { afterEach, describe, expect, it } from 'vitest';
import * as digest from '../../commands/digest.ts';
import type { Briefing } from '../../src/briefing/briefing.ts';
import type { CommandContext } from '../../src/command.ts';
import type { Store } from '../../src/store/store.ts';
import { tempStore, testApp } from '../helpers.ts';

const stops: (() => Promise<void>)[] = [];
const stores = new WeakMap<Briefing, Store>();
const storeOf = (ctx: CommandContext) => stores.get(ctx.briefing)!;
afterEach(async () => {
  for (const close of stops.splice(0)) await close();
});

async function context(isAdmin: boolean, subcommand: string): Promise<CommandContext> {
  const { store } = tempStore();
  const app = await testApp(store, { timeZone: 'Europe/Kyiv' });
  stops.push(() => app.close());
  const ctx: CommandContext = {
    briefing: app.briefing,
    isAdmin,
    guildId: 'g1',
    channelId: '111111111111111111',
    userId: 'u',
    subcommand,
    digests: app.digests,
  };
  stores.set(ctx.briefing, store);
  return ctx;
}

describe('/digest', () => {
  it('refuses non-admins for every subcommand, changing nothing', async () => {
    for (const sub of ['subscribe', 'list', 'unsubscribe', 'preview', 'now']) {
      const ctx = await context(false, sub);
      const answer = await digest.handle(ctx, { schedule: 'daily' });
      expect(answer.title).toBe('Not allowed');
      expect(answer.ephemeral).toBe(true);
      expect(await storeOf(ctx).subscriptions()).toEqual([]);
    }
  });

  it('a bad cron expression gets a clear ephemeral error', async () => {
    const ctx = await context(true, 'subscribe');
    const answer = await digest.handle(ctx, { schedule: '0 25 * * *' });
    expect(answer).toMatchObject({ title: 'Bad schedule', ephemeral: true, kind: 'error' });
    expect(answer.description).toMatch(/25 is not a valid hour.*preset/);
    expect(await storeOf(ctx).subscriptions()).toEqual([]);
  });

  it('refuses a seconds field and schedules that would flood a channel', async () => {
    const ctx = await context(true, 'subscribe');
    expect((await digest.handle(ctx, { schedule: '* * * * * *' })).description).toMatch(/seconds field/);
    expect((await digest.handle(ctx, { schedule: '* * * * *' })).description).toMatch(/more than 4 times an hour/);
    expect(await storeOf(ctx).subscriptions()).toEqual([]);
    expect((await digest.handle(ctx, { schedule: '*/15 * * * *' })).title).toBe('Digest subscribed');
  });

  it('the console may use any valid schedule, seconds included', async () => {
    const ctx = { ...(await context(true, 'subscribe')), channelId: 'console', channelKind: 'local' as const };
    expect((await digest.handle(ctx, { schedule: '*/10 * * * * *' })).title).toBe('Digest subscribed');
  });

  const canonicalAndUpdate =
    'writes a time zone in its canonical form, and a second subscribe updates the one digest of that channel';
  it(canonicalAndUpdate, async () => {
    const ctx = await context(true, 'subscribe');
    await digest.handle(ctx, { schedule: 'daily', timezone: 'utc' });
    expect((await storeOf(ctx).subscriptions())[0].timezone).toBe('UTC');
    const again = await digest.handle(ctx, { schedule: 'hourly' });
    expect(again.title).toBe('Digest updated');
    expect(await storeOf(ctx).subscriptions()).toMatchObject([{ schedule: '0 * * * *' }]);
  });

  it('a bad time zone gets a clear ephemeral error', async () => {
    const ctx = await context(true, 'subscribe');
    const answer = await digest.handle(ctx, { schedule: 'daily', timezone: 'Mars/Olympus_Mons' });
    expect(answer).toMatchObject({ title: 'Bad time zone', kind: 'error' });
    expect(await storeOf(ctx).subscriptions()).toEqual([]);
  });

  it('subscribe with a preset, list it with its state and next run, then unsubscribe', async () => {
    const ctx = await context(true, 'subscribe');
    const answer = await digest.handle(ctx, { schedule: 'weekdays' });
    expect(answer.title).toBe('Digest subscribed');
    expect(answer.description).toMatch(/weekdays at 08:00 \(Europe\/Kyiv\)/);
    const subs = await storeOf(ctx).subscriptions();
    expect(subs).toMatchObject([
      { channelId: '111111111111111111', schedule: '0 8 * * 1-5', timezone: 'Europe/Kyiv', state: 'active' },
    ]);
    const list = await digest.handle({ ...ctx, subcommand: 'list' }, {});
    expect(JSON.stringify(list)).toMatch(/active.*next \d{4}-\d{2}-\d{2}/);
    const gone = await digest.handle({ ...ctx, subcommand: 'unsubscribe' }, {});
    expect(gone.title).toBe('Digest stopped');
    expect(await storeOf(ctx).subscriptions()).toEqual([]);
  });

  it('autocompletes presets and time zones, at most 25', async () => {
    const ctx = await context(true, 'subscribe');
    expect((await digest.autocomplete(ctx, 'schedule', 'week')).map((c) => c.value)).toEqual(['weekdays']);
    const zones = await digest.autocomplete(ctx, 'timezone', 'europe/k');
    expect(zones.map((z) => z.value)).toContain('Europe/Kyiv');
    expect((await digest.autocomplete(ctx, 'timezone', '')).length).toBe(25);
  });
});
