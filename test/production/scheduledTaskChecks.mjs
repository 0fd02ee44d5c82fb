// Periodic work runs once across the replicas: each of the cocktail plugin's scheduled tasks logs
// one line per run, so over the smoke test (shorter than every task's interval) each task's line
// appears exactly once in the two replicas' logs together.
import assert from 'node:assert/strict';
import { eventually, readJsonLog } from './processes.mjs';

const TASKS = [
  { id: 'cocktail-audit-retention', line: /^Removed \d+ audit log rows/ },
  { id: 'cocktail-audit-checkpoint', line: /^Audit checkpoint/ },
  {
    id: 'cocktail-vulnerability-report-sync',
    line: /^VulnerabilityReport sync:/,
  },
  // Its first run waits a minute after start.
  { id: 'cocktail-image-scan-retention', line: /^Removed \d+ image scans/ },
];

function runsOf(replicas) {
  const logs = Object.entries(replicas).map(([name, replica]) => ({
    name,
    lines: readJsonLog(replica.logFile).filter(
      line => line.plugin === 'cocktail',
    ),
  }));
  return TASKS.map(task => ({
    task,
    ranOn: logs.flatMap(({ name, lines }) =>
      lines.filter(line => task.line.test(line.message)).map(() => name),
    ),
  }));
}

export async function checkScheduledTasksRanOnce({ checks, replicas }) {
  await checks.check(
    `each scheduled task ran once across both replicas (${TASKS.map(
      task => task.id,
    ).join(', ')})`,
    async () => {
      await eventually(
        "every task's first run",
        async () =>
          runsOf(replicas).every(run => run.ranOn.length > 0)
            ? true
            : undefined,
        150_000,
      );
      // A replica that ran a task of its own would do so within its next poll of the tasks.
      await new Promise(resolve => setTimeout(resolve, 5000));
      const runs = runsOf(replicas);
      for (const { task, ranOn } of runs) {
        assert.equal(
          ranOn.length,
          1,
          `${task.id} ran ${ranOn.length} times (on ${ranOn.join(', ')})`,
        );
      }
      console.log(
        `    ${runs
          .map(({ task, ranOn }) => `${task.id} on ${ranOn[0]}`)
          .join('; ')}`,
      );
    },
  );
}
