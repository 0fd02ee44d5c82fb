import { KubeObject } from '../api/types';
import { ControllerContext } from './ControllerContext';
import { createPodFromTemplate, isPodActive } from './pods';

/** Runs a Job's pods, `parallelism` at a time, until `completions` have succeeded. */
export function reconcileJob(ctx: ControllerContext, job: KubeObject) {
  if (job.metadata.deletionTimestamp || job.spec?.suspend) {
    return;
  }
  const completions = job.spec?.completions ?? 1;
  const parallelism = job.spec?.parallelism ?? 1;
  const pods = ctx.ownedBy(ctx.types.pods, job);
  const succeeded = pods.filter(p => p.status?.phase === 'Succeeded').length;
  const active = pods.filter(isPodActive);
  const done = succeeded >= completions;
  if (!done) {
    const wanted =
      Math.min(parallelism, completions - succeeded) - active.length;
    for (let i = 0; i < wanted; i++) {
      createPodFromTemplate(ctx, job, ctx.types.jobs, job.spec?.template, {
        labels: {
          'batch.kubernetes.io/job-name': job.metadata.name!,
          'job-name': job.metadata.name!,
        },
      });
    }
  }
  const now = new Date().toISOString();
  const wasDone = (job.status?.conditions ?? []).some(
    (c: any) => c.type === 'Complete',
  );
  if (done && !wasDone) {
    ctx.emitEvent(job, ctx.types.jobs, 'Completed', 'Job completed');
  }
  ctx.setStatus(ctx.types.jobs, job, {
    startTime: job.status?.startTime ?? now,
    active: done
      ? 0
      : ctx.ownedBy(ctx.types.pods, job).filter(isPodActive).length,
    succeeded,
    failed: 0,
    ...(done
      ? {
          completionTime: job.status?.completionTime ?? now,
          conditions: [
            {
              type: 'Complete',
              status: 'True',
              lastTransitionTime: job.status?.completionTime ?? now,
            },
          ],
        }
      : {}),
  });
}
