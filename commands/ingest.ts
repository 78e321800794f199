import { notice, type Answer } from '../src/briefing/answer.ts';
import type { AttachmentInput, CommandContext } from '../src/command.ts';
import { defineCommand } from '../src/commands-kit/define.ts';
import { attachment } from '../src/commands-kit/options.ts';
import { requireManageGuild } from '../src/preconditions.ts';
import { DOCUMENT_EXTENSIONS, sizeProblem } from '../src/documents/document.ts';

const list = (label: string, names: string[]) =>
  names.length
    ? `${label}: ${names.slice(0, 10).join(', ')}${names.length > 10 ? ` and ${names.length - 10} more` : ''}`
    : '';

async function ingest(ctx: CommandContext, file: AttachmentInput): Promise<Answer> {
  const ext = /\.[^.]+$/.exec(file.name)?.[0]?.toLowerCase() ?? '';
  if (!DOCUMENT_EXTENSIONS.some((allowed) => allowed === ext))
    return notice('Refused', `${file.name}: only .txt and .md files are read.`);
  const size = sizeProblem(file.size);
  if (size) return notice('Refused', `${file.name}: ${size}.`);
  let bytes: Buffer;
  try {
    bytes = await file.fetch();
  } catch (e) {
    return notice('Could not download the file', `${file.name}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const outcome = await ctx.briefing.ingest(file.name, bytes);
  if (!outcome.ok) return notice('Refused', `${file.name}: ${outcome.reason}. Nothing was stored.`);
  const r = outcome.result;
  if (r.status === 'unchanged')
    return notice('Already known', `${file.name} has the same text as ${r.sameAs}; nothing changed.`);
  const lines = [
    list('New people', r.added.people),
    list('New places', r.added.places),
    list('New proposals', r.added.proposals),
  ].filter(Boolean);
  return {
    title: r.status === 'replaced' ? `Updated ${file.name}` : `Added ${file.name}`,
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

export const { data, schema, handle, slow } = defineCommand({
  name: 'ingest',
  description: 'Admins: add an article (.txt or .md, up to 2 MB) to the store',
  adminOnly: true,
  slow: true,
  precondition: (ctx) => requireManageGuild(ctx, 'add documents'),
  options: { file: attachment({ description: 'The article as a .txt or .md file', required: true }) },
  handle: (ctx, { file }) => ingest(ctx, file),
});
