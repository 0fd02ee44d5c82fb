import { InvalidArgumentError } from 'commander';
import {
  formatReportAsJson,
  formatReportAsText,
} from '../validate/formatReport';
import { validatePaths } from '../validate/validatePaths';

export type OutputFormat = 'text' | 'json';

export function parseFormat(value: string): OutputFormat {
  if (value !== 'text' && value !== 'json') {
    throw new InvalidArgumentError(`expected text or json, got "${value}"`);
  }
  return value;
}

/** `cocktail validate <paths…>`: prints the problems and returns the exit code (0 valid, 1 not). */
export async function validateCommand(
  paths: string[],
  options: { format: OutputFormat },
  write: (text: string) => void = text => process.stdout.write(`${text}\n`),
): Promise<number> {
  const report = await validatePaths(paths);
  write(
    options.format === 'json'
      ? formatReportAsJson(report)
      : formatReportAsText(report),
  );
  return report.problems.length ? 1 : 0;
}
