/**
 * A platform-neutral answer: what every briefing returns and every presenter (Discord embeds, console text,
 * JSON) renders. Items cite sentences by index into `citations`.
 */
export interface Citation {
  documentId: number;
  document: string;
  url: string | null;
  /** 0-based sentence index inside its document. */
  sentenceIndex: number;
  sentence: string;
}

export interface AnswerItem {
  /** A short label: a name, a place, a proposal. */
  label?: string;
  text: string;
  /** Indexes into Answer.citations. */
  cite: number[];
}

export interface AnswerSection {
  heading: string;
  items: AnswerItem[];
  /** How many more items exist than are listed, and how to narrow the question. */
  more?: { count: number; hint: string };
}

export interface Answer {
  title: string;
  description?: string;
  sections: AnswerSection[];
  citations: Citation[];
  /** Shown only to the person who asked (errors, admin replies, previews). */
  ephemeral?: boolean;
  /** Set when the answer is a refusal or a failure rather than content. */
  kind?: 'answer' | 'notice' | 'error';
}

/** Collects citations, reusing the index of a sentence already cited. */
export class CitationList {
  readonly list: Citation[] = [];
  private readonly index = new Map<string, number>();

  add(c: Citation): number {
    const key = `${c.documentId}:${c.sentenceIndex}`;
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.list.push(c) - 1;
      this.index.set(key, i);
    }
    return i;
  }
}

export function notice(title: string, description: string, ephemeral = true): Answer {
  return { title, description, sections: [], citations: [], ephemeral, kind: 'notice' };
}
