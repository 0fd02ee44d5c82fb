import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { AuditStore } from '../audit';
import { AccessGranter } from './AccessGranter';
import { AccessGrantStore } from './types';

/** Who the audit log names for an expiry: the plugin, not a person. */
export const SWEEP_ACTOR = 'plugin:cocktail/access-sweep';

/**
 * Ends every grant past its expiry: removes its ServiceAccount and binding (so its token stops
 * working, also a ten-minute token of a shorter grant) and records the expiry in the audit log.
 * A cluster that cannot be reached keeps its grants for the next run.
 */
export async function sweepExpiredGrants(deps: {
  store: AccessGrantStore;
  granter: Pick<AccessGranter, 'revoke'>;
  audit: Pick<AuditStore, 'record'>;
  logger: LoggerService;
  now?: Date;
}): Promise<{ expired: number; failed: number }> {
  const now = deps.now ?? new Date();
  let [expired, failed] = [0, 0];
  for (const grant of await deps.store.listExpired(now)) {
    let removed: string[];
    try {
      removed = await deps.granter.revoke(grant);
    } catch (error) {
      failed += 1;
      deps.logger.warn(
        `Access grant ${grant.id} of ${grant.userRef} on ${
          grant.entityRef
        } expired but its objects could not be removed; retrying on the next run: ${
          (error as Error).message
        }`,
      );
      continue;
    }
    const ended = await deps.store.end(grant.id, {
      endedAt: now,
      endedBy: SWEEP_ACTOR,
      endReason: 'expired',
    });
    if (!ended) {
      continue;
    }
    expired += 1;
    await deps.audit.record({
      actor: SWEEP_ACTOR,
      action: 'access.expire',
      outcome: 'succeeded',
      entityRef: grant.entityRef,
      cluster: grant.cluster,
      namespace: grant.namespace,
      details: {
        grantId: grant.id,
        user: grant.userRef,
        role: grant.role,
        expiresAt: grant.expiresAt,
        removed,
      },
    });
  }
  return { expired, failed };
}

/** Runs the sweep on the scheduler, once across replicas, every `intervalSeconds`. */
export async function createAccessGrantSweepTask(options: {
  scheduler: SchedulerService;
  store: AccessGrantStore;
  granter: Pick<AccessGranter, 'revoke'>;
  audit: Pick<AuditStore, 'record'>;
  logger: LoggerService;
  intervalSeconds: number;
}): Promise<void> {
  const { scheduler, logger, intervalSeconds } = options;
  if (!Number.isInteger(intervalSeconds) || intervalSeconds < 5) {
    throw new Error(
      `cocktail.access.sweepIntervalSeconds must be a whole number of at least 5, got ${intervalSeconds}`,
    );
  }
  await scheduler.scheduleTask({
    id: 'cocktail-access-grant-sweep',
    frequency: { seconds: intervalSeconds },
    timeout: { minutes: 5 },
    initialDelay: { seconds: Math.min(intervalSeconds, 30) },
    fn: async () => {
      const { expired, failed } = await sweepExpiredGrants(options);
      if (expired || failed) {
        logger.info(
          `Access sweep: ${expired} expired grants ended${
            failed ? `, ${failed} left for the next run` : ''
          }`,
        );
      }
    },
  });
}
