import {
  AuditorService,
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ServiceUnavailableError, toError } from '@backstage/errors';
import { JsonObject } from '@backstage/types';
import { Request } from 'express';
import { AuditOutcome, AuditRow, AuditStore, redactErrorText } from '../audit';

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
 * Runs a mutation and records it in the audit log (hash-chained) and as an event for Backstage's
 * auditor service: first the intent (outcome `requested`), then, whatever happens, the outcome
 * pointing at it. A backend that stops in between leaves the intent without an outcome. When
 * the intent cannot be written, the mutation does not run: a change nobody could trace later is
 * refused with a 503. When the outcome cannot be written, the answer is still given, with an
 * `auditWarning` naming the intent's row, which stays as the evidence; the failure is logged
 * and noted on the auditor event.
 */
export async function auditedOperation<T>(
  deps: {
    audit: AuditStore;
    auditor: AuditorService;
    auth: AuthService;
    /** Optional as some routers' option types do not name it; createRouter passes it to all. */
    logger?: LoggerService;
  },
  context: {
    request: Request;
    credentials: BackstageCredentials;
    action: string;
    entityRef?: string;
    cluster?: string;
    namespace?: string;
    details?: JsonObject;
    /** A dry run changes nothing, so it runs without an audit row or auditor event. */
    dryRun?: boolean;
  },
  run: () => Promise<T>,
): Promise<T> {
  if (context.dryRun) {
    return run();
  }
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
  const what = `${context.action}${
    context.entityRef ? ` on ${context.entityRef}` : ''
  }`;
  let intent: AuditRow;
  try {
    intent = await deps.audit.record({ ...row, outcome: 'requested' });
  } catch (error) {
    deps.logger?.error(
      `Refused ${what}: the audit log could not record it (${describe(error)})`,
    );
    const refusal = new ServiceUnavailableError(
      `The audit log is unavailable, so ${context.action} was not run and nothing changed; try again later`,
    );
    await event.fail({ error: refusal });
    throw refusal;
  }

  /** Records the outcome; a failure is reported, never thrown over the mutation's own result. */
  const recordOutcome = async (
    outcome: AuditOutcome,
    error?: string,
  ): Promise<JsonObject> => {
    try {
      await deps.audit.record({
        ...row,
        outcome,
        intentId: intent.id,
        ...(error === undefined ? {} : { error }),
      });
      return {};
    } catch (writeError) {
      deps.logger?.error(
        `The outcome (${outcome}) of ${what} could not be written to the audit log; its intent is row ${
          intent.id
        } (${describe(writeError)})`,
      );
      return { auditOutcomeNotRecorded: true, auditIntentRowId: intent.id };
    }
  };

  let result: T;
  try {
    result = await run();
  } catch (error) {
    const outcome =
      (error as Error).name === 'NotAllowedError' ? 'denied' : 'failed';
    const meta = await recordOutcome(outcome, (error as Error).message);
    await event.fail({ error: redacted(error as Error), meta });
    throw error;
  }
  const meta = await recordOutcome('succeeded');
  await event.success({ meta });
  if (meta.auditOutcomeNotRecorded && isPlainObject(result)) {
    // The change was made: the person is told, with where the evidence is.
    return {
      ...result,
      auditWarning: `the outcome could not be written to the audit log; its intent is row ${intent.id}`,
    };
  }
  return result;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The error as the auditor service logs it: its message redacted and capped like the audit log's. */
function redacted(error: Error): Error {
  const copy = new Error(redactErrorText(error.message));
  copy.name = error.name;
  return copy;
}

/** An error's name and message, redacted and capped like the audit log's error text. */
function describe(error: unknown): string {
  const { name, message } = toError(error);
  return redactErrorText(`${name}: ${message}`);
}
