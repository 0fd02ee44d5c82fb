/**
 * Reading and changing a document at a JSON pointer (RFC 6901), for JSON patch. The functions
 * that change the document do so in place and return it.
 */
import { isPlainObject } from '../jsonValues';
import { PatchError } from './PatchError';

export function parsePointer(pointer: string): string[] {
  if (pointer === '') {
    return [];
  }
  if (!pointer.startsWith('/')) {
    throw new PatchError(`"${pointer}" is not a JSON pointer`);
  }
  return pointer
    .slice(1)
    .split('/')
    .map(token => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function formatPointer(path: string[]): string {
  return path
    .map(token => `/${token.replace(/~/g, '~0').replace(/\//g, '~1')}`)
    .join('');
}

export function isProperPrefix(prefix: string[], path: string[]): boolean {
  return (
    prefix.length < path.length && prefix.every((token, i) => token === path[i])
  );
}

export function getValue(document: unknown, path: string[]): unknown {
  let current = document;
  path.forEach((token, depth) => {
    current = getChild(current, token, path.slice(0, depth + 1));
  });
  return current;
}

function getChild(container: unknown, token: string, path: string[]): unknown {
  if (Array.isArray(container)) {
    return container[existingIndex(container, token, path)];
  }
  if (isPlainObject(container) && Object.hasOwn(container, token)) {
    return container[token];
  }
  throw new PatchError(`path "${formatPointer(path)}" does not exist`);
}

function existingIndex(array: unknown[], token: string, path: string[]) {
  const index = parseArrayIndex(token, path);
  if (index >= array.length) {
    throw new PatchError(`path "${formatPointer(path)}" does not exist`);
  }
  return index;
}

function parseArrayIndex(token: string, path: string[]): number {
  if (!/^(0|[1-9][0-9]*)$/.test(token)) {
    throw new PatchError(
      `"${token}" in "${formatPointer(path)}" is not an array index`,
    );
  }
  return Number(token);
}

export function addValue(document: unknown, path: string[], value: unknown) {
  if (path.length === 0) {
    return value;
  }
  const parent = getValue(document, path.slice(0, -1));
  const token = path[path.length - 1];
  if (Array.isArray(parent)) {
    const index = token === '-' ? parent.length : parseArrayIndex(token, path);
    if (index > parent.length) {
      throw new PatchError(
        `index ${index} in "${formatPointer(path)}" is past the end`,
      );
    }
    parent.splice(index, 0, value);
  } else if (isPlainObject(parent)) {
    parent[token] = value;
  } else {
    throw new PatchError(
      `cannot add "${formatPointer(path)}": its parent is not a container`,
    );
  }
  return document;
}

export function removeValue(document: unknown, path: string[]): unknown {
  if (path.length === 0) {
    return undefined;
  }
  const parent = getValue(document, path.slice(0, -1));
  const token = path[path.length - 1];
  if (Array.isArray(parent)) {
    parent.splice(existingIndex(parent, token, path), 1);
  } else if (isPlainObject(parent) && Object.hasOwn(parent, token)) {
    delete parent[token];
  } else {
    throw new PatchError(`path "${formatPointer(path)}" does not exist`);
  }
  return document;
}
