import { z } from 'zod';

/**
 * The extraction contract (../shared/eval/extraction-contract.md): what ingestion extracts from ONE document
 * before it is merged into the store. Fields beyond the contract (sentences, precision, roleSentences) tie
 * every fact to the sentence it came from; the scorer ignores them.
 */
const sentenceIndex = z.number().int().nonnegative();

export const personSchema = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  roles: z.array(z.string().min(1)),
  affiliation: z.string().min(1).nullable(),
  mentions: z.number().int().nonnegative(),
  /** Sentences that mention the person, in order. */
  sentences: z.array(sentenceIndex),
  /** For each role, the sentence that gives it. */
  roleSentences: z.record(z.string(), sentenceIndex),
});

export const placeKinds = ['country', 'region', 'city', 'venue', 'other'] as const;
export const placeSchema = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  kind: z.enum(placeKinds),
  mentions: z.number().int().nonnegative(),
  sentences: z.array(sentenceIndex),
});

export const organizationSchema = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  mentions: z.number().int().nonnegative(),
  sentences: z.array(sentenceIndex),
});

export const proposalSchema = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  proposedBy: z.array(z.string().min(1)),
  status: z.string().min(1).nullable(),
  evidence: z.array(sentenceIndex),
});

export const quoteSchema = z.object({
  speaker: z.string().min(1).nullable(),
  text: z.string().min(1),
  sentence: sentenceIndex,
});

export const datePrecisions = ['day', 'month', 'year'] as const;
export const dateSchema = z.object({
  text: z.string().min(1),
  iso: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
    .nullable(),
  precision: z.enum(datePrecisions).nullable(),
  what: z.string().min(1).nullable(),
  sentence: sentenceIndex,
});

export const eventSchema = z.object({
  /** talks, meeting, visit, call, summit, vote, signing, announcement, resignation, attack, capture, … */
  kind: z.string().min(1),
  /** People, organisations or countries, as named in `people`, `organizations` and `places`. */
  participants: z.array(z.string().min(1)),
  place: z.string().min(1).nullable(),
  date: z
    .object({ text: z.string().min(1), iso: dateSchema.shape.iso, precision: dateSchema.shape.precision })
    .nullable(),
  sentence: sentenceIndex,
  /** Stated as still to come ("talks scheduled for…", "will meet"). */
  future: z.boolean(),
});

export const extractionSchema = z.object({
  document: z.object({
    id: z.string().min(1),
    title: z.string(),
    source: z.string().nullable(),
    publishedAt: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullable(),
  }),
  people: z.array(personSchema),
  places: z.array(placeSchema),
  organizations: z.array(organizationSchema),
  proposals: z.array(proposalSchema),
  quotes: z.array(quoteSchema),
  events: z.array(eventSchema),
  dates: z.array(dateSchema),
});

export type Extraction = z.infer<typeof extractionSchema>;
export type ExtractedPerson = z.infer<typeof personSchema>;
export type ExtractedPlace = z.infer<typeof placeSchema>;
export type ExtractedOrganization = z.infer<typeof organizationSchema>;
export type ExtractedProposal = z.infer<typeof proposalSchema>;
export type ExtractedQuote = z.infer<typeof quoteSchema>;
export type ExtractedDate = z.infer<typeof dateSchema>;
export type ExtractedEvent = z.infer<typeof eventSchema>;
export type PlaceKind = (typeof placeKinds)[number];
export type DatePrecision = (typeof datePrecisions)[number];
