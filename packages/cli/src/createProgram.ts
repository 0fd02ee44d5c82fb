import { Command } from 'commander';
import { parseFormat, validateCommand } from './commands/validate';

/** The `cocktail` command line, built fresh so tests can run it in-process. */
export function createProgram(
  onExitCode: (code: number) => void,
  write?: (text: string) => void,
): Command {
  const program = new Command('cocktail')
    .description('Cocktail for Backstage on the command line')
    .showHelpAfterError()
    // Usage errors throw instead of exiting, so the caller can exit 2: 1 means invalid files.
    .exitOverride();

  program
    .command('validate')
    .description(
      "Validate catalog files: the Service, ServiceMap and CocktailServer kinds and Backstage's built-in kinds. Prints file:line:column: entity: field: message for each problem; exits 1 when there is any.",
    )
    .argument(
      '<paths...>',
      'YAML files, or directories to search for .yaml and .yml files',
    )
    .option('--format <format>', 'text or json', parseFormat, 'text' as const)
    .action(async (paths: string[], options) => {
      onExitCode(await validateCommand(paths, options, write));
    });

  return program;
}
