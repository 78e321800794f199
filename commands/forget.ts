import { notice, type Answer } from '../src/briefing/answer.ts';
import { plural } from '../src/briefing/format.ts';
import { clip } from '../src/text/clip.ts';
import type { CommandContext } from '../src/command.ts';
import { defineCommand } from '../src/commands-kit/define.ts';
import { string } from '../src/commands-kit/options.ts';
import { requireManageGuild } from '../src/preconditions.ts';

/** Discord's longest choice name. */
const CHOICE_NAME = 100;

/** Discord lists at most 25 choices; a typed name is looked for among as many. */
const CANDIDATES = 25;

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The document meant: a choice from the list (its id), else the one own document whose title, key or file name is
 * exactly what was typed. Removing is for good: part of a name never picks a document.
 */
async function chosen(ctx: CommandContext, typed: string): Promise<number | null> {
  if (/^\d+$/.test(typed.trim())) return Number(typed.trim());
  const found = (await ctx.briefing.ownDocuments(typed, CANDIDATES)).filter(
    (d) => same(d.title, typed) || same(d.key, typed) || same(d.key.split('/').pop() ?? '', typed),
  );
  return found.length === 1 ? found[0].id : null;
}

async function forget(ctx: CommandContext, typed: string): Promise<Answer> {
  if (!ctx.briefing.reader.own) return notice('Not here', 'Documents can be forgotten in a server only.');
  const id = await chosen(ctx, typed);
  const gone = id === null ? null : await ctx.briefing.forget(id);
  if (!gone)
    return {
      ...notice('No such document', "Choose one of this server's own documents from the list (/sources shows them)."),
      ephemeral: true,
    };
  const r = gone.removed;
  const what = [
    plural(r.entities, 'name'),
    plural(r.proposals, 'proposal'),
    plural(r.events, 'event'),
    plural(r.quotes, 'quote'),
    plural(r.dates, 'date'),
  ];
  return {
    title: clip(`Forgot ${gone.title}`, 256),
    description: `Removed with it, as only it supported them: ${what.join(', ')}. Facts other documents support stay.`,
    sections: [],
    citations: [],
    ephemeral: true,
  };
}

export const { data, schema, handle, autocomplete } = defineCommand({
  name: 'forget',
  description: "Admins: remove one of this server's documents and every fact only it supported",
  adminOnly: true,
  precondition: (ctx) => requireManageGuild(ctx, 'forget documents'),
  options: {
    document: string({
      description: "One of this server's own documents (the shared ones cannot be forgotten here)",
      required: true,
      maxLength: 200,
      autocomplete: async (ctx, typed) =>
        (await ctx.briefing.ownDocuments(typed, 25)).map((d) => ({
          name: clip(`${d.title} (${d.key})`, CHOICE_NAME),
          value: String(d.id),
        })),
    }),
  },
  handle: (ctx, { document }) => forget(ctx, document),
});
