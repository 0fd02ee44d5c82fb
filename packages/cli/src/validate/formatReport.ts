import { Problem } from './Problem';
import { ValidationReport } from './validatePaths';

/** `file:line:column: entity: field: message`, leaving out what a problem does not have. */
export function formatProblem(problem: Problem): string {
  const parts = [`${problem.file}:${problem.line}:${problem.column}`];
  if (problem.entity) {
    parts.push(problem.entity);
  }
  if (problem.field) {
    parts.push(problem.field);
  }
  parts.push(problem.message);
  return parts.join(': ');
}

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

export function formatReportAsText(report: ValidationReport): string {
  const lines = report.problems.map(formatProblem);
  const entities = count(report.entities, 'entity', 'entities');
  const files = count(report.files.length, 'file');
  const summary = report.problems.length
    ? `${count(
        report.problems.length,
        'problem',
      )} in ${entities} across ${files}`
    : `${entities} in ${files}: all valid`;
  return [...lines, summary].join('\n');
}

export function formatReportAsJson(report: ValidationReport): string {
  return JSON.stringify(
    {
      valid: report.problems.length === 0,
      files: report.files.map(f => f.file),
      entities: report.entities,
      problems: report.problems,
    },
    null,
    2,
  );
}
