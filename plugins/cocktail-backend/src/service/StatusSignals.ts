import { LoggerService } from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import {
  SERVER_STATUS_CHANNEL,
  ServerStatusSignal,
} from '@cocktailcloud/plugin-cocktail-common';
import { LABEL_SERVER } from '@cocktailcloud/plugin-cocktail-node';

export { SERVER_STATUS_CHANNEL };

/** Who hears a signal: everyone, or the people holding any of these user or group refs. */
export type SignalRecipients =
  | { type: 'broadcast' }
  | { type: 'user'; entityRef: string[] };

export interface SignalPublisher {
  publish(signal: {
    recipients: SignalRecipients;
    channel: string;
    message: JsonObject;
  }): Promise<void>;
}

/** Decides who may hear of a server's change; everyone when not given. */
export type RecipientsOf = (
  change: ServerStatusSignal,
) => Promise<SignalRecipients>;

/**
 * Tells open pages that a server's status changed, at most once per server per interval: a
 * rollout changes many objects in a burst, and the page only needs to refetch once.
 */
export class StatusSignals {
  private readonly pending = new Map<string, ServerStatusSignal>();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly signals: SignalPublisher,
    private readonly logger: LoggerService,
    private readonly intervalMs = 1_000,
    private readonly recipientsOf: RecipientsOf = async () => ({
      type: 'broadcast',
    }),
  ) {}

  onChange(change: {
    cluster: string;
    namespace?: string;
    labels?: Record<string, string>;
  }) {
    const server = change.labels?.[LABEL_SERVER];
    if (!server || !change.namespace) {
      return;
    }
    this.pending.set(`${change.cluster}/${change.namespace}/${server}`, {
      cluster: change.cluster,
      namespace: change.namespace,
      server,
    });
    this.timer ??= setTimeout(() => this.flush(), this.intervalMs);
  }

  stop() {
    clearTimeout(this.timer);
  }

  private flush() {
    this.timer = undefined;
    const changes = [...this.pending.values()];
    this.pending.clear();
    for (const change of changes) {
      this.recipientsOf(change)
        .then(recipients =>
          recipients.type === 'user' && !recipients.entityRef.length
            ? undefined
            : this.signals.publish({
                recipients,
                channel: SERVER_STATUS_CHANNEL,
                message: { ...change },
              }),
        )
        .catch(error => {
          this.logger.warn(
            `could not publish the status signal of ${change.server}: ${error}`,
          );
        });
    }
  }
}
