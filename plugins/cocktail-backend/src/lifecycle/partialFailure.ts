/**
 * The error of a multi-object change that failed part way: the original error's type, with what
 * was already done and what was not, so nobody has to guess the state left behind.
 */
export function partialFailure(
  error: Error,
  step: string,
  done: string[],
  notDone: string[],
  verb = 'applied',
) {
  const message = `${step} failed: ${error.message}. ${
    done.length
      ? `Already ${verb}: ${done.join(', ')}.`
      : `Nothing was ${verb}.`
  }${notDone.length ? ` Not ${verb}: ${notDone.join(', ')}.` : ''}`;
  const Constructor = error.constructor as new (message: string) => Error;
  try {
    return new Constructor(message);
  } catch {
    return new Error(message);
  }
}
