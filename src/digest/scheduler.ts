import crypto from 'node:crypto';
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from 'pino';
import type { Answer } from '../briefing/answer.ts';
import { plural } from '../briefing/format.ts';
import type { SlotRow, Store, Subscription } from '../store/store.ts';
import { composeDigest, subscriptionReader } from './compose.ts';
import { latestSlot, slotKey } from './schedule.ts';

/** A delivery failure with the HTTP status it came with (0 when there was none, e.g. a network error). */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

export type Deliver = (sub: Subscription, answer: Answer, nonce: string) => Promise<{ messageId?: string }>;
export type SlotOutcome = 'sent' | 'skipped' | 'failed' | 'disabled' | 'duplicate';

export interface SchedulerOptions {
  store: Store;
  deliver: Deliver;
  log: Logger;
  /** Which subscriptions this process delivers (e.g. only the console one in console mode). */
  accepts?: (sub: Subscription) => boolean;
  onDisabled?: (sub: Subscription, reason: string) => void | Promise<void>;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  catchUpWindowMs?: number;
  maxAttempts?: number;
  backoffMs?: number;
  /**
   * How long a claimed slot is this process's to send (default 10 minutes); a slot still pending after that was
   * left by a process that died, and another process sends it. Retries stop while the claim has time left.
   */
  claimLeaseMs?: number;
  /** How often a running scheduler looks for such slots (default a minute). */
  sweepMs?: number;
}

const HOUR = 3_600_000;
const DEFAULT_LEASE_MS = 10 * 60_000;
const DEFAULT_SWEEP_MS = 60_000;

/** The nonce a slot is sent with: the same for every attempt from any process, so Discord drops a second post. */
export const slotNonce = (id: number, slot: string): string =>
  crypto.createHash('sha256').update(`${id}:${slot}`).digest('hex').slice(0, 25);

/**
 * Posts digests on each subscription's cron schedule, exactly once per slot however many processes run one: the slot
 * is claimed in the store before sending and closed after; on start, the latest slot missed while down (inside the
 * catch-up window) is posted once; while running, a slot another process claimed and never finished (it was killed)
 * is posted once its claim runs out, if still inside the window.
 */
export class DigestScheduler {
  private readonly tasks = new Map<number, ScheduledTask>();
  private sweeper: ReturnType<typeof setInterval> | undefined;
  /** Slot runs under way, and the slots among them this process has claimed ("id slot"). */
  private readonly runs = new Set<Promise<SlotOutcome>>();
  private readonly sending = new Set<string>();
  private readonly now: () => Date;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly o: SchedulerOptions) {
    this.now = o.now ?? (() => new Date());
    this.sleep = o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  get catchUpWindowMs(): number {
    return this.o.catchUpWindowMs ?? 6 * HOUR;
  }

  get claimLeaseMs(): number {
    return this.o.claimLeaseMs ?? DEFAULT_LEASE_MS;
  }

  async start(): Promise<void> {
    this.started = true;
    for (const sub of await this.active()) this.schedule(sub);
    clearInterval(this.sweeper);
    this.sweeper = setInterval(() => this.sweep(), this.o.sweepMs ?? DEFAULT_SWEEP_MS);
    await this.catchUp();
  }

  private async active(): Promise<Subscription[]> {
    return (await this.o.store.subscriptions({ activeOnly: true })).filter((s) => this.o.accepts?.(s) ?? true);
  }

  /** Whether this process posts digests: a one-off command (the CLI's `run`) only stores the subscription. */
  private started = false;

  schedule(sub: Subscription): void {
    this.unschedule(sub.id);
    if (!this.started || sub.state !== 'active' || !(this.o.accepts?.(sub) ?? true)) return;
    const task = cron.schedule(
      sub.schedule,
      async (ctx) => {
        await this.runSlot(sub.id, slotKey(ctx.date));
      },
      { name: `digest-${sub.id}`, timezone: sub.timezone, noOverlap: true },
    );
    task.on('execution:failed', (ctx) =>
      this.o.log.error({ err: ctx.execution?.error, subscription: sub.id }, 'digest run failed'),
    );
    this.tasks.set(sub.id, task);
  }

  unschedule(id: number): void {
    // A task running in-process stops at once; one in a background process reports its end as a promise.
    const destroyed = this.tasks.get(id)?.destroy();
    destroyed?.catch((err: unknown) => this.o.log.error({ err, subscription: id }, 'digest unschedule failed'));
    this.tasks.delete(id);
  }

  /** When a subscription posts next: from its running task, or (in a process that does not post) its schedule. */
  nextRun(sub: Subscription): Date | null {
    const running = this.tasks.get(sub.id);
    if (running) return running.getNextRun();
    if (sub.state !== 'active') return null;
    // node-cron tells the next run of a started task only; this one is destroyed before it could run
    const probe = cron.createTask(sub.schedule, () => undefined, { timezone: sub.timezone });
    void probe.start();
    const next = probe.getNextRun();
    void probe.destroy();
    return next;
  }

  stop(): void {
    this.started = false;
    clearInterval(this.sweeper);
    this.sweeper = undefined;
    for (const id of [...this.tasks.keys()]) this.unschedule(id);
  }

  /**
   * Posts, once, the latest slot of each subscription that was missed or left unsent by a crash; older slots left
   * pending are given up (a long outage posts one digest, not one per missed slot).
   */
  async catchUp(): Promise<void> {
    const now = this.now();
    for (const sub of await this.active()) {
      const slot = latestSlot(sub.schedule, sub.timezone, now, this.catchUpWindowMs);
      const latest = slot ? slotKey(slot) : null;
      for (const row of await this.abandoned(sub.id, now)) {
        if (row.slot !== latest) await this.giveUp(sub.id, row.slot, now, 'outside the catch-up window or superseded');
      }
      if (latest) await this.runSlot(sub.id, latest, true);
    }
  }

  /** The sweep under way, if any: a sweep never overlaps the one before it. */
  private sweeping: Promise<void> | undefined;

  private sweep(): void {
    if (this.sweeping) return;
    this.sweeping = this.retryAbandoned()
      .catch((err: unknown) => this.o.log.error({ err }, 'digest sweep failed'))
      .finally(() => (this.sweeping = undefined));
  }

  /** Posts, once, each slot whose claimer died before finishing it, if still inside the catch-up window. */
  async retryAbandoned(): Promise<void> {
    const now = this.now();
    for (const sub of await this.active()) {
      for (const row of await this.abandoned(sub.id, now)) {
        const at = Date.parse(row.slot.replace(/^now-/, ''));
        if (now.getTime() - at <= this.catchUpWindowMs) await this.runSlot(sub.id, row.slot, true);
        else await this.giveUp(sub.id, row.slot, now, 'outside the catch-up window');
      }
    }
  }

  /** Pending slots whose claim has run out, but for those this process is still sending. */
  private async abandoned(id: number, now: Date): Promise<SlotRow[]> {
    const cutoff = now.getTime() - this.claimLeaseMs;
    return (await this.o.store.slots(id, { state: 'pending' })).filter(
      (row) =>
        (row.claimedAt === null || Date.parse(row.claimedAt) <= cutoff) && !this.sending.has(`${id} ${row.slot}`),
    );
  }

  /** Closes an abandoned slot unsent, once it is this process's (another may have re-claimed it meanwhile). */
  private async giveUp(id: number, slot: string, now: Date, why: string): Promise<void> {
    if (!(await this.o.store.claimSlot(id, slot, now, this.claimLeaseMs))) return;
    await this.o.store.finishSlot(id, slot, 'failed', now, { reason: `left unsent by a stopped process; ${why}` });
  }

  /** Posts one digest now, outside the schedule (/digest now). */
  async postNow(id: number): Promise<SlotOutcome> {
    return this.runSlot(id, `now-${slotKey(this.now())}`);
  }

  /** Claims and posts one slot; `reclaim`: also a slot left pending by a claimer whose lease ran out. */
  async runSlot(id: number, slot: string, reclaim = false): Promise<SlotOutcome> {
    const run = this.claimAndPost(id, slot, reclaim);
    this.runs.add(run);
    try {
      return await run;
    } finally {
      this.runs.delete(run);
    }
  }

  /** Resolves once the slots under way have finished (after `stop`, before the store is closed). */
  async settled(): Promise<void> {
    await this.sweeping;
    await Promise.allSettled([...this.runs]);
  }

  private async claimAndPost(id: number, slot: string, reclaim: boolean): Promise<SlotOutcome> {
    const claimedAt = this.now().getTime();
    if (!(await this.o.store.claimSlot(id, slot, new Date(claimedAt), reclaim ? this.claimLeaseMs : undefined))) {
      return 'duplicate';
    }
    const key = `${id} ${slot}`;
    this.sending.add(key);
    try {
      return await this.post(id, slot, claimedAt);
    } finally {
      this.sending.delete(key);
    }
  }

  /** Composes and delivers a slot this process has claimed, and finishes it. */
  private async post(id: number, slot: string, claimedAt: number): Promise<SlotOutcome> {
    const { store, log } = this.o;
    const sub = await store.subscription(id);
    if (!sub || sub.state !== 'active') {
      await store.finishSlot(id, slot, 'failed', this.now(), { reason: 'subscription not active' });
      return 'failed';
    }
    let digest;
    try {
      digest = await composeDigest(store.as(subscriptionReader(sub)), sub);
    } catch (e) {
      await store.finishSlot(id, slot, 'failed', this.now(), { reason: `could not compose: ${(e as Error).message}` });
      log.error({ err: e, subscription: id, slot }, 'digest compose failed');
      return 'failed';
    }
    if (!digest.answer) {
      await store.finishSlot(id, slot, 'skipped', this.now(), { reason: 'nothing new', upTo: digest.upTo });
      return 'skipped';
    }
    const nonce = slotNonce(id, slot);
    const attempts = this.o.maxAttempts ?? 4;
    for (let attempt = 1; ; attempt++) {
      try {
        const { messageId } = await this.o.deliver(sub, digest.answer, nonce);
        await store.finishSlot(id, slot, 'sent', this.now(), { messageId, upTo: digest.upTo });
        log.info({ subscription: id, channel: sub.channelId, slot }, 'digest posted');
        return 'sent';
      } catch (e) {
        const status = e instanceof DeliveryError ? e.status : 0;
        const reason = `${status ? `HTTP ${status}: ` : ''}${(e as Error).message}`;
        if (status === 403 || status === 404) {
          const why = `${status === 403 ? 'missing access to the channel' : 'unknown channel'} (${reason})`;
          await store.disable(id, why);
          await store.finishSlot(id, slot, 'failed', this.now(), { reason: why });
          this.unschedule(id);
          log.warn({ subscription: id, channel: sub.channelId, reason: why }, 'digest subscription disabled');
          await this.o.onDisabled?.(sub, why);
          return 'disabled';
        }
        const retryable = status === 0 || status === 429 || status >= 500;
        const wait =
          e instanceof DeliveryError && e.retryAfterMs !== undefined
            ? e.retryAfterMs
            : (this.o.backoffMs ?? 1000) * 2 ** (attempt - 1);
        // past half the lease another process could soon take the slot over: stop rather than risk two posts
        const outOfTime = this.now().getTime() + wait - claimedAt >= this.claimLeaseMs / 2;
        if (!retryable || attempt >= attempts || outOfTime) {
          await store.finishSlot(id, slot, 'failed', this.now(), {
            reason: `${reason} (after ${plural(attempt, 'attempt')}${outOfTime && retryable ? '; out of time' : ''})`,
          });
          log.error({ subscription: id, slot, reason }, 'digest not delivered');
          return 'failed';
        }
        log.warn({ subscription: id, slot, reason, attempt, wait }, 'digest delivery failed; retrying');
        await this.sleep(wait);
      }
    }
  }
}
