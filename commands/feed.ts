import { notice, type Answer } from '../src/briefing/answer.ts';
import { plural } from '../src/briefing/format.ts';
import type { CommandContext } from '../src/command.ts';
import { defineCommand, subcommand } from '../src/commands-kit/define.ts';
import { string } from '../src/commands-kit/options.ts';
import type { WebService } from '../src/feeds/service.ts';
import { requireManageGuild } from '../src/preconditions.ts';
import type { Feed } from '../src/store/feeds.ts';

const when = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

function state(feed: Feed): string {
  if (feed.disabledReason) return `**disabled** — ${feed.disabledReason}`;
  if (!feed.consecutiveFailures) return `next poll ${when(feed.nextPollAt)}`;
  const failing = `failing (${plural(feed.consecutiveFailures, 'time')} in a row: ${feed.lastError ?? '?'})`;
  return `${failing}; next try ${when(feed.nextPollAt)}`;
}

function describe(feed: Feed): string {
  const name = feed.title ? `**${feed.title}** — ${feed.url}` : feed.url;
  return `\`${feed.id}\` ${name} · ${plural(feed.items, 'item')} · ${state(feed)}`;
}

function withWeb(ctx: CommandContext, run: (web: WebService) => Promise<Answer> | Answer): Promise<Answer> | Answer {
  return ctx.web ? run(ctx.web) : notice('Feeds are not running', 'This instance keeps no feeds.');
}

async function add(ctx: CommandContext, { url }: { url: string }): Promise<Answer> {
  return withWeb(ctx, async (web) => {
    const added = await web.addFeed(ctx.guildId, url, ctx.userId);
    if (!added.ok) return notice('Feed not added', `${url.slice(0, 200)}: ${added.reason}.`);
    const { feed } = added;
    return notice(
      'Feed added',
      `${feed.title ? `**${feed.title}** — ` : ''}${feed.url}. Its articles are read now and then every ` +
        'poll; they reach the next digest like any document.',
    );
  });
}

function list(ctx: CommandContext): Promise<Answer> | Answer {
  return withWeb(ctx, async (web) => {
    const feeds = await web.listFeeds(ctx.guildId);
    if (!feeds.length) return notice('No feeds', 'Follow one with /feed add url:…');
    return {
      title: `Feeds (${feeds.length})`,
      description: feeds.map(describe).join('\n'),
      sections: [],
      citations: [],
      ephemeral: true,
    };
  });
}

function remove(ctx: CommandContext, { feed }: { feed: string }): Promise<Answer> | Answer {
  return withWeb(ctx, async (web) => {
    const removed = await web.removeFeed(ctx.guildId, feed);
    if (!removed) return notice('No such feed', `This server follows no feed “${feed.slice(0, 200)}”. See /feed list.`);
    return notice('Feed removed', `${removed.url} is no longer polled; what it brought stays in the store.`);
  });
}

async function suggestFeed(ctx: CommandContext, typed: string) {
  const t = typed.trim().toLowerCase();
  return ((await ctx.web?.listFeeds(ctx.guildId)) ?? [])
    .filter((f) => !t || `${f.id} ${f.title ?? ''} ${f.url}`.toLowerCase().includes(t))
    .slice(0, 25)
    .map((f) => ({ name: `${f.title ? `${f.title} — ` : ''}${f.url}`, value: String(f.id) }));
}

export const { data, schema, handle, autocomplete, slow } = defineCommand({
  name: 'feed',
  description: 'Admins: RSS, Atom and JSON feeds whose new articles are read into the store',
  adminOnly: true,
  slow: true,
  precondition: (ctx) => requireManageGuild(ctx, 'manage feeds'),
  subcommands: {
    add: subcommand({
      description: 'Follow a feed: each new article is read into the store (at most 25 feeds)',
      options: {
        url: string({ description: 'The feed’s address (RSS, Atom or JSON Feed)', required: true, maxLength: 2000 }),
      },
      handle: add,
    }),
    list: subcommand({ description: 'This server’s feeds, their state and next poll', handle: list }),
    remove: subcommand({
      description: 'Stop following a feed',
      options: {
        feed: string({ description: 'The feed', required: true, autocomplete: suggestFeed, maxLength: 2000 }),
      },
      handle: remove,
    }),
  },
});
