/**
 * Corpora: a community's documents are its own. Every document, and every fact derived from one, belongs to one
 * corpus: a Discord server's (`guild:<id>`), the console's (`console`), or the shared one (`shared`, the documents
 * folder ingested at start), which every server reads beside its own.
 *
 * A Reader is what one request may see and change: the corpora it reads, and the one corpus it writes (its own;
 * null where nothing may be written, e.g. a direct message). The transport picks it (the Discord router from the
 * interaction's guild, the console, the CLI's `--guild`), and the store's reads take it.
 */
export const SHARED = 'shared';
export const CONSOLE = 'console';

export interface Reader {
  /** The corpus this request writes into and may forget from; null: it may only read. */
  readonly own: string | null;
  /** Every corpus it reads: its own and the shared one. */
  readonly corpora: readonly string[];
}

const NAME = /^(shared|console|guild:[\w-]{1,64})$/;

export function isCorpusName(name: string): boolean {
  return NAME.test(name);
}

/** The shared corpus alone, written as itself: the CLI without `--guild`, the documents folder at start. */
export const sharedReader: Reader = { own: SHARED, corpora: [SHARED] };

/** A direct message: the shared corpus, read only. */
export const directMessageReader: Reader = { own: null, corpora: [SHARED] };

/** The console operator's own corpus beside the shared one. */
export const consoleReader: Reader = { own: CONSOLE, corpora: [CONSOLE, SHARED] };

/** A Discord server's own corpus beside the shared one. */
export function guildReader(guildId: string): Reader {
  const own = `guild:${guildId}`;
  if (!isCorpusName(own)) throw new Error(`not a server id: ${JSON.stringify(guildId)}`);
  return { own, corpora: [own, SHARED] };
}

/** The server a reader acts for, the inverse of guildReader; null for the shared corpus, the console or a DM. */
export function guildOf(reader: Reader): string | null {
  return reader.own?.startsWith('guild:') ? reader.own.slice('guild:'.length) : null;
}

/** What a Discord interaction (or a digest subscription) of a guild, or of no guild, reads. */
export function readerForGuild(guildId: string | null, noGuild: Reader = directMessageReader): Reader {
  return guildId ? guildReader(guildId) : noGuild;
}
