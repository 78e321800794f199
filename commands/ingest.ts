import { notice, type Answer } from '../src/briefing/answer.ts';
import type { AttachmentInput, CommandContext } from '../src/command.ts';
import { defineCommand } from '../src/commands-kit/define.ts';
import { attachment, string } from '../src/commands-kit/options.ts';
import type { IngestOutcome } from '../src/ingest/ingest.ts';
import { requireManageGuild } from '../src/preconditions.ts';
import { DOCUMENT_EXTENSIONS, sizeProblem } from '../src/documents/document.ts';

const list = (label: string, names: string[]) =>
  names.length
    ? `${label}: ${names.slice(0, 10).join(', ')}${names.length > 10 ? ` and ${names.length - 10} more` : ''}`
    : '';

const HTML_EXTENSIONS = ['.html', '.htm'];

async function ingest(ctx: CommandContext, file: AttachmentInput): Promise<Answer> {
  const ext = /\.[^.]+$/.exec(file.name)?.[0]?.toLowerCase() ?? '';
  const html = HTML_EXTENSIONS.includes(ext);
  if (!html && !DOCUMENT_EXTENSIONS.some((allowed) => allowed === ext))
    return notice('Refused', `${file.name}: only .txt, .md and .html files are read.`);
  const size = sizeProblem(file.size);
  if (size) return notice('Refused', `${file.name}: ${size}.`);
  let bytes: Buffer;
  try {
    bytes = await file.fetch();
  } catch (e) {
    return notice('Could not download the file', `${file.name}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const web = ctx.web;
  if (html && !web) return notice('Refused', `${file.name}: this instance does not read web pages.`);
  const outcome = html && web ? await web.ingestHtml(file.name, bytes) : await ctx.briefing.ingest(file.name, bytes);
  return ingested(file.name, outcome);
}

/** What one ingest did, as the reply: refused (why), already known, or added / updated with what is new. */
function ingested(name: string, outcome: IngestOutcome): Answer {
  if (!outcome.ok) return notice('Refused', `${name}: ${outcome.reason}. Nothing was stored.`);
  const r = outcome.result;
  if (r.status === 'unchanged')
    return notice('Already known', `${name} has the same text as ${r.sameAs}; nothing changed.`);
  const lines = [
    list('New people', r.added.people),
    list('New places', r.added.places),
    list('New proposals', r.added.proposals),
  ].filter(Boolean);
  return {
    title: r.status === 'replaced' ? `Updated ${name}` : `Added ${name}`,
    description: lines.length ? lines.join('\n') : 'Stored; it names no one and nothing new.',
    sections: r.conflicts
      ? [
          {
            heading: 'Disagreements',
            items: [{ text: `${r.conflicts} date(s) differ from other sources — see /timeline`, cite: [] }],
          },
        ]
      : [],
    citations: [],
    ephemeral: true,
  };
}

/** A feed given to /ingest: each of its items once, with how many were new. */
function feedIngested(url: string, title: string | undefined, outcomes: IngestOutcome[]): Answer {
  const count = (status: string) => outcomes.filter((o) => o.ok && o.result.status === status).length;
  const refused = outcomes.filter((o) => !o.ok);
  const counts = `${count('new')} added, ${count('replaced')} updated, ${count('unchanged')} already known`;
  const lines = [
    `${outcomes.length} items: ${counts}${refused.length ? `, ${refused.length} refused` : ''}`,
    ...refused.slice(0, 5).map((o) => `refused ${o.key}: ${o.ok ? '' : o.reason}`),
    'To follow it, use /feed add.',
  ];
  return { title: `Feed ${title ?? url}`, description: lines.join('\n'), sections: [], citations: [], ephemeral: true };
}

async function ingestUrl(ctx: CommandContext, url: string): Promise<Answer> {
  if (!ctx.web) return notice('Refused', 'This instance does not read links.');
  const got = await ctx.web.ingestLink(url, (done, total) => ctx.progress?.(`${done}/${total} fetched`));
  const shown = url.trim().slice(0, 200);
  return got.kind === 'feed' ? feedIngested(shown, got.title, got.outcomes) : ingested(shown, got.outcome);
}

export const { data, schema, handle, slow } = defineCommand({
  name: 'ingest',
  description: 'Admins: add an article (a link, or a .txt, .md or .html file up to 2 MB) to the store',
  adminOnly: true,
  slow: true,
  precondition: (ctx) => requireManageGuild(ctx, 'add documents'),
  options: {
    file: attachment({ description: 'The article as a .txt, .md or .html file' }),
    url: string({ description: 'A link to the article (or to a feed: each of its items)', maxLength: 2000 }),
  },
  handle: (ctx, { file, url }) => {
    if (file && url) return notice('One at a time', 'Give either a file or a url, not both.');
    if (url) return ingestUrl(ctx, url);
    if (file) return ingest(ctx, file);
    return notice('Nothing to add', 'Attach a file with file:, or give a link with url:.');
  },
});
