import { DeployResult } from '@cocktailcloud/plugin-cocktail-common';
import { KubernetesOperations, ListedObject } from './KubernetesOperations';
import { autoscaleServer } from './operations/autoscaleServer';
import { deleteServer } from './operations/deleteServer';
import { deployServer } from './operations/deployServer';
import { restartServer } from './operations/restartServer';
import { rollbackImages, rollbackServer } from './operations/rollbackServer';
import { rollingUpdateServer } from './operations/rollingUpdateServer';
import { scaleServer } from './operations/scaleServer';
import { serverDrift } from './operations/serverDrift';
import { resumeServer, suspendServer } from './operations/suspendServer';
import { ServerObjects } from './ServerObjects';
import { ServerTarget } from './ServerTarget';

/**
 * The lifecycle operations on one server, each in its own file under `operations/`. Multi-object
 * changes are dry-run on the server first; when a real apply then fails part way, the error
 * says what was applied before it.
 */
export class ServerLifecycle {
  private readonly server: ServerObjects;

  constructor(ops: KubernetesOperations, target: ServerTarget) {
    this.server = new ServerObjects(ops, target);
  }

  /** Every object the cluster holds for this server, found by its labels. */
  liveObjects(): Promise<ListedObject[]> {
    return this.server.liveObjects();
  }

  deploy(options: { dryRun: boolean }): Promise<DeployResult> {
    return deployServer(this.server, options);
  }

  rollingUpdate(images: Record<string, string>) {
    return rollingUpdateServer(this.server, images);
  }

  restart(now = new Date()) {
    return restartServer(this.server, now);
  }

  scale(replicas: number) {
    return scaleServer(this.server, replicas);
  }

  autoscale(settings: Parameters<typeof autoscaleServer>[1]) {
    return autoscaleServer(this.server, settings);
  }

  /** The images a rollback to `revision` would run; reads only. */
  rollbackImages(revision: string): Promise<string[]> {
    return rollbackImages(this.server, revision);
  }

  rollback(revision: string) {
    return rollbackServer(this.server, revision);
  }

  suspend() {
    return suspendServer(this.server);
  }

  resume() {
    return resumeServer(this.server);
  }

  /** Deletes every object of the server; with dryRun, lists what would go. */
  delete(options: { dryRun: boolean }) {
    return deleteServer(this.server, options);
  }

  /** What the live objects differ from the catalog spec in. */
  drift() {
    return serverDrift(this.server);
  }
}
