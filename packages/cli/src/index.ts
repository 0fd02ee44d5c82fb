/**
 * The cocktail command line.
 *
 * @packageDocumentation
 */

import { CommanderError } from 'commander';
import { createProgram } from './createProgram';

const program = createProgram(code => {
  process.exitCode = code;
});

program.parseAsync(process.argv).catch(error => {
  if (error instanceof CommanderError) {
    // commander has printed the message; help and --version are not failures.
    process.exitCode = error.exitCode === 0 ? 0 : 2;
    return;
  }
  process.stderr.write(
    `cocktail: ${error instanceof Error ? error.message : error}\n`,
  );
  process.exitCode = 2;
});
