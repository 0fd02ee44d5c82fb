import { LabelRequirement, LabelSelector } from './labelSelector';
import { Token, tokenizeLabelSelector } from './labelSelectorTokens';
import { checkLabelKey, checkLabelValue } from './labelSyntax';
import { SelectorError } from './SelectorError';

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
