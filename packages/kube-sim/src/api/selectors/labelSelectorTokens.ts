/** Splits the string form of a label selector into words and symbols. */

export type TokenKind =
  | 'word'
  | 'comma'
  | 'open'
  | 'close'
  | 'equals'
  | 'notEquals'
  | 'not'
  | 'unsupported'
  | 'end';

export interface Token {
  kind: TokenKind;
  text: string;
  position: number;
}

const SYMBOLS: Array<[string, TokenKind]> = [
  ['!=', 'notEquals'],
  ['==', 'equals'],
  ['=', 'equals'],
  ['!', 'not'],
  [',', 'comma'],
  ['(', 'open'],
  [')', 'close'],
  ['<', 'unsupported'],
  ['>', 'unsupported'],
];

const WORD_END = /[\s!=,()<>]/;

function readToken(text: string, position: number): Token {
  for (const [symbol, kind] of SYMBOLS) {
    if (text.startsWith(symbol, position)) {
      return { kind, text: symbol, position };
    }
  }
  let end = position;
  while (end < text.length && !WORD_END.test(text[end])) {
    end++;
  }
  return { kind: 'word', text: text.slice(position, end), position };
}

/** The tokens of a selector, ending with an `end` token. */
export function tokenizeLabelSelector(text: string): Token[] {
  const tokens: Token[] = [];
  let position = 0;
  while (position < text.length) {
    if (/\s/.test(text[position])) {
      position++;
      continue;
    }
    const token = readToken(text, position);
    tokens.push(token);
    position += token.text.length;
  }
  tokens.push({ kind: 'end', text: '', position: text.length });
  return tokens;
}
