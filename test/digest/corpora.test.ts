import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/briefing/answer.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { guildReader } from '../../src/store/corpus.ts';
import type { Subscription } from '../../src/store/store.ts';
import { ROOT, tempDir, tempStore, testApp, writeDoc } from '../helpers.ts';

const article = (title: string, body: string) => `---\ntitle: ${title}\npublished: 2026-02-03\n---\n${body}\n`;

describe('digests read their server’s corpus and the shared one', () => {
  it('a subscription of one server never posts another server’s news', async () => {
    const { store } = tempStore();
    await ingestPaths(store, [`${ROOT}/data/documents`]);
    const posted = new Map<string, string>();
    // Each "post now" is a slot of its own minute.
    let clock = Date.parse('2026-02-03T08:00:00Z');
    const app = await testApp(store, {
      delivery: {
        now: () => new Date(clock),
        deliver: async (sub: Subscription, answer: Answer) => {
          posted.set(sub.channelId, (posted.get(sub.channelId) ?? '') + JSON.stringify(answer));
          return { messageId: 'm' };
        },
      },
    });
    const subs = await Promise.all(
      ['1', '2'].map((g) =>
        app.digests.subscribe({ guildId: g, channelId: `c${g}`, schedule: '0 8 * * *', createdBy: null }),
      ),
    );
    for (const sub of subs) await app.digests.postNow(sub);
    expect(posted.get('c1')).toContain('Marco Rubio');
    expect(posted.get('c2')).toContain('Marco Rubio');
    posted.clear();

    const dir = tempDir();
    writeDoc(dir, 'a.md', article('Harbour dues talks', 'Harbour master Ingrid Solvik met trawler owners in Nordvik.'));
    await ingestPaths(store.as(guildReader('1')), [dir]);
    const other = tempDir();
    writeDoc(other, 'b.md', article('Rail strike vote', 'Union leader Tomas Quirke called a strike vote in Carrow.'));
    await ingestPaths(store.as(guildReader('2')), [other]);

    clock += 3600_000;
    for (const sub of subs) await app.digests.postNow((await store.subscription(sub.id))!);
    expect(posted.get('c1')).toContain('Harbour dues talks');
    expect(posted.get('c1')).not.toMatch(/Rail strike|Quirke/);
    expect(posted.get('c2')).toContain('Rail strike vote');
    expect(posted.get('c2')).not.toMatch(/Harbour dues|Solvik/);
    const preview = JSON.stringify(await app.digests.preview((await store.subscription(subs[0].id))!));
    expect(preview).not.toMatch(/Rail strike|Quirke/);
    await app.close();
  }, 60_000);
});
