// Retries an assertion until it holds, for effects that controllers bring about after a command
// returns (pods becoming ready, a namespace emptied), and throws its last failure otherwise.
export async function eventually(
  assertion,
  { timeoutMs = 30_000, intervalMs = 250 } = {},
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > deadline) {
        throw error;
      }
    }
    await new Promise(resolve => setTimeout(resolve, intervalMs));
  }
}
