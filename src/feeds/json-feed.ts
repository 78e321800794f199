import { z } from 'zod';

/** JSON Feed 1.0 / 1.1 (https://jsonfeed.org/version/1.1): only the fields parley reads; the rest is ignored. */
const item = z.object({
  // The spec says a string; some feeds write a number.
  id: z.union([z.string(), z.number()]).transform(String).optional(),
  url: z.string().optional(),
  external_url: z.string().optional(),
  title: z.string().optional(),
  content_html: z.string().optional(),
  content_text: z.string().optional(),
  summary: z.string().optional(),
  date_published: z.string().optional(),
  date_modified: z.string().optional(),
});

export const jsonFeedSchema = z.object({
  version: z.string().startsWith('https://jsonfeed.org/version/', 'a JSON Feed version URL'),
  title: z.string().optional(),
  items: z.array(item),
});

export type JsonFeed = z.infer<typeof jsonFeedSchema>;
export type JsonFeedItem = JsonFeed['items'][number];
