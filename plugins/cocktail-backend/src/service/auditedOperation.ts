import {
  AuditorService,
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import { Request } from 'express';
import { AuditStore } from '../audit';

export function actorOf(
  auth: AuthService,
  credentials: BackstageCredentials,
): string {
  if (auth.isPrincipal(credentials, 'user')) {
    return credentials.principal.userEntityRef;
  }
  if (auth.isPrincipal(credentials, 'service')) {
    return credentials.principal.subject;
  }
  return 'unknown';
}

/**
 * Runs a mutation and records it, whatever happens: a row in the audit log (hash-chained) and
 * an event for Backstage's auditor service.
 */
export async function auditedOperation<T>(
  deps: { audit: AuditStore; auditor: AuditorService; auth: AuthService },
  context: {
    request: Request;
    credentials: BackstageCredentials;
    action: string;
    entityRef?: string;
    cluster?: string;
    namespace?: string;
    details?: JsonObject;
  },
  run: () => Promise<T>,
): Promise<T> {
  const event = await deps.auditor.createEvent({
    eventId: context.action.replace(/\./g, '-'),
    severityLevel: 'medium',
    request: context.request,
    meta: {
      entityRef: context.entityRef,
      cluster: context.cluster,
      namespace: context.namespace,
    },
  });
  const row = {
    actor: actorOf(deps.auth, context.credentials),
    action: context.action,
    entityRef: context.entityRef,
    cluster: context.cluster,
    namespace: context.namespace,
    details: context.details,
  };
  try {
    const result = await run();
    await deps.audit.record({ ...row, outcome: 'succeeded' });
    await event.success();
    return result;
  } catch (error) {
    const outcome =
      (error as Error).name === 'NotAllowedError' ? 'denied' : 'failed';
    await deps.audit.record({
      ...row,
      outcome,
      error: (error as Error).message,
    });
    await event.fail({ error: error as Error });
    throw error;
  }
}
