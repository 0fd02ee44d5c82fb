// The smoke test's checks: each is named, run in order, and reported as it ends; the summary line
// counts them. A failed check does not stop the later ones unless they need what it made.
export function createCheckList() {
  const results = [];
  return {
    /** Runs `fn` as the check `name`; its value, or undefined when it failed. */
    async check(name, fn) {
      const started = Date.now();
      try {
        const value = await fn();
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        results.push({ name, passed: true });
        console.log(`✔ ${name} (${seconds} s)`);
        return value;
      } catch (error) {
        results.push({ name, passed: false });
        console.log(
          `✘ ${name}\n    ${String(error?.stack ?? error).replace(
            /\n/g,
            '\n    ',
          )}`,
        );
        return undefined;
      }
    },
    /** Prints `production smoke: N checks, M passed` and whether all passed. */
    summarize() {
      const passed = results.filter(result => result.passed).length;
      console.log(
        `production smoke: ${results.length} checks, ${passed} passed`,
      );
      return passed === results.length;
    },
  };
}
