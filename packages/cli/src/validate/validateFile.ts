import { Entity } from '@backstage/catalog-model';
import {
  describeEntityRef,
  formatFieldPath,
} from '@cocktailcloud/plugin-cocktail-common';
import { LineCounter, parseAllDocuments } from 'yaml';
import { locateField } from './locateField';
import { Problem } from './Problem';
import { validateEntity } from './validateEntity';

/** Where an entity starts, to tell a user where its other definition is. */
export interface EntityDefinition {
  entity: string;
  file: string;
  line: number;
  column: number;
}

export interface FileReport {
  file: string;
  definitions: EntityDefinition[];
  problems: Problem[];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Validates every document of one YAML file's text as a catalog entity. */
export async function validateFileText(
  file: string,
  text: string,
): Promise<FileReport> {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter });
  const report: FileReport = { file, definitions: [], problems: [] };
  if (!Array.isArray(documents)) {
    return report; // an empty stream: nothing to check
  }
  for (const document of documents) {
    if (document.errors.length) {
      for (const error of document.errors) {
        const [position] = error.linePos ?? [{ line: 1, col: 1 }];
        report.problems.push({
          file,
          line: position.line,
          column: position.col,
          message: `not valid YAML: ${error.message
            .split('\n')[0]
            .replace(/ at line \d+, column \d+:?$/, '')}`,
        });
      }
      continue;
    }
    const data = document.toJS();
    if (data === null || data === undefined) {
      continue; // an empty document, such as after a trailing ---
    }
    const start = locateField(document, [], lineCounter);
    if (
      !isPlainObject(data) ||
      typeof data.apiVersion !== 'string' ||
      typeof data.kind !== 'string'
    ) {
      report.problems.push({
        file,
        ...start,
        message:
          'not a catalog entity: expected a YAML object with apiVersion, kind, metadata and spec',
      });
      continue;
    }
    const entity = data as unknown as Entity;
    const entityRef = describeEntityRef(entity);
    report.definitions.push({ entity: entityRef, file, ...start });
    for (const issue of await validateEntity(entity)) {
      report.problems.push({
        file,
        ...locateField(document, issue.path, lineCounter),
        entity: entityRef,
        field: issue.path.length ? formatFieldPath(issue.path) : undefined,
        message: issue.message,
      });
    }
  }
  report.problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return report;
}
