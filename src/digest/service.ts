import type { Answer } from '../briefing/answer.ts';
import type { Store, Subscription } from '../store/store.ts';
import { composeDigest, subscriptionReader } from './compose.ts';
import type { DigestScheduler, SlotOutcome } from './scheduler.ts';

/** What /digest needs: subscriptions in the store, kept in step with the running scheduler. */
export class DigestService {
  constructor(
    readonly store: Store,
    readonly scheduler: DigestScheduler,
    readonly defaultTimezone = 'UTC',
    private readonly now: () => Date = () => new Date(),
  ) {}

  async subscribe(input: {
    guildId: string | null;
    channelId: string;
    schedule: string;
    timezone?: string;
    postWhenEmpty?: boolean;
    createdBy: string | null;
  }): Promise<Subscription> {
    const sub = await this.store.subscribe(
      { ...input, timezone: input.timezone ?? this.defaultTimezone, postWhenEmpty: input.postWhenEmpty ?? false },
      this.now(),
    );
    this.scheduler.schedule(sub);
    return sub;
  }

  async unsubscribe(channelId: string): Promise<boolean> {
    const sub = (await this.store.subscriptions()).find((s) => s.channelId === channelId);
    if (sub) this.scheduler.unschedule(sub.id);
    return this.store.unsubscribe(channelId);
  }

  list(guildId: string | null): Promise<Subscription[]> {
    return this.store.subscriptions(guildId === null ? {} : { guildId });
  }

  async find(channelId: string): Promise<Subscription | undefined> {
    return (await this.store.subscriptions()).find((s) => s.channelId === channelId);
  }

  /** What the next digest of this channel would say, without posting or moving anything. */
  async preview(sub: Subscription): Promise<Answer | null> {
    return (await composeDigest(this.store.as(subscriptionReader(sub)), { ...sub, postWhenEmpty: true })).answer;
  }

  postNow(sub: Subscription): Promise<SlotOutcome> {
    return this.scheduler.postNow(sub.id);
  }

  nextRun(sub: Subscription): Date | null {
    return this.scheduler.nextRun(sub);
  }
}
