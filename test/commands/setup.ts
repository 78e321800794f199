import pino from 'pino';
import { Briefing } from '../../src/briefing/briefing.ts';
import type { CommandModule } from '../../src/command.ts';
import { DigestScheduler } from '../../src/digest/scheduler.ts';
import { DigestService } from '../../src/digest/service.ts';
import { createRouter } from '../../src/discord/router.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { loadCommands } from '../../src/load-commands.ts';
import { ROOT, tempStore } from '../helpers.ts';

/** The real commands over a store holding the shipped documents, routed as the bot routes them. */
export async function seededBot() {
  const { store, dir } = tempStore();
  await ingestPaths(store, [`${ROOT}/data/documents`]);
  const commands: Map<string, CommandModule> = await loadCommands();
  const briefing = new Briefing(store);
  const log = pino({ level: 'silent' });
  const scheduler = new DigestScheduler({ store, log, deliver: async () => ({ messageId: 'm' }) });
  const digests = new DigestService(store, scheduler);
  const router = createRouter({ commands, briefing, log, digests });
  return { store, dir, commands, briefing, digests, scheduler, router };
}
