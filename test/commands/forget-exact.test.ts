import { describe, expect, it } from 'vitest';
import { ingestBytes } from '../../src/ingest/ingest.ts';
import { guildReader } from '../../src/store/corpus.ts';
import { tempStore, testApp } from '../helpers.ts';

// Removing is for good: a typed document name must be exact, never a part of a title or a file name.
describe('/forget by a typed name', () => {
  it('forgets nothing for a part of a name, and the one document named exactly', async () => {
    const { store } = tempStore();
    const own = store.as(guildReader('100000000000000001'));
    await ingestBytes(own, 'harbour-notes.txt', Buffer.from('Quay talks resume\n\nThe harbour board met in Veldora.'));
    const app = await testApp(store);
    const forget = app.commands.get('forget')!;
    const ctx = {
      briefing: app.briefing.for(guildReader('100000000000000001')),
      isAdmin: true,
      guildId: '100000000000000001',
      channelId: '200000000000000001',
      userId: 'u',
    };
    for (const part of ['x', 't', 'Quay', 'harbour'])
      expect((await forget.handle(ctx, { document: part })).title).toBe('No such document');
    expect((await forget.handle(ctx, { document: 'Quay talks resume' })).title).toMatch(/^Forgot Quay talks resume/);
    await app.close();
  });
});
