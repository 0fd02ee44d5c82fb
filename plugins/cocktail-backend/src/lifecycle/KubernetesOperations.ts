import {
  ConflictError,
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  describeRequestError,
  makeAbortableApiClient,
  Manifest,
  RequestTimeoutError,
  runWithDeadline,
} from '@cocktailcloud/plugin-cocktail-node';
import { describeWriteOutcome, OutcomeUnknownError } from './outcomeUnknown';
import type * as k8s from '@kubernetes/client-node';

export const FIELD_MANAGER = 'cocktail';
const REQUEST_TIMEOUT_MS = 10_000;

/** The kinds a server's objects can have, for listing and pruning. */
export const MANAGED_KINDS: Array<{ apiVersion: string; kind: string }> = [
  { apiVersion: 'apps/v1', kind: 'Deployment' },
  { apiVersion: 'apps/v1', kind: 'StatefulSet' },
  { apiVersion: 'apps/v1', kind: 'DaemonSet' },
  { apiVersion: 'batch/v1', kind: 'Job' },
  { apiVersion: 'batch/v1', kind: 'CronJob' },
  { apiVersion: 'v1', kind: 'Service' },
  { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress' },
  { apiVersion: 'v1', kind: 'PersistentVolumeClaim' },
  { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler' },
];

/** An object as listed: the list's apiVersion and kind are set on it. */
export type ListedObject<
  T extends k8s.KubernetesObject = k8s.KubernetesObject,
> = T & {
  apiVersion: string;
  kind: string;
};

/** The API server's own message in a failed client call (capped), or what went wrong, in words. */
export function statusMessage(error: unknown): string {
  return describeRequestError(error);
}

/** The HTTP status of a failed client call, if it got an answer. */
export function statusCodeOf(error: unknown): unknown {
  return (error as { code?: unknown } | null | undefined)?.code;
}

/** Kubernetes errors as Backstage errors, with the API server's own message. */
export function translateKubernetesError(
  error: unknown,
  cluster: string,
  what: string,
): Error {
  const message = `${what} on cluster ${cluster}: ${statusMessage(error)}`;
  switch (statusCodeOf(error)) {
    case 404:
      return new NotFoundError(message);
    case 409:
      return new ConflictError(message);
    case 400:
    case 422:
      return new InputError(message);
    default:
      return new ServiceUnavailableError(message);
  }
}

/**
 * The calls lifecycle operations make on one cluster, through @kubernetes/client-node, each
 * with a time limit so an unreachable cluster answers with an error instead of hanging.
 */
export class KubernetesOperations {
  private readonly objects: k8s.KubernetesObjectApi;
  private core?: k8s.CoreV1Api;

  constructor(
    private readonly client: typeof k8s,
    private readonly config: k8s.KubeConfig,
    readonly cluster: string,
    private readonly timeoutMs = REQUEST_TIMEOUT_MS,
  ) {
    this.objects = makeAbortableApiClient(
      client,
      config,
      client.KubernetesObjectApi,
    );
  }

  private async call<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await runWithDeadline(this.timeoutMs, fn);
    } catch (error) {
      if (error instanceof RequestTimeoutError) {
        throw new ServiceUnavailableError(
          `${what} on cluster ${this.cluster}: ${error.message}; the request was cancelled`,
        );
      }
      throw translateKubernetesError(error, this.cluster, what);
    }
  }

  /**
   * A change whose answer did not come in time may still have been made: the request is
   * cancelled, the object read back, and the error says what the cluster shows now.
   */
  private async change<T>(
    what: string,
    target: {
      apiVersion: string;
      kind: string;
      namespace?: string;
      name: string;
    },
    requested: Record<string, unknown> | 'deleted',
    fn: () => Promise<T>,
  ): Promise<T> {
    try {
      return await runWithDeadline(this.timeoutMs, fn);
    } catch (error) {
      if (!(error instanceof RequestTimeoutError)) {
        throw translateKubernetesError(error, this.cluster, what);
      }
      let now: string;
      try {
        now = describeWriteOutcome(requested, await this.read(target));
      } catch (readError) {
        now = `it could not be read back either (${
          (readError as Error).message
        })`;
      }
      throw new OutcomeUnknownError(
        `${what} on cluster ${this.cluster}: ${error.message}; the request was cancelled, so whether it was applied is unknown — the cluster now shows ${now}`,
      );
    }
  }

  /**
   * An object, or undefined when there is none. Untyped unless T is given: the Cluster API
   * kinds read through here have no client-node model.
   */
  read<T extends k8s.KubernetesObject = any>(ref: {
    apiVersion: string;
    kind: string;
    /** Absent for cluster-scoped kinds. */
    namespace?: string;
    name: string;
  }): Promise<T | undefined> {
    return this.call(`reading ${ref.kind}/${ref.name}`, async () => {
      try {
        return await this.objects.read<T>({
          apiVersion: ref.apiVersion,
          kind: ref.kind,
          metadata: { name: ref.name, namespace: ref.namespace },
        });
      } catch (error) {
        if (statusCodeOf(error) === 404) {
          return undefined;
        }
        throw error;
      }
    });
  }

  /** Server-side apply as the `cocktail` field manager; a dry run persists nothing. */
  apply(
    manifest: Manifest,
    options: { dryRun: boolean },
  ): Promise<k8s.KubernetesObject> {
    const what = `applying ${manifest.kind}/${manifest.metadata.name}`;
    const send = () =>
      this.objects.patch<k8s.KubernetesObject>(
        manifest,
        undefined,
        options.dryRun ? 'All' : undefined,
        FIELD_MANAGER,
        true,
        this.client.PatchStrategy.ServerSideApply,
      );
    if (options.dryRun) {
      return this.call(what, send);
    }
    return this.change(
      what,
      {
        apiVersion: manifest.apiVersion,
        kind: manifest.kind,
        namespace: manifest.metadata.namespace,
        name: manifest.metadata.name,
      },
      manifest as unknown as Record<string, unknown>,
      send,
    );
  }

  patch(
    target: {
      apiVersion: string;
      kind: string;
      namespace: string;
      name: string;
    },
    body: Record<string, unknown>,
    strategy: 'strategic' | 'merge',
  ): Promise<k8s.KubernetesObject> {
    return this.change(
      `changing ${target.kind}/${target.name}`,
      target,
      body,
      () =>
        this.objects.patch<k8s.KubernetesObject>(
          {
            ...body,
            apiVersion: target.apiVersion,
            kind: target.kind,
            metadata: {
              ...(body.metadata as object | undefined),
              name: target.name,
              namespace: target.namespace,
            },
          },
          undefined,
          undefined,
          FIELD_MANAGER,
          undefined,
          strategy === 'strategic'
            ? this.client.PatchStrategy.StrategicMergePatch
            : this.client.PatchStrategy.MergePatch,
        ),
    );
  }

  delete(target: {
    apiVersion: string;
    kind: string;
    namespace: string;
    name: string;
  }): Promise<unknown> {
    return this.change(
      `deleting ${target.kind}/${target.name}`,
      target,
      'deleted',
      () =>
        this.objects.delete(
          {
            apiVersion: target.apiVersion,
            kind: target.kind,
            metadata: { name: target.name, namespace: target.namespace },
          },
          undefined,
          undefined,
          undefined,
          undefined,
          'Background',
        ),
    );
  }

  /** A TokenRequest for a ServiceAccount: its token and when the API server lets it expire. */
  requestToken(
    namespace: string,
    serviceAccount: string,
    expirationSeconds: number,
  ): Promise<{ token: string; expiresAt: string }> {
    this.core ??= makeAbortableApiClient(
      this.client,
      this.config,
      this.client.CoreV1Api,
    );
    const core = this.core;
    return this.call(
      `requesting a token for ServiceAccount/${serviceAccount}`,
      async () => {
        const answer = await core.createNamespacedServiceAccountToken({
          namespace,
          name: serviceAccount,
          body: { spec: { audiences: [], expirationSeconds } },
        });
        return {
          token: answer.status!.token,
          expiresAt: new Date(answer.status!.expirationTimestamp).toISOString(),
        };
      },
    );
  }

  /** The objects of a kind with these labels; untyped unless T is given, like `read`. */
  list<T extends k8s.KubernetesObject = any>(
    apiVersion: string,
    kind: string,
    namespace: string,
    labelSelector: string,
  ): Promise<Array<ListedObject<T>>> {
    return this.call(`listing ${kind}`, async () => {
      const list = await this.objects.list<T>(
        apiVersion,
        kind,
        namespace,
        undefined,
        undefined,
        undefined,
        undefined,
        labelSelector,
      );
      return list.items.map(item => ({ ...item, apiVersion, kind }));
    });
  }
}
