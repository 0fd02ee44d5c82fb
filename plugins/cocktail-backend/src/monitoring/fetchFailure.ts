/** Why a fetch to a monitoring service failed, in words: a timeout, or the network's reason. */
export function fetchFailure(error: unknown, timeoutMs: number): string {
  const failure = error as Error;
  if (failure.name === 'TimeoutError') {
    return `no answer in ${timeoutMs} ms`;
  }
  const cause = failure.cause as Error | undefined;
  return cause?.message ?? failure.message;
}
