import type { Logger } from 'pino';
import type { Answer } from '../briefing/answer.ts';
import { ingestItem, type ItemOptions, type Progress } from '../ingest/web.ts';
import type { IngestOutcome } from '../ingest/ingest.ts';
import { LinkError } from '../links/errors.ts';
import type { FeedStore, Feed } from '../store/feeds.ts';
import { readerForGuild, sharedReader } from '../store/corpus.ts';
import type { Store } from '../store/store.ts';
import { fetchFeed } from './fetch.ts';
import type { FeedItem } from './parse.ts';
import { backoffDelay, MAX_CONSECUTIVE_FAILURES, nextPollDelay, shouldDisable } from './schedule.ts';

/** Tells a server's admins something (the digest's "disabled" notice path); guildId null: the console. */
export type Notify = (guildId: string | null, answer: Answer) => Promise<void> | void;

export interface PollerOptions {
  store: Store;
  feeds: FeedStore;
  log: Logger;
  /** Each feed's interval between polls (PARLEY_FEED_INTERVAL), before jitter. */
  intervalMs: number;
  /** Guarded-fetch options for feeds and their pages (allowPrivate, timeouts). */
  fetch?: ItemOptions;
  notify?: Notify;
  now?: () => Date;
  /**
   * How long a poller holds the feeds it claimed (default 10 minutes): longer than a poll takes. Another process polls
   * a feed held longer (its poller died mid-poll).
   */
  claimLeaseMs?: number;
  /** Feeds claimed at a time (default 5), so several pollers over one database share what is due. */
  batch?: number;
}

export interface PollResult {
  feed: Feed;
  status: 'not-modified' | 'ok' | 'failed' | 'disabled';
  /** New items only: what each became, or why it was refused. */
  outcomes: IngestOutcome[];
  reason?: string;
}

/** setTimeout's longest wait (about 24.8 days); a later poll is re-planned when the timer fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;
const DEFAULT_LEASE_MS = 10 * 60_000;
const DEFAULT_BATCH = 5;

export function disabledNotice(feed: Feed, reason: string): Answer {
  return {
    title: 'Feed disabled',
    description:
      `parley stopped polling ${feed.title ? `“${feed.title}” (${feed.url})` : feed.url}: ${reason}. ` +
      'Check the address, then /feed remove it and /feed add it again.',
    sections: [],
    citations: [],
    kind: 'error',
  };
}

/**
 * Polls each feed when it is due (conditional GET; a 304 costs nothing), ingests each item it has not seen — its
 * page as an article, else the item's own text — and records it, so an item is ingested once across restarts.
 * Failures back off; five in a row, or a 404 / 410, disable the feed and tell the server's admins.
 */
export class FeedPoller {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private chain: Promise<unknown> = Promise.resolve();
  private readonly now: () => Date;

  constructor(private readonly o: PollerOptions) {
    this.now = o.now ?? (() => new Date());
  }

  start(): void {
    this.running = true;
    this.plan();
  }

  /** Stops the timer; resolves once a poll under way has finished, so the store may be closed after it. */
  stop(): Promise<unknown> {
    this.running = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    return this.chain;
  }

  /** Re-plans the timer after feeds changed (a feed added is due at once). */
  wake(): void {
    if (this.running) this.plan();
  }

  /** Each plan supersedes the ones before it: only the latest sets the timer. */
  private plans = 0;

  /**
   * Sets the timer for the soonest due feed, waking at least once an interval so a feed another process added or
   * left behind is seen.
   */
  private plan(): void {
    const seq = ++this.plans;
    clearTimeout(this.timer);
    if (!this.running) return;
    this.o.feeds
      .feeds({ activeOnly: true })
      .then(([next]) => {
        if (seq !== this.plans || !this.running) return;
        const due = next ? Date.parse(next.nextPollAt) - this.now().getTime() : this.o.intervalMs;
        const wait = Math.min(Math.max(0, due), this.o.intervalMs, MAX_TIMER_MS);
        this.timer = setTimeout(() => void this.tick(), wait);
      })
      .catch((err: unknown) => {
        this.o.log.error({ err }, 'feed poll planning failed');
        if (seq === this.plans && this.running) this.timer = setTimeout(() => this.plan(), this.o.intervalMs);
      });
  }

  private async tick(): Promise<void> {
    try {
      await this.pollDue();
    } catch (err) {
      this.o.log.error({ err }, 'feed poll failed');
    }
    this.plan();
  }

  /**
   * Polls every feed that is due, one at a time, claiming a few at a time so that a poller in another process takes
   * the others; with `all`, every active feed (a one-off poll from the CLI), claimed or not.
   */
  pollDue(options: { all?: boolean; onProgress?: (feed: Feed, done: number, total: number) => void } = {}) {
    const run = async () => {
      const results: PollResult[] = [];
      const poll = async (feed: Feed) =>
        results.push(await this.pollFeed(feed, (done, total) => options.onProgress?.(feed, done, total)));
      if (options.all) {
        for (const feed of await this.o.feeds.feeds({ activeOnly: true })) await poll(feed);
        return results;
      }
      const lease = this.o.claimLeaseMs ?? DEFAULT_LEASE_MS;
      for (;;) {
        const claimed = await this.o.feeds.claimDueFeeds(this.now(), this.o.batch ?? DEFAULT_BATCH, lease);
        if (!claimed.length) return results;
        for (const feed of claimed) await poll(feed);
      }
    };
    // Polls never overlap: a timer's poll and `feed poll` or a test's run one after the other.
    const result = this.chain.then(run, run);
    this.chain = result.catch(() => undefined);
    return result;
  }

  async pollFeed(feed: Feed, onProgress?: Progress): Promise<PollResult> {
    const polledAt = this.now();
    const later = (ms: number) => new Date(polledAt.getTime() + ms);
    const ok = { polledAt, consecutiveFailures: 0, lastError: null };
    try {
      const got = await fetchFeed(feed.url, {
        ...this.o.fetch,
        etag: feed.etag ?? undefined,
        lastModified: feed.lastModified ?? undefined,
      });
      const nextPollAt = later(nextPollDelay(this.o.intervalMs, feed.id));
      if (got.status === 'not-modified') {
        await this.o.feeds.recordPoll(feed.id, { ...ok, nextPollAt });
        return { feed, status: 'not-modified', outcomes: [] };
      }
      const outcomes = await this.ingestNew(feed, got.items, got.title ?? feed.title ?? undefined, onProgress);
      const validators = { etag: got.etag ?? null, lastModified: got.lastModified ?? null, title: got.title };
      await this.o.feeds.recordPoll(feed.id, { ...ok, ...validators, nextPollAt });
      return { feed, status: 'ok', outcomes };
    } catch (e) {
      return this.failed(feed, e, polledAt);
    }
  }

  private async ingestNew(feed: Feed, items: FeedItem[], source: string | undefined, onProgress?: Progress) {
    const fresh: FeedItem[] = [];
    for (const item of items) if (!(await this.o.feeds.seenItem(feed.id, item.id))) fresh.push(item);
    const outcomes: IngestOutcome[] = [];
    // a server's feed feeds its own corpus; a feed added from the console or the CLI, the shared one
    const store = this.o.store.as(readerForGuild(feed.guildId, sharedReader));
    for (const item of fresh) {
      const outcome = await ingestItem(store, item, { ...this.o.fetch, source });
      await this.o.feeds.recordItem(feed.id, item.id, outcome.ok ? outcome.key : null, this.now());
      if (!outcome.ok) this.o.log.warn({ feed: feed.id, item: item.id, reason: outcome.reason }, 'feed item refused');
      outcomes.push(outcome);
      onProgress?.(outcomes.length, fresh.length);
    }
    if (fresh.length) this.o.log.info({ feed: feed.id, items: fresh.length }, 'feed items ingested');
    return outcomes;
  }

  private async failed(feed: Feed, e: unknown, polledAt: Date): Promise<PollResult> {
    const reason = e instanceof LinkError ? e.reason : (e as Error).message;
    const failures = feed.consecutiveFailures + 1;
    const disable = shouldDisable(failures, e);
    const disabledReason = !disable
      ? null
      : failures >= MAX_CONSECUTIVE_FAILURES
        ? `${failures} failed polls in a row; the last: ${reason}`
        : reason;
    const nextPollAt = new Date(polledAt.getTime() + backoffDelay(failures, this.o.intervalMs));
    await this.o.feeds.recordPoll(feed.id, {
      polledAt,
      nextPollAt,
      consecutiveFailures: failures,
      lastError: reason,
      disabledReason,
    });
    this.o.log.warn({ feed: feed.id, url: feed.url, reason, failures, disabled: disable }, 'feed poll failed');
    if (!disabledReason) return { feed, status: 'failed', outcomes: [], reason };
    try {
      await this.o.notify?.(feed.guildId, disabledNotice(feed, disabledReason));
    } catch (err) {
      this.o.log.warn({ err, feed: feed.id }, 'feed disabled notice not delivered');
    }
    return { feed, status: 'disabled', outcomes: [], reason: disabledReason };
  }
}
