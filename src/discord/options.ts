import { ApplicationCommandOptionType, type Attachment, type CommandInteractionOption } from 'discord.js';
import type { AttachmentInput, CommandOptions } from '../command.ts';
import { MAX_DOCUMENT_BYTES, megabytes } from '../documents/document.ts';

const ATTACHMENT_TIMEOUT_MS = 15_000;

interface ReadOptions {
  options: CommandOptions;
  subcommand: string | null;
}

/** The interaction's options as a plain record (channels, users and roles as id strings), and the subcommand. */
export function readOptions(interaction: { options: { data: readonly CommandInteractionOption[] } }): ReadOptions {
  const options: CommandOptions = {};
  let subcommand: string | null = null;
  const visit = (list: readonly CommandInteractionOption[]) => {
    for (const option of list) {
      if (option.type === ApplicationCommandOptionType.SubcommandGroup) {
        visit(option.options ?? []);
      } else if (option.type === ApplicationCommandOptionType.Subcommand) {
        subcommand = option.name;
        visit(option.options ?? []);
      } else if (option.type === ApplicationCommandOptionType.Attachment) {
        if (option.attachment) options[option.name] = attachmentInput(option.attachment);
      } else if (option.value !== undefined) {
        options[option.name] = option.value;
      }
    }
  };
  visit(interaction.options.data);
  return { options, subcommand };
}

export function attachmentInput(
  attachment: Pick<Attachment, 'name' | 'size' | 'contentType' | 'url'>,
): AttachmentInput {
  return {
    name: attachment.name,
    size: attachment.size,
    contentType: attachment.contentType,
    fetch: () => fetchCapped(attachment.url),
  };
}

/** Downloads `url`, refusing more than `maxBytes` (checked on the header and again while reading). */
export async function fetchCapped(
  url: string,
  maxBytes = MAX_DOCUMENT_BYTES,
  timeoutMs = ATTACHMENT_TIMEOUT_MS,
): Promise<Buffer> {
  const tooLarge = () => new Error(`the file is larger than ${megabytes(maxBytes)}`);
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) throw new Error(`the download failed (HTTP ${response.status})`);
    if (Number(response.headers.get('content-length') ?? 0) > maxBytes) throw tooLarge();
    if (!response.body) return Buffer.alloc(0);
    const chunks: Uint8Array[] = [];
    let total = 0;
    for await (const chunk of response.body) {
      total += chunk.length;
      if (total > maxBytes) throw tooLarge();
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  } catch (e) {
    if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')) {
      throw new Error(`the download took longer than ${timeoutMs / 1000} s`, { cause: e });
    }
    throw e;
  }
}
