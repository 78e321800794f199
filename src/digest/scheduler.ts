import crypto from 'node:crypto';
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from 'pino';
import type { Answer } from '../briefing/answer.ts';
import { plural } from '../briefing/format.ts';
import type { Store, Subscription } from '../store/store.ts';
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
}

const HOUR = 3_600_000;

/**
 * Posts digests on each subscription's cron schedule, exactly once per slot: the slot is recorded in the store
 * before sending and closed after; on start, the latest slot missed while down (inside the catch-up window) is
 * posted once.
 */
export class DigestScheduler {
  private readonly tasks = new Map<number, ScheduledTask>();
  private readonly now: () => Date;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly o: SchedulerOptions) {
    this.now = o.now ?? (() => new Date());
    this.sleep = o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  get catchUpWindowMs(): number {
    return this.o.catchUpWindowMs ?? 6 * HOUR;
  }

  async start(): Promise<void> {
    this.started = true;
    for (const sub of await this.active()) this.schedule(sub);
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
    for (const id of [...this.tasks.keys()]) this.unschedule(id);
  }

  /** Posts, once, the latest slot of each subscription that was missed or left unsent by a crash. */
  async catchUp(): Promise<void> {
    const now = this.now();
    for (const sub of await this.active()) {
      const slot = latestSlot(sub.schedule, sub.timezone, now, this.catchUpWindowMs);
      for (const row of await this.o.store.slots(sub.id)) {
        if (row.state === 'pending' && row.slot !== slot?.toISOString()) {
          await this.o.store.finishSlot(sub.id, row.slot, 'failed', now, {
            reason: 'not sent before a restart; outside the catch-up window or superseded',
          });
        }
      }
      if (slot) await this.runSlot(sub.id, slotKey(slot), true);
    }
  }

  /** Posts one digest now, outside the schedule (/digest now). */
  async postNow(id: number): Promise<SlotOutcome> {
    return this.runSlot(id, `now-${slotKey(this.now())}`);
  }

  async runSlot(id: number, slot: string, retryPending = false): Promise<SlotOutcome> {
    const { store, log } = this.o;
    if (!(await store.claimSlot(id, slot, this.now(), retryPending))) return 'duplicate';
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
    const nonce = crypto.createHash('sha256').update(`${id}:${slot}`).digest('hex').slice(0, 25);
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
        if (!retryable || attempt >= attempts) {
          await store.finishSlot(id, slot, 'failed', this.now(), {
            reason: `${reason} (after ${plural(attempt, 'attempt')})`,
          });
          log.error({ subscription: id, slot, reason }, 'digest not delivered');
          return 'failed';
        }
        const wait =
          e instanceof DeliveryError && e.retryAfterMs !== undefined
            ? e.retryAfterMs
            : (this.o.backoffMs ?? 1000) * 2 ** (attempt - 1);
        log.warn({ subscription: id, slot, reason, attempt, wait }, 'digest delivery failed; retrying');
        await this.sleep(wait);
      }
    }
  }
}
