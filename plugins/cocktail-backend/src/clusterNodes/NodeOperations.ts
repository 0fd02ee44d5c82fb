import { ServiceUnavailableError } from '@backstage/errors';
import {
  makeAbortableApiClient,
  RequestTimeoutError,
  runWithDeadline,
} from '@cocktailcloud/plugin-cocktail-node';
import type * as k8s from '@kubernetes/client-node';
import {
  statusCodeOf,
  statusMessage,
  translateKubernetesError,
} from '../lifecycle/KubernetesOperations';

/** Why an eviction was refused: the disruption budget's own words when the API server gives them. */
function evictionRefusal(error: unknown): string {
  const body = (error as { body?: unknown }).body;
  const parsed = typeof body === 'string' ? safeJson(body) : body;
  const cause = (parsed as any)?.details?.causes?.[0]?.message;
  return cause ? `${statusMessage(error)} ${cause}` : statusMessage(error);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The outcome of one eviction request. */
export type EvictionOutcome =
  | { evicted: true }
  | { evicted: false; gone: true }
  | { evicted: false; gone: false; reason: string; retry: boolean };

/**
 * The node calls cordon and drain make on one cluster, through @kubernetes/client-node, each
 * with a time limit: read and cordon a node, list its pods, evict one pod.
 */
export class NodeOperations {
  private readonly core: k8s.CoreV1Api;

  constructor(
    private readonly client: typeof k8s,
    config: k8s.KubeConfig,
    readonly cluster: string,
    private readonly timeoutMs = 10_000,
  ) {
    this.core = makeAbortableApiClient(client, config, client.CoreV1Api);
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

  readNode(name: string): Promise<k8s.V1Node> {
    return this.call(`reading Node/${name}`, () =>
      this.core.readNode({ name }),
    );
  }

  setUnschedulable(name: string, unschedulable: boolean): Promise<k8s.V1Node> {
    return this.call(
      `${unschedulable ? 'cordoning' : 'uncordoning'} Node/${name}`,
      () =>
        this.core.patchNode(
          { name, body: { spec: { unschedulable } } },
          this.client.setHeaderOptions(
            'Content-Type',
            this.client.PatchStrategy.MergePatch,
          ),
        ),
    );
  }

  async podsOn(node: string): Promise<k8s.V1Pod[]> {
    const list = await this.call(`listing the pods of Node/${node}`, () =>
      this.core.listPodForAllNamespaces({
        fieldSelector: `spec.nodeName=${node}`,
      }),
    );
    return list.items;
  }

  /** Asks the eviction API to evict a pod; a disruption budget's refusal (429) is an outcome, not an error. */
  async evict(namespace: string, name: string): Promise<EvictionOutcome> {
    try {
      await runWithDeadline(this.timeoutMs, () =>
        this.core.createNamespacedPodEviction({
          name,
          namespace,
          body: {
            apiVersion: 'policy/v1',
            kind: 'Eviction',
            metadata: { name, namespace },
          },
        }),
      );
      return { evicted: true };
    } catch (error) {
      const code = statusCodeOf(error);
      if (code === 404) {
        return { evicted: false, gone: true };
      }
      if (code === 429 || error instanceof RequestTimeoutError) {
        return {
          evicted: false,
          gone: false,
          reason: evictionRefusal(error),
          retry: true,
        };
      }
      return {
        evicted: false,
        gone: false,
        reason: statusMessage(error),
        retry: false,
      };
    }
  }
}
