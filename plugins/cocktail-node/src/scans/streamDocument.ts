import { InputError } from '@backstage/errors';
import { Readable } from 'node:stream';
import Assembler from 'stream-json/Assembler';
import { parser } from 'stream-json/Parser';
import { ReportPath } from './reportFields';
import { ReportPattern } from './ReportReader';

interface Token {
  name: string;
  value?: string;
}

export interface StreamedItems {
  pattern: ReportPattern;
  /** Called with each complete item; throwing stops the stream. */
  onItem: (item: unknown, path: ReportPath) => void;
}

function matches(path: ReportPath, pattern: ReportPattern): boolean {
  return (
    path.length === pattern.length &&
    pattern.every((segment, index) =>
      segment === '*'
        ? typeof path[index] === 'number'
        : segment === path[index],
    )
  );
}

interface Frame {
  container: Record<string, unknown> | unknown[];
  path: ReportPath;
  key?: string;
  index: number;
}

/**
 * Builds a JSON document from parser tokens, except that items at the streamed patterns go to
 * their callback one by one (their arrays stay empty) and skipped parts are never built. Memory
 * holds the document's small parts and one item at a time, never the whole text.
 */
class DocumentBuilder {
  root: unknown = undefined;
  readonly #stack: Frame[] = [];
  #item?: {
    assembler: Assembler;
    path: ReportPath;
    onItem: StreamedItems['onItem'];
  };
  #skipDepth = 0;

  constructor(
    private readonly streamed: StreamedItems[],
    private readonly skipped: ReportPattern[],
  ) {}

  consume(token: Token): void {
    if (this.#item) {
      const { assembler } = this.#item;
      assembler.consume(token);
      if (assembler.done) {
        const { path, onItem } = this.#item;
        this.#item = undefined;
        onItem(assembler.current, path);
      }
      return;
    }
    if (this.#skipDepth) {
      if (token.name === 'startObject' || token.name === 'startArray') {
        this.#skipDepth += 1;
      } else if (token.name === 'endObject' || token.name === 'endArray') {
        this.#skipDepth -= 1;
      }
      return;
    }
    const top = this.#stack[this.#stack.length - 1];
    switch (token.name) {
      case 'keyValue':
        top.key = token.value;
        return;
      case 'endObject':
      case 'endArray':
        this.#stack.pop();
        return;
      default:
    }
    const path: ReportPath = top
      ? [...top.path, Array.isArray(top.container) ? top.index++ : top.key!]
      : [];
    const isStart = token.name === 'startObject' || token.name === 'startArray';
    const streamed = this.streamed.find(s => matches(path, s.pattern));
    if (streamed) {
      if (isStart) {
        this.#item = {
          assembler: new Assembler(),
          path,
          onItem: streamed.onItem,
        };
        this.#item.assembler.consume(token);
      } else {
        streamed.onItem(new Assembler().consume(token).current, path);
      }
      return;
    }
    if (isStart && this.skipped.some(pattern => matches(path, pattern))) {
      this.#skipDepth = 1;
      return;
    }
    let value: unknown;
    switch (token.name) {
      case 'startObject':
        value = {};
        break;
      case 'startArray':
        value = [];
        break;
      case 'stringValue':
        value = token.value;
        break;
      case 'numberValue':
        value = Number(token.value);
        break;
      case 'trueValue':
        value = true;
        break;
      case 'falseValue':
        value = false;
        break;
      default:
        value = null;
    }
    if (!top) {
      this.root = value;
    } else if (Array.isArray(top.container)) {
      top.container.push(value);
    } else {
      top.container[top.key!] = value;
    }
    if (isStart) {
      this.#stack.push({
        container: value as Frame['container'],
        path,
        index: 0,
      });
    }
  }
}

/**
 * Parses a JSON stream: returns the document without its streamed items, which were handed to
 * their callbacks as they arrived.
 */
export async function streamDocument(
  source: Readable,
  streamed: StreamedItems[],
  skipped: ReportPattern[],
): Promise<unknown> {
  const builder = new DocumentBuilder(streamed, skipped);
  const tokens = parser({ packValues: true, streamValues: false });
  await new Promise<void>((resolve, reject) => {
    let failed = false;
    const fail = (error: Error) => {
      if (failed) {
        return;
      }
      failed = true;
      source.unpipe(tokens);
      tokens.destroy();
      source.destroy();
      reject(
        error instanceof InputError
          ? error
          : new InputError(`not JSON: ${error.message}`),
      );
    };
    tokens.on('data', (token: Token) => {
      if (failed) {
        return;
      }
      try {
        builder.consume(token);
      } catch (error) {
        fail(error as Error);
      }
    });
    tokens.on('end', () => {
      if (!failed) {
        resolve();
      }
    });
    tokens.on('error', fail);
    source.on('error', (error: Error) => {
      if (!failed) {
        failed = true;
        tokens.destroy();
        reject(error);
      }
    });
    source.pipe(tokens);
  });
  return builder.root;
}
