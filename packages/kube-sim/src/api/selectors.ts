import { KubeObject } from './types';

/** Bad label or field selector syntax; the message says what is wrong and where. */
export class SelectorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SelectorError';
  }
}

export type LabelOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

/** `a=b` is held as `a In (b)` and `a!=b` as `a NotIn (b)`: they match the same objects. */
export interface LabelRequirement {
  key: string;
  operator: LabelOperator;
  values: string[];
}

/** All requirements must hold; no requirements matches everything. */
export interface LabelSelector {
  requirements: LabelRequirement[];
}

export interface LabelSelectorObject {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{
    key: string;
    operator: string;
    values?: string[];
  }>;
}

export type FieldOperator = '=' | '!=';

export interface FieldRequirement {
  field: string;
  operator: FieldOperator;
  value: string;
}

/** All requirements must hold; no requirements matches everything. */
export interface FieldSelector {
  requirements: FieldRequirement[];
}

// Label selectors

const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const MAX_LABEL_NAME_LENGTH = 63;
const MAX_LABEL_PREFIX_LENGTH = 253;

function isValidLabelKey(key: string): boolean {
  const slash = key.lastIndexOf('/');
  const name = slash === -1 ? key : key.slice(slash + 1);
  const prefix = slash === -1 ? undefined : key.slice(0, slash);
  const validName =
    name.length <= MAX_LABEL_NAME_LENGTH && LABEL_NAME.test(name);
  const validPrefix =
    prefix === undefined ||
    (prefix.length <= MAX_LABEL_PREFIX_LENGTH && DNS_SUBDOMAIN.test(prefix));
  return validName && validPrefix;
}

function isValidLabelValue(value: string): boolean {
  return (
    value === '' ||
    (value.length <= MAX_LABEL_NAME_LENGTH && LABEL_NAME.test(value))
  );
}

function checkLabelKey(key: string, where: string): void {
  if (!isValidLabelKey(key)) {
    throw new SelectorError(
      `invalid label key "${key}" ${where}: must be an optional DNS subdomain prefix and "/", then 1-63 alphanumeric characters, "-", "_" or "."`,
    );
  }
}

function checkLabelValue(value: string, where: string): void {
  if (!isValidLabelValue(value)) {
    throw new SelectorError(
      `invalid label value "${value}" ${where}: must be empty or 1-63 alphanumeric characters, "-", "_" or ".", starting and ending with an alphanumeric`,
    );
  }
}

type TokenKind =
  | 'word'
  | 'comma'
  | 'open'
  | 'close'
  | 'equals'
  | 'notEquals'
  | 'not'
  | 'unsupported'
  | 'end';

interface Token {
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

function tokenizeLabelSelector(text: string): Token[] {
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

class LabelSelectorParser {
  private index = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
  ) {}

  parse(): LabelSelector {
    const requirements: LabelRequirement[] = [];
    if (this.peek().kind === 'end') {
      return { requirements };
    }
    for (;;) {
      requirements.push(this.parseRequirement());
      const separator = this.next();
      if (separator.kind === 'end') {
        return { requirements };
      }
      if (separator.kind !== 'comma') {
        throw this.unexpected(separator, '"," or the end of the selector');
      }
    }
  }

  private parseRequirement(): LabelRequirement {
    if (this.peek().kind === 'not') {
      this.next();
      const key = this.parseKey();
      return { key, operator: 'DoesNotExist', values: [] };
    }
    const key = this.parseKey();
    const operator = this.peek();
    if (operator.kind === 'comma' || operator.kind === 'end') {
      return { key, operator: 'Exists', values: [] };
    }
    this.next();
    if (operator.kind === 'equals' || operator.kind === 'notEquals') {
      const value = this.parseExactValue();
      const kind = operator.kind === 'equals' ? 'In' : 'NotIn';
      return { key, operator: kind, values: [value] };
    }
    if (operator.kind === 'word' && operator.text === 'in') {
      return { key, operator: 'In', values: this.parseValueSet() };
    }
    if (operator.kind === 'word' && operator.text === 'notin') {
      return { key, operator: 'NotIn', values: this.parseValueSet() };
    }
    throw this.unexpected(operator, '"=", "==", "!=", "in", "notin" or ","');
  }

  private parseKey(): string {
    const token = this.next();
    if (token.kind !== 'word') {
      throw this.unexpected(token, 'a label key');
    }
    checkLabelKey(token.text, this.where(token));
    return token.text;
  }

  /** `a=` is allowed and means the label's value is empty. */
  private parseExactValue(): string {
    const token = this.peek();
    if (token.kind === 'comma' || token.kind === 'end') {
      return '';
    }
    return this.parseValue();
  }

  private parseValue(): string {
    const token = this.next();
    if (token.kind !== 'word') {
      throw this.unexpected(token, 'a label value');
    }
    checkLabelValue(token.text, this.where(token));
    return token.text;
  }

  private parseValueSet(): string[] {
    const open = this.next();
    if (open.kind !== 'open') {
      throw this.unexpected(open, '"(" to start the set of values');
    }
    const values = [this.parseValue()];
    for (;;) {
      const token = this.next();
      if (token.kind === 'close') {
        return values;
      }
      if (token.kind !== 'comma') {
        throw this.unexpected(token, '"," or ")" in the set of values');
      }
      values.push(this.parseValue());
    }
  }

  private peek(): Token {
    return this.tokens[this.index];
  }

  private next(): Token {
    const token = this.tokens[this.index];
    if (token.kind !== 'end') {
      this.index++;
    }
    return token;
  }

  private where(token: Token): string {
    return `at position ${token.position} in label selector "${this.text}"`;
  }

  private unexpected(token: Token, expected: string): SelectorError {
    const found = token.kind === 'end' ? 'end of selector' : `"${token.text}"`;
    return new SelectorError(
      `unexpected ${found} ${this.where(token)}: expected ${expected}`,
    );
  }
}

/** Parses the string form, e.g. `app=web,tier in (a,b),!canary`. */
export function parseLabelSelector(text: string): LabelSelector {
  return new LabelSelectorParser(text, tokenizeLabelSelector(text)).parse();
}

function requirementFromExpression(
  expression: NonNullable<LabelSelectorObject['matchExpressions']>[number],
  index: number,
): LabelRequirement {
  const where = `in matchExpressions[${index}]`;
  const { key, operator } = expression;
  const values = expression.values ?? [];
  checkLabelKey(key, where);
  values.forEach(value => checkLabelValue(value, where));
  switch (operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) {
        throw new SelectorError(
          `matchExpressions[${index}]: operator ${operator} needs at least one value`,
        );
      }
      return { key, operator, values: [...values] };
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) {
        throw new SelectorError(
          `matchExpressions[${index}]: operator ${operator} takes no values`,
        );
      }
      return { key, operator, values: [] };
    default:
      throw new SelectorError(
        `matchExpressions[${index}]: unknown operator "${operator}", expected In, NotIn, Exists or DoesNotExist`,
      );
  }
}

/** Converts the `{ matchLabels, matchExpressions }` form used in specs. */
export function labelSelectorFromObject(
  selector: LabelSelectorObject,
): LabelSelector {
  const fromLabels = Object.entries(selector.matchLabels ?? {}).map(
    ([key, value]): LabelRequirement => {
      checkLabelKey(key, 'in matchLabels');
      checkLabelValue(value, `in matchLabels.${key}`);
      return { key, operator: 'In', values: [value] };
    },
  );
  const fromExpressions = (selector.matchExpressions ?? []).map(
    requirementFromExpression,
  );
  return { requirements: [...fromLabels, ...fromExpressions] };
}

function matchesLabelRequirement(
  requirement: LabelRequirement,
  labels: Record<string, string>,
): boolean {
  const hasLabel = Object.prototype.hasOwnProperty.call(
    labels,
    requirement.key,
  );
  const value = labels[requirement.key];
  switch (requirement.operator) {
    case 'Exists':
      return hasLabel;
    case 'DoesNotExist':
      return !hasLabel;
    case 'In':
      return hasLabel && requirement.values.includes(value);
    case 'NotIn':
      return !hasLabel || !requirement.values.includes(value);
    default:
      return false;
  }
}

export function matchesLabelSelector(
  selector: LabelSelector,
  labels: Record<string, string> | undefined,
): boolean {
  return selector.requirements.every(requirement =>
    matchesLabelRequirement(requirement, labels ?? {}),
  );
}

// Field selectors

/** Splits on commas that are not escaped with a backslash. */
function splitFieldTerms(text: string): string[] {
  const terms: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\\' && i + 1 < text.length) {
      current += char + text[i + 1];
      i++;
    } else if (char === ',') {
      terms.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  terms.push(current);
  return terms;
}

const FIELD_OPERATORS: Array<[string, FieldOperator]> = [
  ['!=', '!='],
  ['==', '='],
  ['=', '='],
];

function findFieldOperator(
  term: string,
): { index: number; symbol: string; operator: FieldOperator } | undefined {
  for (let index = 0; index < term.length; index++) {
    if (term[index] === '\\') {
      index++;
      continue;
    }
    for (const [symbol, operator] of FIELD_OPERATORS) {
      if (term.startsWith(symbol, index)) {
        return { index, symbol, operator };
      }
    }
  }
  return undefined;
}

/** Field selector values escape `\`, `,` and `=` with a backslash; bare `=` is an error. */
function unescapeFieldValue(value: string, term: string): string {
  let result = '';
  for (let i = 0; i < value.length; i++) {
    const char = value[i];
    if (char === '=') {
      throw new SelectorError(
        `unexpected "=" in the value of field selector term "${term}": only =, == and != are supported, and a literal = is written \\=`,
      );
    }
    if (char !== '\\') {
      result += char;
      continue;
    }
    i++;
    const escaped = value[i] ?? '';
    if (escaped !== '\\' && escaped !== ',' && escaped !== '=') {
      throw new SelectorError(
        `invalid escape "\\${escaped}" in field selector term "${term}": a backslash may only escape "\\", "," or "="`,
      );
    }
    result += escaped;
  }
  return result;
}

function parseFieldTerm(term: string, text: string): FieldRequirement {
  const where = `in field selector "${text}"`;
  if (term.trim() === '') {
    throw new SelectorError(`empty term ${where}: remove the extra ","`);
  }
  const found = findFieldOperator(term);
  if (!found) {
    throw new SelectorError(
      `term "${term.trim()}" ${where} has no operator: expected field=value, field==value or field!=value`,
    );
  }
  const field = term.slice(0, found.index).trim();
  const rawValue = term.slice(found.index + found.symbol.length).trim();
  if (!/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(field)) {
    throw new SelectorError(
      `invalid field "${field}" in term "${term.trim()}" ${where}: expected a dotted path such as metadata.name`,
    );
  }
  return {
    field,
    operator: found.operator,
    value: unescapeFieldValue(rawValue, term.trim()),
  };
}

/** Parses e.g. `metadata.name=web,status.phase!=Running`. */
export function parseFieldSelector(text: string): FieldSelector {
  if (text.trim() === '') {
    return { requirements: [] };
  }
  return {
    requirements: splitFieldTerms(text).map(term => parseFieldTerm(term, text)),
  };
}

/** Missing fields, objects and arrays read as ''; numbers and booleans as their text. */
function readField(object: KubeObject, path: string): string {
  let current: unknown = object;
  for (const segment of path.split('.')) {
    if (current === null || typeof current !== 'object') {
      return '';
    }
    current = (current as Record<string, unknown>)[segment];
  }
  if (typeof current === 'string') {
    return current;
  }
  if (typeof current === 'number' || typeof current === 'boolean') {
    return String(current);
  }
  return '';
}

export function matchesFieldSelector(
  selector: FieldSelector,
  object: KubeObject,
): boolean {
  return selector.requirements.every(({ field, operator, value }) => {
    const actual = readField(object, field);
    return operator === '=' ? actual === value : actual !== value;
  });
}
