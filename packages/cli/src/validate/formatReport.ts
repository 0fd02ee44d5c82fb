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

export function formatReportAsText(report: ValidationReport): string {
  const lines = report.problems.map(formatProblem);
  const fileCount = report.files.length;
  const summary = report.problems.length
    ? `${report.problems.length} problem(s) in ${report.entities} entities across ${fileCount} file(s)`
    : `${report.entities} entities in ${fileCount} file(s) are valid`;
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
