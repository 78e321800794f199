import { MessageFlags, type APIEmbed, type APIEmbedField } from 'discord.js';
import type { Answer, AnswerItem, AnswerSection, Citation } from '../../briefing/answer.ts';
import { plural } from '../../briefing/format.ts';
import { citedIndexes, markers, uncitedIndexes } from '../cite.ts';
import { BLANK, fieldsCost, layoutList } from './fields.ts';
import { DISCORD } from './limits.ts';
import { clip, inlineSafe, markdownSafe, oneLine } from '../safe-text.ts';

/** A payload for reply / editReply / followUp / channel.send. Never pings anyone. */
export interface DiscordMessage {
  embeds: APIEmbed[];
  allowedMentions: { parse: [] };
  flags?: MessageFlags.Ephemeral;
}

export const COLOURS = { answer: 0x4a7fc1, notice: 0x99aab5, error: 0xd64541 } as const;

/** With sections to show, a long description leaves them room. */
const DESCRIPTION_WITH_BODY = 2500;
const HEADING_MAX = 100;
const ITEM_MAX = 600;
/** A section too tight for a full item still shows the start of its first one. */
const ITEM_MIN = 120;
const LABEL_MAX = 120;
const SOURCE_TITLE_MAX = 60;
const SOURCE_PIECE_MAX = 90;
const URL_MAX = 400;
/** Sources may take at most this share of what is left after title and description. */
const SOURCES_SHARE = 0.4;
/** Every section gets at least this much room before later sections are cut. */
const MIN_SECTION_SHARE = 300;
const DROPPED_NOTE_RESERVE = 80;
const SOURCE_FIELD_SLOTS = 10;
const FIELD_SLOTS = DISCORD.fields * DISCORD.embeds;
const DEFAULT_HINT = 'narrow the question';

export function toDiscordMessage(answer: Answer): DiscordMessage {
  const title = clip(inlineSafe(answer.title), DISCORD.title) || 'parley';
  const hasBody = answer.sections.length > 0 || answer.citations.length > 0;
  const description = clip(
    markdownSafe(answer.description ?? ''),
    hasBody ? DESCRIPTION_WITH_BODY : DISCORD.description,
  );
  const footer = footerText(answer);

  let budget = DISCORD.total - title.length - description.length - footer.length;
  const sourcesReserve = answer.citations.length ? sourcesCost(answer, Math.floor(budget * SOURCES_SHARE)) : 0;
  const sections = layoutSections(answer, budget - sourcesReserve, FIELD_SLOTS - SOURCE_FIELD_SLOTS);
  budget -= fieldsCost(sections.fields);
  const sources = layoutSources(answer, sections.cited, budget, SOURCE_FIELD_SLOTS);

  const head: APIEmbed = description ? { title, description } : { title };
  const embeds = packEmbeds(head, [...sections.fields, ...sources], COLOURS[answer.kind ?? 'answer']);
  if (footer) embeds[embeds.length - 1].footer = { text: footer };

  const message: DiscordMessage = { embeds, allowedMentions: { parse: [] } };
  if (answer.ephemeral) message.flags = MessageFlags.Ephemeral;
  return message;
}

/** 25 fields per embed; the first embed carries the title and description. */
function packEmbeds(head: APIEmbed, fields: APIEmbedField[], color: number): APIEmbed[] {
  const embeds: APIEmbed[] = [{ ...head, color }];
  for (let i = 0; i < fields.length; i += DISCORD.fields) {
    const chunk = fields.slice(i, i + DISCORD.fields);
    if (i === 0) embeds[0].fields = chunk;
    else embeds.push({ color, fields: chunk });
  }
  return embeds;
}

function footerText(answer: Answer): string {
  const n = answer.citations.length;
  if (!n) return '';
  const documents = new Set(answer.citations.map((c) => c.documentId)).size;
  return `${plural(n, 'source')} from ${plural(documents, 'document')}`;
}

function itemLine(item: AnswerItem, answer: Answer, max: number): string {
  const label = item.label ? `**${clip(inlineSafe(item.label), LABEL_MAX)}** — ` : '';
  const marks = markers(citedIndexes(item, answer));
  const text = clip(inlineSafe(item.text), Math.max(max - label.length - marks.length, 1)) || '—';
  return `${label}${text}${marks}`;
}

/** "… and 3 more — hint"; `what` names what is left out, singular then plural ("more source", "more sources"). */
export function moreLine(hint: string | undefined, what: [string, string] = ['more', 'more']) {
  const tail = hint ? ` — ${clip(markdownSafe(oneLine(hint)), 200)}` : '';
  return (n: number) => `… and ${plural(n, what[0], what[1])}${tail}`;
}

function isShowable(section: AnswerSection): boolean {
  return section.items.length > 0 || (section.more?.count ?? 0) > 0;
}

/** Fair shares: each section may use what is left divided by the sections still to come. */
function layoutSections(answer: Answer, budget: number, slots: number) {
  const fields: APIEmbedField[] = [];
  const cited = new Set<number>();
  const showable = answer.sections.filter(isShowable);
  let remaining = budget - DROPPED_NOTE_RESERVE;
  let dropped = 0;

  showable.forEach((section, i) => {
    const left = showable.length - i;
    const share =
      left === 1 ? remaining : Math.min(remaining, Math.max(MIN_SECTION_SHARE, Math.floor(remaining / left)));
    const heading = clip(inlineSafe(section.heading), HEADING_MAX) || BLANK;
    const more = moreLine(section.more?.hint ?? DEFAULT_HINT);
    const room = share - heading.length - more(section.items.length + (section.more?.count ?? 0)).length - 1;
    const max = Math.min(ITEM_MAX, Math.max(ITEM_MIN, room));
    const lines = { length: section.items.length, at: (n: number) => itemLine(section.items[n], answer, max) };
    const layout = layoutList(heading, lines, section.more?.count ?? 0, more, share, slots - fields.length - 1);
    if (!layout) {
      dropped++;
      return;
    }
    fields.push(...layout.fields);
    remaining -= layout.cost;
    for (const item of section.items.slice(0, layout.shown)) for (const c of citedIndexes(item, answer)) cited.add(c);
  });

  if (dropped) {
    fields.push({ name: BLANK, value: `… and ${plural(dropped, 'more section')} — ${DEFAULT_HINT}` });
  }
  return { fields, cited };
}

function allIndexes(answer: Answer): number[] {
  return answer.citations.map((_, i) => i);
}

function sourceLine(citation: Citation, index: number): string {
  const name = clip(inlineSafe(citation.document), SOURCE_TITLE_MAX) || 'untitled';
  const url = linkTarget(citation.url);
  const piece = clip(inlineSafe(citation.sentence), SOURCE_PIECE_MAX);
  return `[${index + 1}] ${url ? `[${name}](${url})` : name}${piece ? ` — “${piece}”` : ''}`;
}

/** An http(s) URL that cannot break out of a markdown link, or null. */
function linkTarget(raw: string | null): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const href = url.href.replace(/\(/g, '%28').replace(/\)/g, '%29');
  return href.length <= URL_MAX ? href : null;
}

/** What listing every source would cost, counted no further than `cap`. */
function sourcesCost(answer: Answer, cap: number): number {
  let cost = 'Sources'.length;
  for (let i = 0; i < answer.citations.length && cost < cap; i++) cost += sourceLine(answer.citations[i], i).length + 1;
  return Math.min(cost, cap);
}

function layoutSources(answer: Answer, cited: Set<number>, budget: number, slots: number): APIEmbedField[] {
  const unused = uncitedIndexes(answer);
  const listed = allIndexes(answer).filter((i) => cited.has(i) || unused.has(i));
  if (!listed.length) return [];
  const lines = { length: listed.length, at: (n: number) => sourceLine(answer.citations[listed[n]], listed[n]) };
  return (
    layoutList('Sources', lines, 0, moreLine(undefined, ['more source', 'more sources']), budget, slots)?.fields ?? []
  );
}
