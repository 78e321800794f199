import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { notice, type Answer } from '../briefing/answer.ts';
import type { Briefing } from '../briefing/briefing.ts';
import type { CommandContext, CommandModule } from '../command.ts';
import type { DigestService } from '../digest/service.ts';
import type { WebService } from '../feeds/service.ts';
import { consoleReader, type Reader } from '../store/corpus.ts';
import { CONSOLE_CHANNEL } from './channel.ts';
import { LineError, parseLine } from './parse-line.ts';

/** Runs one typed command line as the local operator (an admin) and returns its Answer; never throws. */
export interface LineEnv {
  commands: Map<string, CommandModule>;
  briefing: Briefing;
  digests?: DigestService;
  web?: WebService;
  log?: Logger;
  /** What the line may read and change: the console's own corpus and the shared one, unless told otherwise. */
  reader?: Reader;
  /** The server the line acts as (the CLI's --guild); none for the console. */
  guildId?: string | null;
}

export async function runLine(line: string, env: LineEnv): Promise<Answer> {
  const { commands, briefing, digests, web, log, reader = consoleReader, guildId = null } = env;
  try {
    const { command, subcommand, options } = parseLine(line, commands);
    const ctx: CommandContext = {
      briefing: briefing.for(reader),
      isAdmin: true,
      guildId,
      channelId: CONSOLE_CHANNEL,
      channelKind: 'local',
      userId: 'console',
      subcommand,
      digests,
      web: web?.for(reader),
    };
    return await command.handle(ctx, options);
  } catch (e) {
    if (e instanceof LineError) return { ...notice('Cannot run that', e.message), kind: 'error' };
    const ref = randomBytes(3).toString('hex');
    log?.error({ err: e, ref, line }, 'command failed');
    return { ...notice('Something went wrong', `ref ${ref}`), kind: 'error' };
  }
}
