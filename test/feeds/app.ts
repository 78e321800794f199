/** An app over a temp store that may fetch from 127.0.0.1, and a command context to run /ingest and /feed in. */
import type { App } from '../../src/app.ts';
import type { Answer } from '../../src/briefing/answer.ts';
import type { CommandContext, CommandOptions } from '../../src/command.ts';
import type { Notify } from '../../src/feeds/poller.ts';
import type { SqliteStore } from '../../src/store/sqlite-store.ts';
import { openSqliteStore } from '../../src/store/index.ts';
import { testApp } from '../helpers.ts';

export const GUILD = '100000000000000001';

export async function webApp(file: string, notify?: Notify): Promise<App & { store: SqliteStore }> {
  const store = openSqliteStore(file);
  const app = await testApp(store, { web: { allowPrivate: true, timeoutMs: 3000 }, notify });
  return app as App & { store: SqliteStore };
}

export function run(
  app: App,
  name: string,
  options: CommandOptions,
  ctx: Partial<CommandContext> = {},
): Promise<Answer> {
  const context: CommandContext = {
    briefing: app.briefing,
    digests: app.digests,
    web: app.web,
    isAdmin: true,
    guildId: GUILD,
    channelId: '200000000000000001',
    userId: '300000000000000001',
    ...ctx,
  };
  const command = app.commands.get(name);
  if (!command) throw new Error(`no /${name}`);
  return command.handle(context, options);
}

export const text = (a: Answer) => [a.title, a.description ?? ''].join('\n');

export interface StoredDocument {
  key: string;
  title: string;
  source: string | null;
  url: string | null;
  published_at: string | null;
  body: string;
}

export function documents(app: App & { store: SqliteStore }): StoredDocument[] {
  return app.store.db
    .prepare('SELECT key, title, source, url, published_at, body FROM documents ORDER BY id')
    .all() as StoredDocument[];
}
