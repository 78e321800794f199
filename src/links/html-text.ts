import { parseHTML } from 'linkedom';

/** HTML → plain text with one blank line between paragraphs (block elements), single breaks for <br>. */

const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TR',
  'UL',
]);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG']);
const PARAGRAPH = '\u0000';
const LINE_BREAK = '\u0001';

interface TextNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<TextNode>;
}

function collect(node: TextNode, out: string[]): void {
  if (node.nodeType === 3) {
    out.push((node.textContent ?? '').replace(/\s+/g, ' '));
    return;
  }
  if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
  const name = node.nodeName.toUpperCase();
  if (SKIPPED.has(name)) return;
  if (name === 'BR') out.push(LINE_BREAK);
  const block = BLOCKS.has(name);
  if (block) out.push(PARAGRAPH);
  for (const child of Array.from(node.childNodes)) collect(child, out);
  if (block) out.push(PARAGRAPH);
}

function tidyParagraph(paragraph: string): string {
  return paragraph
    .split(LINE_BREAK)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** The text of a DOM node, paragraphs separated by blank lines. */
export function nodeText(node: unknown): string {
  const out: string[] = [];
  collect(node as TextNode, out);
  return out.join('').split(PARAGRAPH).map(tidyParagraph).filter(Boolean).join('\n\n');
}

/** The text of an HTML fragment or page. Source line breaks inside a paragraph are spaces, as a browser shows them. */
export function htmlToText(html: string): string {
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`);
  return nodeText(document.body);
}
