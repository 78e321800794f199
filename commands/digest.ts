import { notice, type Answer } from '../src/briefing/answer.ts';
import type { CommandContext } from '../src/command.ts';
import { defineCommand, subcommand } from '../src/commands-kit/define.ts';
import { boolean, channel, string, type OptionValues } from '../src/commands-kit/options.ts';
import {
  canonicalTimeZone,
  describeSchedule,
  describeSlot,
  parseSchedule,
  PRESETS,
  TIME_ZONES,
} from '../src/digest/schedule.ts';
import type { DigestService } from '../src/digest/service.ts';
import type { SlotOutcome } from '../src/digest/scheduler.ts';
import { requireManageGuild } from '../src/preconditions.ts';
import type { Subscription } from '../src/store/store.ts';

const channelName = (id: string) => (/^\d+$/.test(id) ? `<#${id}>` : id);

function describe(sub: Subscription, next: Date | null): string {
  const state = sub.state === 'active' ? 'active' : `**disabled** — ${sub.disabledReason ?? 'no reason stored'}`;
  const slot = sub.lastSlot;
  const last = slot
    ? `last ${describeSlot(slot.slot)}: ${slot.state}${slot.reason ? ` (${slot.reason})` : ''}`
    : 'nothing posted yet';
  return [
    `${describeSchedule(sub.schedule)} (${sub.timezone})`,
    state,
    last,
    next ? `next ${next.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The digests service and the channel a subcommand acts on (the one named, else this one), or why there is none. */
function target(ctx: CommandContext, named?: string): { digests: DigestService; channelId: string } | Answer {
  const digests = ctx.digests;
  if (!digests) return notice('Digests are not running', 'This instance has no scheduler.');
  const channelId = named ?? ctx.channelId ?? '';
  if (!channelId) return notice('No channel', 'Name a channel with channel:…');
  return { digests, channelId };
}

const badTimeZone = (typed: string): Answer => ({
  ...notice(
    'Bad time zone',
    `“${typed.slice(0, 64)}” is not an IANA time zone. Pick one from the list, e.g. Europe/Paris or America/New_York.`,
  ),
  kind: 'error',
});

const channelOption = channel({ description: 'The channel (default: this one)', kinds: ['text', 'announcement'] });

const subscribeOptions = {
  schedule: string({
    description: 'daily, weekdays, hourly, or a cron expression like "0 8 * * 1-5"',
    required: true,
    autocomplete: suggestSchedule,
    maxLength: 100,
  }),
  channel: channelOption,
  timezone: string({
    description: 'An IANA time zone, e.g. Europe/Paris',
    autocomplete: suggestTimeZone,
    maxLength: 64,
  }),
  post_when_empty: boolean({ description: 'Post a one-line "no new developments" when nothing is new' }),
};

async function subscribe(ctx: CommandContext, options: OptionValues<typeof subscribeOptions>): Promise<Answer> {
  const found = target(ctx, options.channel);
  if (!('digests' in found)) return found;
  const { digests, channelId } = found;
  // Any valid schedule, seconds included, only for the operator's own terminal: no one else reads it.
  const allowSeconds = ctx.channelKind === 'local' && channelId === ctx.channelId;
  const schedule = parseSchedule(options.schedule, { allowSeconds });
  if ('error' in schedule) return { ...notice('Bad schedule', schedule.error), kind: 'error' };
  const typed = options.timezone?.trim();
  const timezone = typed === undefined ? undefined : canonicalTimeZone(typed);
  if (timezone === null) return badTimeZone(typed ?? '');
  const existing = await digests.find(channelId);
  const sub = await digests.subscribe({
    guildId: ctx.guildId,
    channelId,
    schedule: schedule.cron,
    timezone,
    postWhenEmpty: options.post_when_empty === true,
    createdBy: ctx.userId,
  });
  const where = `${channelName(channelId)}${existing ? ' (one digest per channel)' : ''}`;
  return existing
    ? notice('Digest updated', `${where}: ${describe(sub, digests.nextRun(sub))}. It carries on from its last digest.`)
    : notice(
        'Digest subscribed',
        `${where}: ${describe(sub, digests.nextRun(sub))}. The first digest is the story so far.`,
      );
}

async function list(ctx: CommandContext): Promise<Answer> {
  const found = target(ctx);
  if (!('digests' in found)) return found;
  const { digests } = found;
  const subs = await digests.list(ctx.guildId);
  if (!subs.length) return notice('No digests', 'Subscribe a channel with /digest subscribe.');
  // Channel mentions go in the description: it is rendered as markdown, so they show as links.
  return {
    title: 'Digest subscriptions',
    description: subs.map((s) => `${channelName(s.channelId)} — ${describe(s, digests.nextRun(s))}`).join('\n'),
    sections: [],
    citations: [],
    ephemeral: true,
  };
}

type ChannelOnly = OptionValues<{ channel: typeof channelOption }>;

async function unsubscribe(ctx: CommandContext, options: ChannelOnly): Promise<Answer> {
  const found = target(ctx, options.channel);
  if (!('digests' in found)) return found;
  const { digests, channelId } = found;
  return (await digests.unsubscribe(channelId))
    ? notice('Digest stopped', `${channelName(channelId)} will get no more digests.`)
    : notice('No digest there', `${channelName(channelId)} has no digest subscription.`);
}

/** The subscription of the channel a subcommand acts on, or why there is none. */
async function subscriptionOf(ctx: CommandContext, named?: string) {
  const found = target(ctx, named);
  if (!('digests' in found)) return found;
  const sub = await found.digests.find(found.channelId);
  if (!sub) {
    const why = `${channelName(found.channelId)} has no digest subscription. Use /digest subscribe first.`;
    return notice('No digest there', why);
  }
  return { digests: found.digests, sub };
}

async function preview(ctx: CommandContext, options: ChannelOnly): Promise<Answer> {
  const found = await subscriptionOf(ctx, options.channel);
  if (!('sub' in found)) return found;
  const answer = await found.digests.preview(found.sub);
  return answer
    ? { ...answer, title: `Preview — ${answer.title}`, ephemeral: true }
    : notice('Nothing to preview', 'No documents yet.');
}

const SAID: Record<SlotOutcome, string> = {
  sent: 'Posted.',
  skipped: 'Nothing new since the last digest; nothing posted.',
  failed: 'Could not post it; see /digest list for the reason.',
  disabled: 'The channel refused the post; the subscription is disabled (see /digest list).',
  duplicate: 'A digest for this moment was already posted.',
};

async function now(ctx: CommandContext, options: ChannelOnly): Promise<Answer> {
  const found = await subscriptionOf(ctx, options.channel);
  if (!('sub' in found)) return found;
  return notice('Digest now', SAID[await found.digests.postNow(found.sub)]);
}

function suggestTimeZone(_ctx: CommandContext, value: string) {
  const typed = value.trim().toLowerCase();
  return TIME_ZONES.filter((z) => z.toLowerCase().includes(typed))
    .slice(0, 25)
    .map((z) => ({ name: z, value: z }));
}

function suggestSchedule(_ctx: CommandContext, value: string) {
  const typed = value.trim().toLowerCase();
  const presets = Object.entries(PRESETS).map(([name, p]) => ({ name: `${name} — ${p.label}`, value: name }));
  const matching = presets.filter((p) => p.name.includes(typed));
  return typed && !matching.length ? [{ name: `cron: ${value.slice(0, 90)}`, value: value.slice(0, 100) }] : matching;
}

export const { data, schema, handle, autocomplete } = defineCommand({
  name: 'digest',
  description: 'Admins: scheduled briefings posted to a channel',
  adminOnly: true,
  precondition: (ctx) => requireManageGuild(ctx, 'manage digests'),
  subcommands: {
    subscribe: subcommand({
      description: 'Post digests to a channel on a schedule',
      options: subscribeOptions,
      handle: subscribe,
    }),
    list: subcommand({ description: 'This server’s digest subscriptions, their state and last post', handle: list }),
    unsubscribe: subcommand({
      description: 'Stop the digest in a channel',
      options: { channel: channelOption },
      handle: unsubscribe,
    }),
    preview: subcommand({
      description: 'What the next digest would say (only you see it)',
      options: { channel: channelOption },
      handle: preview,
    }),
    now: subcommand({ description: 'Post the digest now', options: { channel: channelOption }, handle: now }),
  },
});
