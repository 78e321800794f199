import type { App } from '../app.ts';
import type { IngestOutcome } from '../ingest/ingest.ts';
import { progressReporter } from '../ingest/progress.ts';
import type { Feed } from '../store/feeds.ts';
import type { PollResult } from './poller.ts';
import type { WebService } from './service.ts';

/** `npm run cli -- ingest URL` and `npm run cli -- feed add|list|remove|poll`: what they print. */

const out = (line: string) => process.stdout.write(`${line}\n`);

/** Each URL: the article's outcome, or each item of a feed (with a progress bar). */
export async function ingestUrls(web: WebService, urls: string[]): Promise<IngestOutcome[]> {
  const outcomes: IngestOutcome[] = [];
  for (const url of urls) {
    const got = await web.ingestLink(url, progressReporter('fetched'));
    if (got.kind === 'article') outcomes.push(got.outcome);
    else {
      out(`feed       ${url}: ${got.title ?? 'untitled'}, ${got.outcomes.length} items`);
      outcomes.push(...got.outcomes);
    }
  }
  return outcomes;
}

function describeFeed(f: Feed): string {
  const state = f.disabledReason
    ? `disabled: ${f.disabledReason}`
    : `${f.consecutiveFailures ? `${f.consecutiveFailures} failures (${f.lastError}), ` : ''}next poll ${f.nextPollAt}`;
  const guild = f.guildId ? ` [guild ${f.guildId}]` : '';
  return `${String(f.id).padStart(3)}  ${f.url}${f.title ? ` — ${f.title}` : ''}${guild}: ${f.items} items, ${state}`;
}

function describePoll(r: PollResult): string {
  const head = `${r.status.padEnd(12)} ${r.feed.url}`;
  if (r.status === 'failed' || r.status === 'disabled') return `${head}: ${r.reason}`;
  if (r.status === 'not-modified') return `${head}: not modified`;
  const added = r.outcomes.filter((o) => o.ok && o.result.status !== 'unchanged').length;
  const refused = r.outcomes.filter((o) => !o.ok);
  const lines = [`${head}: ${r.outcomes.length} new items, ${added} stored, ${refused.length} refused`];
  for (const o of refused) lines.push(`  refused ${o.key}: ${o.ok ? '' : o.reason}`);
  return lines.join('\n');
}

export interface FeedInvocation {
  args: string[];
  flags: Set<string>;
  guild: string | null;
}

/** Runs one `feed` subcommand; the exit code (1 when something failed, 2 for a usage mistake). */
export async function feedCommand(app: App, { args, flags, guild }: FeedInvocation): Promise<number> {
  const web = app.web;
  const [sub, target] = args;
  if (!web || !app.poller) throw new Error('this store keeps no feeds');
  if (sub === 'list') {
    const feeds = await web.listFeeds(guild);
    if (!feeds.length) out('no feeds');
    for (const f of feeds) out(describeFeed(f));
    return 0;
  }
  if (sub === 'poll') {
    const bar = progressReporter('fetched');
    const results = await app.poller.pollDue({ all: flags.has('--all'), onProgress: (_f, d, t) => bar(d, t) });
    if (!results.length) out('no feed is due');
    for (const r of results) out(describePoll(r));
    return results.some((r) => r.status === 'failed' || r.status === 'disabled') ? 1 : 0;
  }
  if ((sub === 'add' || sub === 'remove') && target)
    return sub === 'add' ? add(web, guild, target) : remove(web, guild, target);
  process.stderr.write('usage: feed add|list|remove [--guild ID] URL, or feed poll [--all]\n');
  return 2;
}

async function add(web: WebService, guild: string | null, url: string): Promise<number> {
  const added = await web.addFeed(guild, url, 'cli');
  if (!added.ok) {
    out(`not added  ${url}: ${added.reason}`);
    return 1;
  }
  out(`added      ${describeFeed(added.feed)}`);
  return 0;
}

async function remove(web: WebService, guild: string | null, idOrUrl: string): Promise<number> {
  const removed = await web.removeFeed(guild, idOrUrl);
  out(removed ? `removed    ${removed.url}` : `no feed ${idOrUrl}${guild ? ` in guild ${guild}` : ''}`);
  return removed ? 0 : 1;
}
