/**
 * A small, linear tokenizer for news prose. Every token keeps its character offsets into the document body.
 * Possessive endings ("Trump’s", "Trump's", "Trump‘s") are not separate tokens: the word token carries `poss`.
 */
export interface Token {
  /** The surface text, without a possessive ending. */
  text: string;
  /** Lowercased, accents folded, dots removed ("U.S." → "us"). */
  key: string;
  start: number;
  end: number;
  kind: 'word' | 'num' | 'punct';
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** Two or more letters, all upper case ("NATO", "U.S."). */
  upper: boolean;
  /** Followed by a possessive ’s / 's. */
  poss: boolean;
  /** Index in its sentence. */
  i: number;
}

/** Abbreviations that keep their final period as part of the token. */
const DOTTED = new Set(
  (
    'mr mrs ms dr prof gen lt col sgt capt cmdr adm maj gov sen rep rev hon st jr sr amb pres sec min dept no ' +
    'vs inc ltd co corp jan feb mar apr jun jul aug sep sept oct nov dec'
  ).split(' '),
);

export function foldKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/\./g, '');
}

// One alternative per token class, tried in order at each position.
const TOKEN_RE =
  /(\p{L}\.(?:\p{L}\.)+)|(\d[\d,.:]*\d(?:-[\p{L}\d]+)*|\d(?:-[\p{L}\d]+)*)|([\p{L}\p{M}][\p{L}\p{M}\d]*(?:[-’'‘][\p{L}\p{M}\d]+)*)|(\S)/gu;

/** Tokenizes `text`, which starts at `offset` in the document. */
export function tokenize(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m; (m = TOKEN_RE.exec(text));) {
    let surface = m[0];
    const start = m.index;
    const kind: Token['kind'] = m[4] !== undefined ? 'punct' : m[2] !== undefined ? 'num' : 'word';
    let poss = false;
    if (kind === 'word' && m[3] !== undefined) {
      const pm = /[’'‘]s$/i.exec(surface);
      if (pm && surface.length > 2) {
        surface = surface.slice(0, -2);
        poss = true;
      } else if (/[’']$/.test(surface)) {
        surface = surface.slice(0, -1);
      }
      // "Sen." "Gen." "J." keep their period
      const after = text[m.index + m[0].length];
      if (after === '.' && !poss && (DOTTED.has(surface.toLowerCase()) || /^\p{Lu}$/u.test(surface))) {
        surface += '.';
        TOKEN_RE.lastIndex++;
      }
    }
    const end = start + surface.length;
    const letters = surface.replace(/[^\p{L}]/gu, '');
    out.push({
      text: surface,
      key: foldKey(surface),
      start: start + offset,
      end: end + offset,
      kind,
      cap: /^\p{Lu}/u.test(surface),
      upper: letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase(),
      poss,
      i: out.length,
    });
    void start;
  }
  return out;
}
