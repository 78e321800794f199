import { ChannelType, InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { notice, type Answer } from '../src/briefing/answer.ts';
import type { CommandContext, CommandOptions } from '../src/command.ts';
import { requireManageGuild } from '../src/preconditions.ts';
import {
  canonicalTimeZone,
  describeSchedule,
  describeSlot,
  parseSchedule,
  PRESETS,
  TIME_ZONES,
} from '../src/digest/schedule.ts';
import { CONSOLE_CHANNEL } from '../src/console/channel.ts';
import type { Subscription } from '../src/store/store.ts';

const channelOption = (required: boolean) => (o: import('discord.js').SlashCommandChannelOption) =>
  o
    .setName('channel')
    .setDescription('The channel (default: this one)')
    .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement)
    .setRequired(required);

export const data = new SlashCommandBuilder()
  .setName('digest')
  .setDescription('Admins: scheduled briefings posted to a channel')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((s) =>
    s
      .setName('subscribe')
      .setDescription('Post digests to a channel on a schedule')
      .addStringOption((o) =>
        o
          .setName('schedule')
          .setDescription('daily, weekdays, hourly, or a cron expression like "0 8 * * 1-5"')
          .setRequired(true)
          .setAutocomplete(true)
          .setMaxLength(100),
      )
      .addChannelOption(channelOption(false))
      .addStringOption((o) =>
        o
          .setName('timezone')
          .setDescription('An IANA time zone, e.g. Europe/Paris')
          .setAutocomplete(true)
          .setMaxLength(64),
      )
      .addBooleanOption((o) =>
        o.setName('post_when_empty').setDescription('Post a one-line "no new developments" when nothing is new'),
      ),
  )
  .addSubcommand((s) =>
    s.setName('list').setDescription('This server’s digest subscriptions, their state and last post'),
  )
  .addSubcommand((s) =>
    s.setName('unsubscribe').setDescription('Stop the digest in a channel').addChannelOption(channelOption(false)),
  )
  .addSubcommand((s) =>
    s
      .setName('preview')
      .setDescription('What the next digest would say (only you see it)')
      .addChannelOption(channelOption(false)),
  )
  .addSubcommand((s) => s.setName('now').setDescription('Post the digest now').addChannelOption(channelOption(false)));

const channelName = (id: string) => (/^\d+$/.test(id) ? `<#${id}>` : id);

function describe(sub: Subscription, next: Date | null): string {
  const state = sub.state === 'active' ? 'active' : `**disabled** — ${sub.disabledReason ?? 'no reason stored'}`;
  const last = sub.lastSlot
    ? `last ${describeSlot(sub.lastSlot.slot)}: ${sub.lastSlot.state}${sub.lastSlot.reason ? ` (${sub.lastSlot.reason})` : ''}`
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

export async function handle(ctx: CommandContext, options: CommandOptions): Promise<Answer> {
  const refused = requireManageGuild(ctx, 'manage digests');
  if (refused) return refused;
  const digests = ctx.digests;
  if (!digests) return notice('Digests are not running', 'This instance has no scheduler.');
  const channelId = String(options.channel ?? ctx.channelId ?? '');
  if (!channelId) return notice('No channel', 'Name a channel with channel:…');

  switch (ctx.subcommand) {
    case 'subscribe': {
      const schedule = parseSchedule(String(options.schedule ?? ''), { allowSeconds: channelId === CONSOLE_CHANNEL });
      if ('error' in schedule) return { ...notice('Bad schedule', schedule.error), kind: 'error' };
      const typed = options.timezone === undefined ? undefined : String(options.timezone).trim();
      const timezone = typed === undefined ? undefined : canonicalTimeZone(typed);
      if (timezone === null) {
        return {
          ...notice(
            'Bad time zone',
            `“${String(typed).slice(0, 64)}” is not an IANA time zone. Pick one from the list, e.g. Europe/Paris or America/New_York.`,
          ),
          kind: 'error',
        };
      }
      const existing = await digests.find(channelId);
      const sub = await digests.subscribe({
        guildId: ctx.guildId,
        channelId,
        schedule: schedule.cron,
        timezone,
        postWhenEmpty: options.post_when_empty === true,
        createdBy: ctx.userId,
      });
      return existing
        ? notice(
            'Digest updated',
            `${channelName(channelId)} (one digest per channel): ${describe(sub, digests.nextRun(sub))}. It carries on from its last digest.`,
          )
        : notice(
            'Digest subscribed',
            `${channelName(channelId)}: ${describe(sub, digests.nextRun(sub))}. The first digest is the story so far.`,
          );
    }
    case 'list': {
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
    case 'unsubscribe':
      return (await digests.unsubscribe(channelId))
        ? notice('Digest stopped', `${channelName(channelId)} will get no more digests.`)
        : notice('No digest there', `${channelName(channelId)} has no digest subscription.`);
    case 'preview':
    case 'now': {
      const sub = await digests.find(channelId);
      if (!sub)
        return notice(
          'No digest there',
          `${channelName(channelId)} has no digest subscription. Use /digest subscribe first.`,
        );
      if (ctx.subcommand === 'preview') {
        const answer = await digests.preview(sub);
        return answer
          ? { ...answer, title: `Preview — ${answer.title}`, ephemeral: true }
          : notice('Nothing to preview', 'No documents yet.');
      }
      const outcome = await digests.postNow(sub);
      const said: Record<string, string> = {
        sent: 'Posted.',
        skipped: 'Nothing new since the last digest; nothing posted.',
        failed: 'Could not post it; see /digest list for the reason.',
        disabled: 'The channel refused the post; the subscription is disabled (see /digest list).',
        duplicate: 'A digest for this moment was already posted.',
      };
      return notice('Digest now', said[outcome]);
    }
    default:
      return notice('Which one?', 'Use /digest subscribe, list, unsubscribe, preview or now.');
  }
}

export async function autocomplete(_ctx: CommandContext, option: string, value: string) {
  const typed = value.trim().toLowerCase();
  if (option === 'timezone') {
    return TIME_ZONES.filter((z) => z.toLowerCase().includes(typed))
      .slice(0, 25)
      .map((z) => ({ name: z, value: z }));
  }
  const presets = Object.entries(PRESETS).map(([name, p]) => ({ name: `${name} — ${p.label}`, value: name }));
  const matching = presets.filter((p) => p.name.includes(typed));
  return typed && !matching.length ? [{ name: `cron: ${value.slice(0, 90)}`, value: value.slice(0, 100) }] : matching;
}
