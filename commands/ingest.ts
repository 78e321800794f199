import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { notice, type Answer } from '../src/briefing/answer.ts';
import type { AttachmentInput, CommandContext, CommandOptions } from '../src/command.ts';
import { requireManageGuild } from '../src/preconditions.ts';
import { DOCUMENT_EXTENSIONS, sizeProblem } from '../src/documents/document.ts';

export const data = new SlashCommandBuilder()
  .setName('ingest')
  .setDescription('Admins: add an article (.txt or .md, up to 2 MB) to the store')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addAttachmentOption((o) => o.setName('file').setDescription('The article as a .txt or .md file').setRequired(true));

export const slow = true;

const list = (label: string, names: string[]) =>
  names.length
    ? `${label}: ${names.slice(0, 10).join(', ')}${names.length > 10 ? ` and ${names.length - 10} more` : ''}`
    : '';

export async function handle(ctx: CommandContext, options: CommandOptions): Promise<Answer> {
  const refused = requireManageGuild(ctx, 'add documents');
  if (refused) return refused;
  const file = options.file as AttachmentInput | undefined;
  if (!file || typeof file !== 'object') return notice('No file', 'Attach a .txt or .md file.');
  const ext = /\.[^.]+$/.exec(file.name)?.[0]?.toLowerCase() ?? '';
  if (!(DOCUMENT_EXTENSIONS as readonly string[]).includes(ext))
    return notice('Refused', `${file.name}: only .txt and .md files are read.`);
  const size = sizeProblem(file.size);
  if (size) return notice('Refused', `${file.name}: ${size}.`);
  let bytes: Buffer;
  try {
    bytes = await file.fetch();
  } catch (e) {
    return notice('Could not download the file', `${file.name}: ${(e as Error).message}`);
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
