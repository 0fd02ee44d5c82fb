import { KubeObject } from '../api/types';
import { ControllerContext } from './ControllerContext';
import { cronFiresAt } from './cronSchedule';

/** Starts a Job from a CronJob's template now, as a scheduled run would. */
export function runCronJob(
  ctx: ControllerContext,
  cronJob: KubeObject,
  at = new Date(),
): KubeObject {
  const minute = Math.floor(at.getTime() / 60_000);
  const template = cronJob.spec?.jobTemplate ?? {};
  const job = ctx.store.create(ctx.types.jobs, {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: `${cronJob.metadata.name}-${minute}`,
      namespace: cronJob.metadata.namespace,
      labels: template.metadata?.labels,
      ownerReferences: [ctx.ownerReference(cronJob, ctx.types.cronjobs)],
    },
    spec: template.spec,
  });
  ctx.emitEvent(
    cronJob,
    ctx.types.cronjobs,
    'SuccessfulCreate',
    `Created job ${job.metadata.name}`,
  );
  ctx.setStatus(ctx.types.cronjobs, cronJob, {
    ...cronJob.status,
    lastScheduleTime: at.toISOString(),
  });
  return job;
}

/** On each sync: starts the CronJobs whose schedule fires this minute, keeps 3 finished Jobs. */
export function syncCronJobs(ctx: ControllerContext, now = new Date()) {
  for (const cronJob of ctx.store.list(ctx.types.cronjobs)) {
    if (cronJob.spec?.suspend || !cronJob.spec?.schedule) {
      continue;
    }
    const last = cronJob.status?.lastScheduleTime
      ? Date.parse(cronJob.status.lastScheduleTime)
      : 0;
    const sameMinute =
      Math.floor(last / 60_000) === Math.floor(now.getTime() / 60_000);
    if (!sameMinute && cronFiresAt(cronJob.spec.schedule, now)) {
      const active = ctx
        .ownedBy(ctx.types.jobs, cronJob)
        .some(j => !j.status?.completionTime);
      if (!(active && cronJob.spec.concurrencyPolicy === 'Forbid')) {
        runCronJob(ctx, cronJob, now);
      }
    }
    const finished = ctx
      .ownedBy(ctx.types.jobs, cronJob)
      .filter(j => j.status?.completionTime)
      .sort((a, b) =>
        a.status.completionTime.localeCompare(b.status.completionTime),
      );
    const limit = cronJob.spec.successfulJobsHistoryLimit ?? 3;
    for (const job of finished.slice(0, Math.max(0, finished.length - limit))) {
      ctx.store.delete(
        ctx.types.jobs,
        job.metadata.namespace,
        job.metadata.name!,
        {
          resolveType: key => ctx.registry.byTypeKey(key),
        },
      );
    }
  }
}
