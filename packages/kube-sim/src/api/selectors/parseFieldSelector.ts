import {
  FieldOperator,
  FieldRequirement,
  FieldSelector,
} from './fieldSelector';
import { SelectorError } from './SelectorError';

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
