import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  DeployResult,
  PlannedChange,
} from '@cocktailcloud/plugin-cocktail-common';
import {
  LABEL_MANAGED_BY,
  LABEL_SERVER,
  MANAGED_BY_COCKTAIL,
  renderServerManifests,
} from '@cocktailcloud/plugin-cocktail-node';
import { diffDesiredFields } from './diffManifest';
import { partialFailure } from './partialFailure';
import { podImagesOf } from './podImagesOf';
import { KubernetesOperations, MANAGED_KINDS } from './KubernetesOperations';
import {
  describeRef,
  ObjectRef,
  ServerTarget,
  workloadRef,
} from './ServerTarget';

const REVISION = 'deployment.kubernetes.io/revision';
const SUSPENDED_REPLICAS = 'cocktailcloud.io/replicas-before-suspend';

function refOf(object: any, namespace: string): ObjectRef {
  return {
    apiVersion: object.apiVersion,
    kind: object.kind,
    namespace,
    name: object.metadata.name,
  };
}

/**
 * The lifecycle operations on one server. Multi-object changes are dry-run on the server first;
 * when a real apply then fails part way, the error says what was applied before it.
 */
export class ServerLifecycle {
  constructor(
    private readonly ops: KubernetesOperations,
    private readonly target: ServerTarget,
  ) {}

  private selector() {
    return `${LABEL_SERVER}=${this.target.server.metadata.name},${LABEL_MANAGED_BY}=${MANAGED_BY_COCKTAIL}`;
  }

  /** Every object the cluster holds for this server, found by its labels. */
  async liveObjects(): Promise<any[]> {
    const lists = await Promise.all(
      MANAGED_KINDS.map(k =>
        this.ops.list(
          k.apiVersion,
          k.kind,
          this.target.namespace,
          this.selector(),
        ),
      ),
    );
    return lists.flat();
  }

  async deploy(options: { dryRun: boolean }): Promise<DeployResult> {
    const manifests = renderServerManifests({
      server: this.target.server,
      serviceMap: this.target.serviceMap,
    });
    const rendered = new Set(manifests.map(m => describeRef(m)));
    const live = await this.liveObjects();
    const prunable = live.filter(o => !rendered.has(describeRef(o)));
    // The server checks every object before anything is applied.
    const previews = [];
    for (const manifest of manifests) {
      const before = live.find(o => describeRef(o) === describeRef(manifest));
      await this.ops.apply(manifest, { dryRun: true });
      const changes = before ? diffDesiredFields(manifest, before) : [];
      let action: PlannedChange['action'] = 'create';
      if (before) {
        action = changes.length ? 'update' : 'unchanged';
      }
      previews.push({ object: describeRef(manifest), action, changes });
    }
    const changes: PlannedChange[] = [
      ...previews.map(({ object, action, changes: c }) => ({
        object,
        action,
        changes: c,
      })),
      ...prunable.map(o => ({
        object: describeRef(o),
        action: 'prune' as const,
        changes: [],
      })),
    ];
    if (options.dryRun) {
      return { dryRun: true, changes, applied: [], pruned: [] };
    }
    const applied: string[] = [];
    for (const manifest of manifests) {
      try {
        await this.ops.apply(manifest, { dryRun: false });
        applied.push(describeRef(manifest));
      } catch (error) {
        throw partialFailure(
          error as Error,
          `applying ${describeRef(manifest)}`,
          applied,
          manifests.slice(applied.length + 1).map(m => describeRef(m)),
        );
      }
    }
    const pruned: string[] = [];
    for (const object of prunable) {
      await this.ops.delete(refOf(object, this.target.namespace));
      pruned.push(describeRef(object));
    }
    return { dryRun: false, changes, applied, pruned };
  }

  private async patchWorkload(
    ref: ObjectRef,
    body: Record<string, unknown>,
    strategy: 'strategic' | 'merge',
  ) {
    return changed(await this.ops.patch(ref, body, strategy));
  }

  private async workload(): Promise<any> {
    const ref = workloadRef(this.target);
    const object = await this.ops.read(ref);
    if (!object) {
      throw new NotFoundError(
        `${describeRef(ref)} is not deployed in ${this.target.cluster}/${
          this.target.namespace
        }; deploy the server first`,
      );
    }
    return object;
  }

  async rollingUpdate(images: Record<string, string>) {
    const workload = await this.workload();
    const containers: string[] = (
      workload.spec.template?.spec?.containers ??
      workload.spec.jobTemplate?.spec?.template?.spec?.containers ??
      []
    ).map((c: any) => c.name);
    const unknown = Object.keys(images).filter(
      name => !containers.includes(name),
    );
    if (unknown.length) {
      throw new InputError(
        `images: no container named ${unknown.join(', ')} in ${describeRef(
          workloadRef(this.target),
        )}; its containers are ${containers.join(', ')}`,
      );
    }
    const patch = {
      spec: {
        template: {
          spec: {
            containers: Object.entries(images).map(([name, image]) => ({
              name,
              image,
            })),
          },
        },
      },
    };
    return this.patchWorkload(
      workloadRef(this.target),
      this.target.server.spec.type === 'CronJob'
        ? { spec: { jobTemplate: patch } }
        : patch,
      'strategic',
    );
  }

  async restart(now = new Date()) {
    await this.workload();
    if (
      !['Deployment', 'StatefulSet', 'DaemonSet'].includes(
        this.target.server.spec.type,
      )
    ) {
      throw new InputError(
        `restart is for Deployments, StatefulSets and DaemonSets; ${this.target.server.metadata.name} is a ${this.target.server.spec.type}`,
      );
    }
    return this.patchWorkload(
      workloadRef(this.target),
      {
        spec: {
          template: {
            metadata: {
              annotations: {
                'kubectl.kubernetes.io/restartedAt': now.toISOString(),
              },
            },
          },
        },
      },
      'strategic',
    );
  }

  private async autoscaler(): Promise<any | undefined> {
    return this.ops.read({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      namespace: this.target.namespace,
      name: this.target.server.metadata.name,
    });
  }

  async scale(replicas: number) {
    if (!['Deployment', 'StatefulSet'].includes(this.target.server.spec.type)) {
      throw new InputError(
        `replicas: only a Deployment or StatefulSet can be scaled; ${this.target.server.metadata.name} is a ${this.target.server.spec.type}`,
      );
    }
    await this.workload();
    if (await this.autoscaler()) {
      throw new ConflictError(
        `${this.target.server.metadata.name} is autoscaled: its HorizontalPodAutoscaler sets the replicas; change its autoscaling bounds instead`,
      );
    }
    return this.patchWorkload(
      workloadRef(this.target),
      { spec: { replicas } },
      'merge',
    );
  }

  async autoscale(
    settings:
      | {
          minReplicas: number;
          maxReplicas: number;
          targetCPUUtilization?: number;
        }
      | { enabled: false },
  ) {
    await this.workload();
    const name = this.target.server.metadata.name;
    if ('enabled' in settings) {
      const existing = await this.autoscaler();
      if (existing) {
        await this.ops.delete({
          apiVersion: 'autoscaling/v2',
          kind: 'HorizontalPodAutoscaler',
          namespace: this.target.namespace,
          name,
        });
      }
      return { autoscaling: 'disabled' };
    }
    const server = {
      ...this.target.server,
      spec: { ...this.target.server.spec, autoscaling: settings },
    };
    const hpa = renderServerManifests({
      server,
      serviceMap: this.target.serviceMap,
    }).find(m => m.kind === 'HorizontalPodAutoscaler')!;
    return changed(await this.ops.apply(hpa, { dryRun: false }));
  }

  /** The ReplicaSet of a Deployment's revision, which a rollback goes back to. */
  private async replicaSetAt(revision: string): Promise<any> {
    if (this.target.server.spec.type !== 'Deployment') {
      throw new InputError(
        `revision: rollback is for Deployments; ${this.target.server.metadata.name} is a ${this.target.server.spec.type}`,
      );
    }
    await this.workload();
    const sets = await this.ops.list(
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

  /** The images a rollback to `revision` would run; reads only. */
  async rollbackImages(revision: string): Promise<string[]> {
    return podImagesOf([await this.replicaSetAt(revision)]);
  }

  async rollback(revision: string) {
    const match = await this.replicaSetAt(revision);
    const template = structuredClone(match.spec.template);
    delete template.metadata?.labels?.['pod-template-hash'];
    return this.patchWorkload(
      workloadRef(this.target),
      { spec: { template: { $patch: 'replace', ...template } } },
      'strategic',
    );
  }

  async suspend() {
    const workload = await this.workload();
    const kind = this.target.server.spec.type;
    if (kind === 'CronJob' || kind === 'Job') {
      return this.patchWorkload(
        workloadRef(this.target),
        { spec: { suspend: true } },
        'merge',
      );
    }
    if (kind === 'DaemonSet') {
      throw new InputError(
        'a DaemonSet cannot be suspended; it runs one pod on every node',
      );
    }
    if (await this.autoscaler()) {
      throw new ConflictError(
        `${this.target.server.metadata.name} is autoscaled; disable autoscaling before suspending it`,
      );
    }
    return this.patchWorkload(
      workloadRef(this.target),
      {
        metadata: {
          annotations: {
            [SUSPENDED_REPLICAS]: String(workload.spec.replicas ?? 1),
          },
        },
        spec: { replicas: 0 },
      },
      'merge',
    );
  }

  async resume() {
    const workload = await this.workload();
    const kind = this.target.server.spec.type;
    if (kind === 'CronJob' || kind === 'Job') {
      return this.patchWorkload(
        workloadRef(this.target),
        { spec: { suspend: false } },
        'merge',
      );
    }
    const before = workload.metadata?.annotations?.[SUSPENDED_REPLICAS];
    if (before === undefined) {
      throw new ConflictError(
        `${this.target.server.metadata.name} is not suspended`,
      );
    }
    return this.patchWorkload(
      workloadRef(this.target),
      {
        metadata: { annotations: { [SUSPENDED_REPLICAS]: null } },
        spec: { replicas: Number(before) },
      },
      'merge',
    );
  }

  /** Deletes every object of the server; with dryRun, lists what would go. */
  async delete(options: { dryRun: boolean }) {
    const live = await this.liveObjects();
    const objects = live.map(o => describeRef(o));
    if (options.dryRun) {
      return { dryRun: true, objects, deleted: [] };
    }
    const deleted: string[] = [];
    for (const object of live) {
      try {
        await this.ops.delete(refOf(object, this.target.namespace));
        deleted.push(describeRef(object));
      } catch (error) {
        throw partialFailure(
          error as Error,
          `deleting ${describeRef(object)}`,
          deleted,
          objects.slice(deleted.length + 1),
          'deleted',
        );
      }
    }
    return { dryRun: false, objects, deleted };
  }

  /** What the live objects differ from the catalog spec in. */
  async drift() {
    const manifests = renderServerManifests({
      server: this.target.server,
      serviceMap: this.target.serviceMap,
    });
    const live = await this.liveObjects();
    const rendered = new Set(manifests.map(m => describeRef(m)));
    return {
      objects: [
        ...manifests.map(manifest => {
          const actual = live.find(
            o => describeRef(o) === describeRef(manifest),
          );
          if (!actual) {
            return {
              object: describeRef(manifest),
              state: 'missing' as const,
              changes: [],
            };
          }
          const changes = diffDesiredFields(manifest, actual).map(c => ({
            path: c.path,
            expected: c.to,
            actual: c.from,
          }));
          return {
            object: describeRef(manifest),
            state: changes.length ? ('drifted' as const) : ('in-sync' as const),
            changes,
          };
        }),
        ...live
          .filter(o => !rendered.has(describeRef(o)))
          .map(o => ({
            object: describeRef(o),
            state: 'extra' as const,
            changes: [],
          })),
      ],
    };
  }
}

/** What an operation changed, not the whole object the API server returned. */
function changed(object: any) {
  return {
    object: `${object.kind}/${object.metadata?.name}`,
    resourceVersion: object.metadata?.resourceVersion,
    generation: object.metadata?.generation,
  };
}
