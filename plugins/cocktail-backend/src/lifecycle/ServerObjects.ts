import { InputError, NotFoundError } from '@backstage/errors';
import type {
  KubernetesObject,
  V1ReplicaSet,
  V2HorizontalPodAutoscaler,
} from '@kubernetes/client-node';
import {
  LABEL_MANAGED_BY,
  LABEL_SERVER,
  MANAGED_BY_COCKTAIL,
} from '@cocktailcloud/plugin-cocktail-node';
import {
  KubernetesOperations,
  ListedObject,
  MANAGED_KINDS,
} from './KubernetesOperations';
import { ServerWorkload } from './serverWorkload';
import {
  describeRef,
  ObjectRef,
  ServerTarget,
  workloadRef,
} from './ServerTarget';

const REVISION = 'deployment.kubernetes.io/revision';

export function refOf(object: ListedObject, namespace: string): ObjectRef {
  return {
    apiVersion: object.apiVersion,
    kind: object.kind,
    namespace,
    name: object.metadata!.name!,
  };
}

/** What an operation changed, not the whole object the API server returned. */
export function changed(object: KubernetesObject) {
  return {
    object: `${object.kind}/${object.metadata?.name}`,
    resourceVersion: object.metadata?.resourceVersion,
    generation: object.metadata?.generation,
  };
}

/** One server's objects on its cluster: what every operation reads and how it patches. */
export class ServerObjects {
  constructor(
    readonly ops: KubernetesOperations,
    readonly target: ServerTarget,
  ) {}

  selector() {
    return `${LABEL_SERVER}=${this.target.server.metadata.name},${LABEL_MANAGED_BY}=${MANAGED_BY_COCKTAIL}`;
  }

  /** Every object the cluster holds for this server, found by its labels. */
  async liveObjects(): Promise<ListedObject[]> {
    const lists = await Promise.all(
      MANAGED_KINDS.map(k =>
        this.ops.list<KubernetesObject>(
          k.apiVersion,
          k.kind,
          this.target.namespace,
          this.selector(),
        ),
      ),
    );
    return lists.flat();
  }

  async patchWorkload(
    ref: ObjectRef,
    body: Record<string, unknown>,
    strategy: 'strategic' | 'merge',
  ) {
    return changed(await this.ops.patch(ref, body, strategy));
  }

  async workload(): Promise<ServerWorkload> {
    const ref = workloadRef(this.target);
    const object = await this.ops.read<ServerWorkload>(ref);
    if (!object) {
      throw new NotFoundError(
        `${describeRef(ref)} is not deployed in ${this.target.cluster}/${
          this.target.namespace
        }; deploy the server first`,
      );
    }
    return object;
  }

  async autoscaler(): Promise<V2HorizontalPodAutoscaler | undefined> {
    return this.ops.read<V2HorizontalPodAutoscaler>({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      namespace: this.target.namespace,
      name: this.target.server.metadata.name,
    });
  }

  /** The ReplicaSet of a Deployment's revision, which a rollback goes back to. */
  async replicaSetAt(revision: string): Promise<V1ReplicaSet> {
    if (this.target.server.spec.type !== 'Deployment') {
      throw new InputError(
        `revision: rollback is for Deployments; ${this.target.server.metadata.name} is a ${this.target.server.spec.type}`,
      );
    }
    await this.workload();
    const sets = await this.ops.list<V1ReplicaSet>(
      'apps/v1',
      'ReplicaSet',
      this.target.namespace,
      `${LABEL_SERVER}=${this.target.server.metadata.name}`,
    );
    const match = sets.find(
      rs => rs.metadata?.annotations?.[REVISION] === revision,
    );
    if (!match) {
      const known = sets
        .map(rs => rs.metadata?.annotations?.[REVISION])
        .filter(Boolean)
        .sort((a, b) => Number(a) - Number(b));
      throw new NotFoundError(
        `revision ${revision} of ${
          this.target.server.metadata.name
        } not found; known revisions are ${known.join(', ') || 'none'}`,
      );
    }
    return match;
  }
}
