import { ingestHtml, ingestLink, type Progress, type WebOptions } from '../ingest/web.ts';
import { parseHttpUrl } from '../links/guarded-fetch.ts';
import { LinkError } from '../links/errors.ts';
import type { Feed, FeedStore } from '../store/feeds.ts';
import type { Reader } from '../store/corpus.ts';
import type { Store } from '../store/store.ts';
import { fetchFeed } from './fetch.ts';
import type { FeedPoller } from './poller.ts';

/** Discord lists at most 25 choices: a server's feeds fit in one autocomplete list. */
export const MAX_FEEDS_PER_SERVER = 25;

export type AddFeedResult = { ok: true; feed: Feed } | { ok: false; reason: string };

/** What /ingest url, /feed and the CLI use: links and feeds over one store, under one set of fetch rules. */
export class WebService {
  constructor(
    readonly store: Store,
    readonly feeds: FeedStore,
    readonly poller: FeedPoller,
    readonly fetch: WebOptions = {},
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The same service writing into the corpus a request may change (its server's own), never another's. */
  for(reader: Reader): WebService {
    return new WebService(this.store.as(reader), this.feeds, this.poller, this.fetch, this.now);
  }

  ingestLink(url: string, onProgress?: Progress) {
    return ingestLink(this.store, url, this.fetch, onProgress);
  }

  ingestHtml(fileName: string, bytes: Buffer) {
    return ingestHtml(this.store, fileName, bytes);
  }

  /** Checks the link is a feed (one fetch), then follows it: due at once, polled by the running poller. */
  async addFeed(guildId: string | null, rawUrl: string, addedBy: string | null): Promise<AddFeedResult> {
    let url: string;
    try {
      url = parseHttpUrl(rawUrl).href;
    } catch (e) {
      return { ok: false, reason: (e as LinkError).reason };
    }
    if ((await this.feeds.feeds({ guildId })).some((f) => f.url === url)) {
      return { ok: false, reason: 'this server already follows that feed' };
    }
    if ((await this.feeds.countFeeds(guildId)) >= MAX_FEEDS_PER_SERVER) {
      return { ok: false, reason: `a server follows at most ${MAX_FEEDS_PER_SERVER} feeds; remove one first` };
    }
    let title: string | null = null;
    try {
      const got = await fetchFeed(url, this.fetch);
      if (got.status === 'ok') title = got.title ?? null;
    } catch (e) {
      if (e instanceof LinkError) return { ok: false, reason: e.reason };
      throw e;
    }
    const feed = await this.feeds.addFeed({ guildId, url, title, addedBy }, this.now());
    if (!feed) return { ok: false, reason: 'this server already follows that feed' };
    this.poller.wake();
    return { ok: true, feed };
  }

  async listFeeds(guildId: string | null): Promise<Feed[]> {
    return (await this.feeds.feeds({ guildId })).sort((a, b) => a.id - b.id);
  }

  /** A feed of this server, by its id or its URL. */
  async findFeed(guildId: string | null, idOrUrl: string): Promise<Feed | undefined> {
    const typed = idOrUrl.trim();
    return (await this.listFeeds(guildId)).find((f) => String(f.id) === typed || f.url === typed);
  }

  async removeFeed(guildId: string | null, idOrUrl: string): Promise<Feed | undefined> {
    const feed = await this.findFeed(guildId, idOrUrl);
    if (feed) await this.feeds.removeFeed(feed.id);
    this.poller.wake();
    return feed;
  }
}
