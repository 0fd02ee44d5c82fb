import fs from 'node:fs/promises';
import { collectFiles } from './collectFiles';
import { Problem } from './Problem';
import { EntityDefinition, FileReport, validateFileText } from './validateFile';

export interface ValidationReport {
  files: FileReport[];
  /** Every problem, file by file, in line order within a file. */
  problems: Problem[];
  entities: number;
}

function pathProblem(file: string, message: string): FileReport {
  return {
    file,
    definitions: [],
    problems: [{ file, line: 1, column: 1, message }],
  };
}

function reportDuplicates(reports: FileReport[]) {
  const first = new Map<string, EntityDefinition>();
  for (const report of reports) {
    for (const definition of report.definitions) {
      const earlier = first.get(definition.entity);
      if (!earlier) {
        first.set(definition.entity, definition);
        continue;
      }
      report.problems.push({
        file: definition.file,
        line: definition.line,
        column: definition.column,
        entity: definition.entity,
        message: `is defined twice; the catalog keeps only one. The other definition is at ${earlier.file}:${earlier.line}:${earlier.column}`,
      });
    }
  }
}

/**
 * Validates the catalog files at the given paths. Besides each entity's own problems it reports
 * paths that do not exist, directories with no YAML in them, and an entity defined twice.
 */
export async function validatePaths(
  paths: string[],
): Promise<ValidationReport> {
  const { files, missing, emptyDirectories } = await collectFiles(paths);
  const reports = [
    ...missing.map(file => pathProblem(file, 'no such file or directory')),
    ...emptyDirectories.map(dir =>
      pathProblem(dir, 'no .yaml or .yml files in this directory'),
    ),
  ];
  for (const file of files) {
    reports.push(await validateFileText(file, await fs.readFile(file, 'utf8')));
  }
  reportDuplicates(reports);
  return {
    files: reports,
    problems: reports.flatMap(r => r.problems),
    entities: reports.reduce((n, r) => n + r.definitions.length, 0),
  };
}
