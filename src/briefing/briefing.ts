import { ingestAttachment, type IngestOutcome } from '../ingest/ingest.ts';
import { forgetDocument } from '../ingest/forget.ts';
import type { Reader } from '../store/corpus.ts';
import type { DocumentRow, EntityKind, ForgetResult, Store, StoreExamples, StoreStats } from '../store/store.ts';
import { fold, nameKey } from '../text/names.ts';
import type { Answer, AnswerSection } from './answer.ts';
import { examplesSection } from './examples.ts';
import { ask } from './ask.ts';
import { brief } from './brief.ts';
import { quotes } from './quote.ts';
import { sources } from './sources.ts';
import { timeline } from './timeline.ts';
import { whatIs, whatList } from './what.ts';
import { whereIs, whereList } from './where.ts';
import { whoIs, whoList } from './who.ts';

interface Suggestion {
  name: string;
  value: string;
}

/**
 * The questions parley answers, over one store. Platform-neutral: returns Answers, never messages. A briefing reads
 * what its store's reader reads (src/store/corpus.ts); `for(reader)` is the same briefing for another reader.
 */
export class Briefing {
  constructor(private readonly store: Store) {}

  /** The reader this briefing answers for: the corpora it reads, the one it writes. */
  get reader(): Reader {
    return this.store.reader;
  }

  /** The same briefing, reading what `reader` may read. */
  for(reader: Reader): Briefing {
    return reader === this.store.reader ? this : new Briefing(this.store.as(reader));
  }

  /** What the store holds and its most-mentioned names, for a banner. */
  async overview(): Promise<{ stats: StoreStats; examples: StoreExamples }> {
    return { stats: await this.store.stats(), examples: await this.store.examples() };
  }

  /** The help answer's "Try" section, from the store's own names. */
  examples(): Promise<AnswerSection> {
    return examplesSection(this.store);
  }

  who(name?: string): Promise<Answer> {
    return name?.trim() ? whoIs(this.store, name) : whoList(this.store);
  }
  where(place?: string): Promise<Answer> {
    return place?.trim() ? whereIs(this.store, place) : whereList(this.store);
  }
  what(proposal?: string): Promise<Answer> {
    return proposal?.trim() ? whatIs(this.store, proposal) : whatList(this.store);
  }
  quotes(speaker?: string, about?: string): Promise<Answer> {
    return quotes(this.store, speaker, about);
  }
  timeline(): Promise<Answer> {
    return timeline(this.store);
  }
  ask(question: string): Promise<Answer> {
    return ask(this.store, question);
  }
  brief(): Promise<Answer> {
    return brief(this.store);
  }
  sources(): Promise<Answer> {
    return sources(this.store);
  }
  async ingest(name: string, bytes: Buffer): Promise<IngestOutcome> {
    if (!this.store.reader.own) return { key: name, ok: false, reason: 'documents can be added in a server only' };
    return ingestAttachment(this.store, name, bytes);
  }

  /** The own corpus's documents whose title or key holds what was typed, newest first (never the shared ones). */
  ownDocuments(typed: string, max = 25): Promise<DocumentRow[]> {
    return this.store.ownDocuments(typed, max);
  }

  /** Removes one document of the own corpus and every fact only it supported; null when it holds no such document. */
  forget(documentId: number): Promise<ForgetResult | null> {
    if (!this.store.reader.own) return Promise.resolve(null);
    return forgetDocument(this.store, documentId);
  }

  /**
   * Autocomplete: names and aliases of the given kinds with a word starting with what was typed, prefix matches
   * first, one per entity. With nothing typed, the most mentioned of each kind, the first kind first.
   */
  async suggest(kinds: EntityKind | EntityKind[], typed: string, max = 25): Promise<Suggestion[]> {
    const list = [kinds].flat();
    // Keys fold spelling variants, so "kovalsky" finds "Kovalskyy".
    const t = nameKey(typed);
    if (!t) return (await this.topNames(list, max)).map((n) => ({ name: n, value: n }));
    const seen = new Map<number, { name: string; alias: string; rank: number }>();
    const names = (await Promise.all(list.map((k) => this.store.allNames(k, { wordPrefix: t, limit: 500 })))).flat();
    for (const n of names) {
      const a = nameKey(n.alias);
      const at = a.indexOf(t);
      if (at < 0) continue;
      const rank = at === 0 ? 0 : a.includes(` ${t}`) ? 1 : 2;
      const prev = seen.get(n.id);
      if (!prev || rank < prev.rank) seen.set(n.id, { name: n.name, alias: n.alias, rank });
    }
    return [...seen.values()]
      .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name))
      .slice(0, max)
      .map((s) => ({ name: fold(s.alias) === fold(s.name) ? s.name : `${s.name} (${s.alias})`, value: s.name }));
  }

  /** The most mentioned names of each kind; every later kind keeps a few places (up to 5) in the list. */
  private async topNames(kinds: EntityKind[], max: number): Promise<string[]> {
    const lists = await Promise.all(kinds.map((k) => this.store.topNames(k, max)));
    const out: string[] = [];
    lists.forEach((names, i) => {
      const reserved = lists.slice(i + 1).reduce((n, l) => n + Math.min(5, l.length), 0);
      out.push(...names.slice(0, Math.max(0, max - out.length - reserved)));
    });
    return [...new Set(out)];
  }

  async suggestProposal(typed: string, max = 25): Promise<Suggestion[]> {
    const t = fold(typed);
    return (await this.store.proposalNames())
      .filter((p) => !t || [p.name, ...p.aliases].some((n) => fold(n).includes(t)))
      .slice(0, max)
      .map((p) => ({ name: p.name, value: p.name }));
  }
}
