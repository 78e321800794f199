/**
 * One parley process over a shared PostgreSQL database, for multi-process.test.ts: the real digest scheduler or the
 * real feed poller, each with a SQLite file of its own for the corpus. Run with `node --import tsx`.
 *
 *   ROLE=scheduler  DELIVERIES (a line per post: subscription, nonce, pid), HANG_ON (this process's n-th delivery
 *                   never returns: it is killed meanwhile; HOLDING gets "subscription nonce pid" instead)
 *   ROLE=poller     POLLS (a line per poll recorded: feed, pid), INTERVAL_MS
 *
 * A delivery names its slot by its nonce (slotNonce). Both: DATABASE_URL, CORPUS (SQLite file), LEASE_MS.
 * SIGTERM stops it cleanly; it prints "ready" once starting. CHILD_LOG: a pino level to log at, to stderr.
 */
import fs from 'node:fs';
import process from 'node:process';
import pino from 'pino';
import { DigestScheduler, type Deliver } from '../../../src/digest/scheduler.ts';
import { FeedPoller } from '../../../src/feeds/poller.ts';
import type { FeedStore } from '../../../src/store/feeds.ts';
import { openSqliteStore } from '../../../src/store/index.ts';
import { pgFeeds } from '../../../src/store/postgres/feeds.ts';
import { openPool } from '../../../src/store/postgres/pool.ts';
import { pgSubscriptions } from '../../../src/store/postgres/subscriptions.ts';
import type { Store, SubscriptionStore } from '../../../src/store/store.ts';

const env = (name: string) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is unset`);
  return v;
};
const log = pino({ level: process.env.CHILD_LOG ?? 'silent' }, pino.destination(2));
const pool = openPool(env('DATABASE_URL'), 4);
const corpus = openSqliteStore(env('CORPUS'));
const lease = Number(env('LEASE_MS'));

/** The corpus store with its subscriptions and slots in PostgreSQL: what the scheduler sees as one Store. */
function withSubscriptions(store: Store, subs: SubscriptionStore): Store {
  return new Proxy(store, {
    get(target, prop) {
      if (prop in subs) return subs[prop as keyof SubscriptionStore];
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

async function scheduler(): Promise<() => Promise<void>> {
  const hangOn = Number(process.env.HANG_ON ?? 0);
  let delivered = 0;
  const deliver: Deliver = async (sub, _answer, nonce) => {
    delivered++;
    if (delivered === hangOn) {
      fs.appendFileSync(env('HOLDING'), `${sub.id} ${nonce} ${process.pid}\n`);
      return new Promise(() => {});
    }
    fs.appendFileSync(env('DELIVERIES'), `${sub.id} ${nonce} ${process.pid}\n`);
    return { messageId: `${process.pid}-${delivered}` };
  };
  const s = new DigestScheduler({
    store: withSubscriptions(corpus, pgSubscriptions(pool)),
    deliver,
    log,
    claimLeaseMs: lease,
    sweepMs: 100,
  });
  // not awaited: a process told to hang may hang in start's own catch-up
  const starting = s.start().catch((err: unknown) => log.error({ err }, 'scheduler start failed'));
  return async () => {
    await starting;
    s.stop();
    await s.settled();
  };
}

async function poller(): Promise<() => Promise<void>> {
  const base = pgFeeds(pool);
  const feeds: FeedStore = {
    ...base,
    async recordPoll(id, poll) {
      fs.appendFileSync(env('POLLS'), `${id} ${process.pid}\n`);
      return base.recordPoll(id, poll);
    },
  };
  const p = new FeedPoller({
    store: corpus,
    feeds,
    log,
    intervalMs: Number(env('INTERVAL_MS')),
    fetch: { allowPrivate: true, timeoutMs: 3000 },
    claimLeaseMs: lease,
    batch: 1,
  });
  p.start();
  return async () => void (await p.stop());
}

const stop = await (env('ROLE') === 'scheduler' ? scheduler() : poller());
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  void (async () => {
    await stop();
    await pool.end();
    await corpus.close();
    process.exit(0);
  })();
});
