import { describe, expect, it } from 'vitest';
import type { Briefing } from '../../src/briefing/briefing.ts';
import { banner } from '../../src/console/console.ts';
import type { CommandContext } from '../../src/command.ts';
import { handle as help } from '../../commands/help.ts';
import { tempStore, testApp } from '../helpers.ts';
import { INVENTED, storeWith, text } from './setup.ts';

const ctx = (briefing: Briefing): CommandContext => ({
  briefing,
  isAdmin: false,
  guildId: null,
  channelId: null,
  userId: '1',
});

describe('examples come from the store, never from the code', () => {
  it('on a store with a fixture article, the banner, /help and the hints name its most-mentioned person', async () => {
    const { store, briefing } = await storeWith(INVENTED);
    const [person] = await store.topNames('person', 1);
    const [place] = await store.topNames('place', 1);
    expect(person).toBeTruthy();
    expect(await store.examples()).toMatchObject({ person, place });

    const line = banner(await store.stats(), await store.examples());
    expect(line).toContain(`/who name:${person}`);
    expect(line).toContain(`/where place:${place}`);
    expect(text(await help(ctx(briefing)))).toContain(`/who name:${person}`);

    const nobody = text(await briefing.who('Qqqzzx Wvvqq'));
    expect(nobody).toMatch(/No one by that name/);
    expect(nobody).toContain(`/who name:${person}`);
    expect(text(await briefing.quotes('Qqqzzx Wvvqq'))).toContain(`/quote speaker:${person}`);
    expect(text(await briefing.where('Qqqzzx'))).toContain(`/where place:${place}`);
    expect(text(await briefing.ask('the of and'))).toContain(`What did ${person} say?`);
  });

  it('the proposal example is the one with the most supporting sentences', async () => {
    const { store } = await storeWith(INVENTED);
    const [top] = await store.listProposals({ limit: 1, evidence: 0 });
    expect((await store.examples()).proposal).toBe(top?.name ?? null);
  });

  it('on an empty store, a generic line', async () => {
    const { store } = tempStore();
    const { briefing } = await testApp(store);
    expect(await store.examples()).toEqual({ person: null, place: null, proposal: null });
    const line = banner(await store.stats(), await store.examples());
    expect(line).toMatch(/e\.g\. \/brief, \/who, \/timeline/);
    expect(line).not.toMatch(/name:|place:|proposal:/);
    expect(text(await help(ctx(briefing)))).toMatch(/\/ingest file.*nothing is stored yet/);
    expect(text(await briefing.who('Qqqzzx'))).toMatch(/Try \/who with no name to see everyone/);
    expect(text(await briefing.where('Qqqzzx'))).toMatch(/Try \/where with no place/);
    expect(text(await briefing.ask('the of and'))).toMatch(/Ask with a few words about the story, e\.g\. \/ask/);
  });
});
