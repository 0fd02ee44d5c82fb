import { createProgram } from '../createProgram';

/** What one run of the `cocktail` command printed and the exit code it chose. */
export interface CocktailRun {
  code: number;
  output: string;
  errors: string;
}

/**
 * Runs the `cocktail` command in-process with these arguments, as `src/index.ts` does: usage
 * errors from commander exit 2, `--help` exits 0.
 */
export async function runCocktail(args: string[]): Promise<CocktailRun> {
  const run: CocktailRun = { code: -1, output: '', errors: '' };
  const program = createProgram(
    code => {
      run.code = code;
    },
    text => {
      run.output += `${text}\n`;
    },
    text => {
      run.errors += `${text}\n`;
    },
  );
  program.configureOutput({
    writeErr: text => {
      run.errors += text;
    },
    writeOut: () => {},
  });
  try {
    await program.parseAsync(['node', 'cocktail', ...args]);
  } catch (error: any) {
    run.code = error.exitCode === 0 ? 0 : 2;
  }
  return run;
}
