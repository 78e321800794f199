import { createRouter } from '../../src/discord/router.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { ROOT, tempStore, testApp } from '../helpers.ts';

/** The real commands over a store holding the shipped documents, routed as the bot routes them. */
export async function seededBot() {
  const { store, dir } = tempStore();
  await ingestPaths(store, [`${ROOT}/data/documents`]);
  const { commands, briefing, digests, scheduler, log } = await testApp(store, {
    delivery: { deliver: async () => ({ messageId: 'm' }) },
  });
  const router = createRouter({ commands, briefing, log, digests });
  return { store, dir, commands, briefing, digests, scheduler, router };
}
