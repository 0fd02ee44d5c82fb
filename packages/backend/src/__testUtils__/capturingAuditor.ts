import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';

/** One event sent to Backstage's auditor service, and how it ended. */
export interface CapturedAuditEvent {
  plugin: string;
  eventId: string;
  outcome?: 'success' | 'fail';
  error?: string;
}

/**
 * Backstage's auditor service, keeping every event for the test to read: what the portal
 * reports about an attempt when its own audit table cannot take it.
 */
export function capturingAuditor() {
  const events: CapturedAuditEvent[] = [];
  const factory = createServiceFactory({
    service: coreServices.auditor,
    deps: { plugin: coreServices.pluginMetadata },
    factory: ({ plugin }) => ({
      async createEvent(options) {
        const event: CapturedAuditEvent = {
          plugin: plugin.getId(),
          eventId: options.eventId,
        };
        events.push(event);
        return {
          async success() {
            event.outcome = 'success';
          },
          async fail(failure) {
            event.outcome = 'fail';
            event.error = String(failure.error?.message ?? failure.error);
          },
        };
      },
    }),
  });
  return { events, factory };
}
