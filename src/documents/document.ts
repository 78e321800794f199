import crypto from 'node:crypto';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { splitSentences } from '../text/sentences.ts';

/** The one size limit, for files and attachments alike: a long article is well under it, a book is not. */
export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;
export const DOCUMENT_EXTENSIONS = ['.txt', '.md'] as const;

const isoDay = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v.trim()))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'a date as YYYY-MM-DD'))
  .transform((s) => s.slice(0, 10))
  .refine((s) => !Number.isNaN(Date.parse(s)), 'a real calendar date');

const frontMatterSchema = z
  .object({
    title: z.string().trim().min(1).max(300).optional(),
    source: z.string().trim().min(1).max(200).optional(),
    url: z.url({ protocol: /^https?$/ }).optional(),
    published: isoDay.optional(),
    tags: z
      .union([
        z.array(z.string().trim().min(1)),
        z.string().transform((s) =>
          s
            .split(',')
            .map((t) => t.trim())
            .filter(Boolean),
        ),
      ])
      .optional(),
  })
  .strict();

type FrontMatter = z.infer<typeof frontMatterSchema>;

export interface SourceDocument {
  /** Where it came from: a file path, or an attachment's content hash. A new version of a key replaces the old. */
  key: string;
  title: string;
  source: string | null;
  url: string | null;
  publishedAt: string | null;
  tags: string[];
  /** The article text, front matter removed, line endings normalised. Sentence offsets point into it. */
  body: string;
  contentHash: string;
}

export class DocumentError extends Error {
  constructor(
    readonly key: string,
    readonly reason: string,
  ) {
    super(`${key}: ${reason}`);
    this.name = 'DocumentError';
  }
}

/** A size in megabytes, to one decimal where it has one ("2 MB", "3.4 MB"). */
export function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

export function sizeProblem(bytes: number): string | null {
  return bytes > MAX_DOCUMENT_BYTES
    ? `the file is ${(bytes / 1048576).toFixed(1)} MB; the limit is ${megabytes(MAX_DOCUMENT_BYTES)}`
    : null;
}

/** The one document-id rule: a document's key without folder and extension ("data/documents/a.txt" → "a"). */
export function documentId(key: string): string {
  return path.basename(key).replace(/\.[^.]+$/, '');
}

function looksBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) return true;
  let control = 0;
  for (const b of sample) if (b < 9 || (b > 13 && b < 32)) control++;
  return sample.length > 0 && control / sample.length > 0.1;
}

function splitFrontMatter(text: string): { meta: string | null; body: string; unclosed?: boolean } {
  const m = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text);
  if (m) return { meta: m[1], body: text.slice(m[0].length) };
  if (/^---[ \t]*\n/.test(text)) return { meta: null, body: text, unclosed: true };
  return { meta: null, body: text };
}

function titleFromBody(body: string): string {
  const heading = body.replace(/^#+\s*/, '');
  const sentence = splitSentences(heading)[0]?.text ?? heading;
  return sentence.length > 120 ? `${sentence.slice(0, 117).trimEnd()}…` : sentence;
}

/**
 * Validates raw bytes as a document; throws DocumentError with a reason a person can act on. The title is the
 * front matter's, else `opts.title`, else the first sentence.
 */
export function parseDocument(key: string, bytes: Buffer, opts: { title?: string } = {}): SourceDocument {
  const ext = path.extname(key).toLowerCase();
  if (!(DOCUMENT_EXTENSIONS as readonly string[]).includes(ext)) {
    throw new DocumentError(key, `unsupported file type "${ext || '(none)'}": only .txt and .md are read`);
  }
  if (bytes.length === 0) throw new DocumentError(key, 'the file is empty');
  const size = sizeProblem(bytes.length);
  if (size) throw new DocumentError(key, size);
  if (looksBinary(bytes)) throw new DocumentError(key, 'the file looks binary, not text');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DocumentError(key, 'the file is not valid UTF-8 text');
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const { meta, body: rawBody, unclosed } = splitFrontMatter(text);
  if (unclosed) throw new DocumentError(key, 'bad front matter: it opens with --- but has no closing --- line');
  let fm: FrontMatter = {};
  if (meta !== null) {
    let data: unknown;
    try {
      data = parseYaml(meta) ?? {};
    } catch (e) {
      data = plainFrontMatter(meta);
      if (!data)
        throw new DocumentError(key, `bad front matter: ${(e as Error).message.split('\n')[0].replace(/[\s:]+$/, '')}`);
    }
    const parsed = frontMatterSchema.safeParse(data);
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'front matter'}: ${i.message}`).join('; ');
      throw new DocumentError(key, `bad front matter: ${detail}`);
    }
    fm = parsed.data;
  }
  const body = rawBody.trim();
  if (!body) throw new DocumentError(key, 'the document has no text');
  return {
    key,
    title: fm.title ?? opts.title ?? titleFromBody(body),
    source: fm.source ?? null,
    url: fm.url ?? null,
    publishedAt: fm.published ?? null,
    tags: fm.tags ?? [],
    body,
    contentHash: crypto.createHash('sha256').update(text).digest('hex'),
  };
}

/**
 * "title: Update: talks resume" is not valid YAML (a second ": " in a plain value), but it is how people write a
 * headline. Front matter whose every line is "key: value" is read line by line, the value being the rest of the line.
 */
function plainFrontMatter(meta: string): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const line of meta.split('\n')) {
    if (!line.trim()) continue;
    const m = /^([A-Za-z_][\w-]*):[ \t]+(.*)$/.exec(line);
    // a value opening a YAML list, map or quote that does not close is broken, not a headline
    if (!m || /^[[{&*!|>]/.test(m[2]) || /^(["'])(?!.*\1\s*$)/.test(m[2])) return null;
    out[m[1]] = m[2].trim().replace(/^(["'])(.*)\1$/, '$2');
  }
  return out;
}
