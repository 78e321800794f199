/** A feed a server follows. guildId null: the console's / the shared corpus's feed. */
export interface Feed {
  id: number;
  guildId: string | null;
  url: string;
  title: string | null;
  etag: string | null;
  lastModified: string | null;
  /** ISO time the feed is next due (while a poller holds it: when its claim runs out). */
  nextPollAt: string;
  lastPolledAt: string | null;
  consecutiveFailures: number;
  lastError: string | null;
  /** Set once the feed is given up on; a disabled feed is never polled. */
  disabledReason: string | null;
  addedBy: string | null;
  addedAt: string;
  /** How many of its items were seen (ingested or refused). */
  items: number;
}

export interface NewFeed {
  guildId: string | null;
  url: string;
  title: string | null;
  addedBy: string | null;
}

/** What a poll leaves behind: the new validators, when it is next due, the failure count and reasons. */
export interface PollRecord {
  etag?: string | null;
  lastModified?: string | null;
  title?: string | null;
  nextPollAt: Date;
  polledAt: Date;
  consecutiveFailures: number;
  lastError: string | null;
  disabledReason?: string | null;
}

export interface FeedFilter {
  guildId?: string | null;
  dueBy?: Date;
  activeOnly?: boolean;
}

/** Feeds and the items seen from each, shared by every process that polls. */
export interface FeedStore {
  /** Adds a feed, due at once; null when the server already follows that URL. */
  addFeed(feed: NewFeed, now: Date): Promise<Feed | null>;
  /** Feeds, soonest due first. */
  feeds(filter?: FeedFilter): Promise<Feed[]>;
  feed(id: number): Promise<Feed | null>;
  removeFeed(id: number): Promise<boolean>;
  countFeeds(guildId: string | null): Promise<number>;
  /**
   * Hands out, at most `limit`, active feeds due by `now`, soonest first, and moves each one's next poll `leaseMs`
   * ahead in the same step: no other caller gets them until the poll is recorded or the lease runs out.
   */
  claimDueFeeds(now: Date, limit: number, leaseMs: number): Promise<Feed[]>;
  recordPoll(id: number, poll: PollRecord): Promise<void>;
  /** Whether the item was already seen; recording it again does nothing. */
  seenItem(feedId: number, itemKey: string): Promise<boolean>;
  /** Records an item as seen; false when it already was. */
  recordItem(feedId: number, itemKey: string, documentKey: string | null, now: Date): Promise<boolean>;
}
