import { IncomingMessage, ServerResponse } from 'node:http';
import net, { AddressInfo, Socket } from 'node:net';
import { ApiRequest, SimulationContext } from '../api/ApiContext';
import { dispatchRequest } from '../api/dispatchRequest';
import { requestBodyText } from '../api/protobuf/requestBodyText';
import { ResourceRegistry } from '../api/ResourceRegistry';
import { StatusError, statusErrors } from '../api/statusErrors';
import { TokenRegistry } from '../api/TokenRegistry';
import { ResourceType } from '../api/types';
import { authenticateRequest } from '../auth/authenticateRequest';
import { authorizeRequest } from '../auth/authorizeRequest';
import { SIMULATED_VERSION, versionInfo } from '../api/discovery';
import { bootstrapCluster } from '../cluster/bootstrapCluster';
import { ClusterApiController } from '../controllers/clusterApi/ClusterApiController';
import type { WorkloadClusterHost } from '../controllers/clusterApi/WorkloadClusterHost';
import { ControllerSettings } from '../controllers/ControllerContext';
import { ControllerManager } from '../controllers/ControllerManager';
import { withClusterApiResources } from '../crds/clusterApiResources';
import { withTrivyOperatorResources } from '../crds/trivyOperatorResources';
import { withVeleroResources } from '../crds/veleroResources';
import { standaloneHost } from './standaloneHost';
import { ObjectStore } from '../store/ObjectStore';
import { dualProtocolListener } from './dualProtocolListener';
import {
  checkFaultSettings,
  FaultSettings,
  injectedError,
  isChange,
} from './faults';
import { readBody } from './readBody';
import { servingCertificate } from './selfSignedCertificate';
import { startWatch } from './WatchStream';
import { ClusterMetrics } from '../metrics/ClusterMetrics';
import { SimulatedLoad } from '../metrics/SimulatedLoad';
import {
  CONTROL_PATH_PREFIX,
  ControlEndpoint,
  serveControlEndpoint,
} from './controlEndpoints';

export interface SimulatedClusterOptions {
  name: string;
  /** When set, requests must carry it (or a TokenRequest token) as a bearer token. */
  token?: string;
  customResources?: ResourceType[];
  faults?: FaultSettings;
  bookmarkIntervalMs?: number;
  historyLimit?: number;
  /** Simulated nodes; 3 when not given. */
  nodes?: number;
  /** Controller timings, or false to run no controllers (plain storage, for benchmarks). */
  controllers?: Partial<ControllerSettings> | false;
  /** Serve metrics.k8s.io as metrics-server would; false for a cluster without it. */
  metricsServer?: boolean;
  /**
   * Serve Trivy Operator's VulnerabilityReports (a loaded CRD wins); false for a cluster
   * without Trivy Operator.
   */
  trivyOperator?: boolean;
  /** Serve and run Velero's Backups, Schedules and Restores (loaded CRDs win); false for a cluster without Velero. */
  velero?: boolean;
  /**
   * The Kubernetes version `/version` and the nodes report, such as `v1.31.2`;
   * `v1.33.0-kube-sim` (nodes `v1.33.0`) when not given.
   */
  kubernetesVersion?: string;
  /**
   * Play a Cluster API management cluster: serve the Cluster API CRDs (those loaded from
   * YAML win) and provision a simulated cluster for each Cluster.
   */
  clusterApi?: boolean;
  /** Where provisioned Clusters run; a lone cluster starts them on free ports itself. */
  workloadClusterHost?: WorkloadClusterHost;
}

export const DEFAULT_CONTROLLER_SETTINGS: ControllerSettings = {
  podReadyDelayMs: 300,
  jobPodDurationMs: 1_000,
  syncPeriodMs: 1_000,
  clusterApiProvisionMs: 3_000,
};

/** One simulated cluster: its objects and an HTTP server speaking the Kubernetes REST API. */
export class SimulatedCluster {
  readonly name: string;
  readonly store: ObjectStore;
  readonly registry: ResourceRegistry;
  readonly tokens: TokenRegistry;
  readonly controllers?: ControllerManager;
  /** The Cluster API controller of a management cluster (`clusterApi: true`). */
  readonly clusterApi?: ClusterApiController;
  /** How busy the simulated pods are, for the whole cluster and per workload. */
  readonly load = new SimulatedLoad();
  /** The cAdvisor and kube-state-metrics series its `/metrics` serves. */
  readonly metrics: ClusterMetrics;
  private readonly controlEndpoints: Record<string, ControlEndpoint> = {
    faults: {
      get: () => this.getFaults(),
      set: input => this.setFaults(input as FaultSettings),
    },
    load: { get: () => this.load.get(), set: input => this.load.set(input) },
  };
  private faults: FaultSettings;
  /** Changes made since the faults were last set, for `failWritesAfter`. */
  private writesSinceFaults = 0;
  private readonly server: net.Server;
  private readonly closeAllConnections: () => void;
  private readonly openWatches = new Set<ServerResponse>();
  private readonly heldRequests = new Set<Socket>();
  private readonly bookmarkIntervalMs: number;
  private version?: string;
  private listenHost = '127.0.0.1';
  private lastUrl?: string;
  private closing?: Promise<void>;

  constructor(options: SimulatedClusterOptions) {
    this.name = options.name;
    this.version = options.kubernetesVersion;
    this.store = new ObjectStore(options.historyLimit);
    const customResources = options.clusterApi
      ? withClusterApiResources(options.customResources ?? [])
      : options.customResources ?? [];
    const withTrivy =
      options.trivyOperator === false
        ? customResources
        : withTrivyOperatorResources(customResources);
    this.registry = new ResourceRegistry(
      options.velero === false ? withTrivy : withVeleroResources(withTrivy),
    );
    if (options.metricsServer === false) {
      this.registry.removeGroup('metrics.k8s.io');
    }
    this.tokens = new TokenRegistry(options.token);
    this.metrics = new ClusterMetrics(
      {
        clusterName: this.name,
        store: this.store,
        registry: this.registry,
        tokens: this.tokens,
      },
      this.load,
    );
    this.faults = checkFaultSettings(options.faults ?? {});
    this.bookmarkIntervalMs = options.bookmarkIntervalMs ?? 5_000;
    if (options.controllers !== false) {
      this.controllers = new ControllerManager(
        this.store,
        this.registry,
        { ...DEFAULT_CONTROLLER_SETTINGS, ...options.controllers },
        this.load,
      );
    }
    bootstrapCluster(
      this.store,
      this.registry,
      this.name,
      options.nodes ?? 3,
      options.kubernetesVersion,
    );
    if (options.clusterApi && this.controllers) {
      this.clusterApi = new ClusterApiController(
        this.controllers.ctx,
        options.workloadClusterHost ?? standaloneHost(this, options),
      );
    }
    const { listener, closeAllConnections } = dualProtocolListener(
      (request, response) => {
        this.handle(request, response).catch(error =>
          this.fail(response, error),
        );
      },
      servingCertificate,
    );
    this.server = listener;
    this.closeAllConnections = closeAllConnections;
  }

  get context(): SimulationContext {
    return {
      clusterName: this.name,
      store: this.store,
      registry: this.registry,
      tokens: this.tokens,
      load: this.load,
      metrics: this.metrics,
      version: versionInfo(this.version),
    };
  }

  /** The Kubernetes version `/version` reports, such as `v1.31.2`. */
  get kubernetesVersion(): string {
    return this.version ?? SIMULATED_VERSION.gitVersion;
  }

  /** Changes what `/version` reports, as an upgraded API server would; nodes keep theirs. */
  setKubernetesVersion(version: string) {
    this.version = version;
  }

  /** The address the server listens on. */
  get host(): string {
    return this.listenHost;
  }

  async listen(port: number, host = '127.0.0.1'): Promise<string> {
    this.listenHost = host;
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve());
    });
    return this.url;
  }

  /** Whether the server is listening (and so has a URL). */
  get listening(): boolean {
    return this.server.listening;
  }

  /** Where the server listens, or listened before it was closed. */
  get url(): string {
    const address = this.server.address() as AddressInfo | null;
    if (address) {
      this.lastUrl = `http://${address.address}:${address.port}`;
    }
    if (!this.lastUrl) {
      throw new Error(`simulated cluster ${this.name} is not listening`);
    }
    return this.lastUrl;
  }

  /** The same port over HTTPS, with {@link servingCertificate} (kubectl sends tokens only over TLS). */
  get secureUrl(): string {
    return this.url.replace(/^http:/, 'https:');
  }

  /** Stops the server and its controllers (and the clusters a lone management cluster started). */
  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    await this.clusterApi?.stop();
    this.controllers?.stop();
    for (const watch of this.openWatches) {
      watch.destroy();
    }
    for (const socket of this.heldRequests) {
      socket.destroy();
    }
    this.closeAllConnections();
    await new Promise<void>(resolve => this.server.close(() => resolve()));
  }

  getFaults(): FaultSettings {
    return { ...this.faults };
  }

  /** Replaces the fault settings; going down cuts every open watch. */
  setFaults(settings: FaultSettings) {
    const wasDown = this.faults.down;
    this.faults = checkFaultSettings(settings);
    this.writesSinceFaults = 0;
    if (this.faults.down) {
      this.dropWatches();
    } else if (wasDown) {
      for (const socket of this.heldRequests) {
        socket.destroy();
      }
      this.heldRequests.clear();
    }
  }

  /** Cuts every open watch, as a network blip or an API server restart would. */
  dropWatches() {
    for (const watch of this.openWatches) {
      watch.socket?.destroy();
    }
    this.openWatches.clear();
  }

  private async writeFaults() {
    if (this.faults.writeLatencyMs) {
      await new Promise(resolve =>
        setTimeout(resolve, this.faults.writeLatencyMs),
      );
    }
    if (this.faults.failWritesAfter !== undefined) {
      if (this.writesSinceFaults >= this.faults.failWritesAfter) {
        throw injectedError(this.faults.errorCode);
      }
      this.writesSinceFaults += 1;
    }
  }

  private async handle(incoming: IncomingMessage, response: ServerResponse) {
    const url = new URL(incoming.url ?? '/', 'http://kube-sim');
    const body = requestBodyText(await readBody(incoming), incoming.headers);
    if (url.pathname.startsWith(CONTROL_PATH_PREFIX)) {
      serveControlEndpoint(
        this.controlEndpoints[url.pathname.slice(CONTROL_PATH_PREFIX.length)],
        incoming.method ?? 'GET',
        body,
        response,
      );
      return;
    }
    if (this.faults.down) {
      this.heldRequests.add(incoming.socket);
      incoming.socket.once('close', () =>
        this.heldRequests.delete(incoming.socket),
      );
      return;
    }
    if (this.faults.latencyMs) {
      await new Promise(resolve => setTimeout(resolve, this.faults.latencyMs));
    }
    if (this.faults.errorRate && Math.random() < this.faults.errorRate) {
      throw injectedError(this.faults.errorCode);
    }
    if (isChange(incoming.method, url)) {
      await this.writeFaults();
    }
    const user = authenticateRequest(
      this.context,
      incoming.headers.authorization,
    );
    const request: ApiRequest = {
      method: incoming.method ?? 'GET',
      query: url.searchParams,
      headers: incoming.headers,
      body,
      user,
    };
    authorizeRequest(this.context, user, url.pathname, request);
    const result = dispatchRequest(this.context, url.pathname, request);
    if ('watch' in result) {
      const stop = startWatch(this.context, response, {
        type: result.path.type,
        namespace: result.path.namespace,
        query: url.searchParams,
        bookmarkIntervalMs: this.bookmarkIntervalMs,
      });
      this.openWatches.add(response);
      response.on('close', () => this.openWatches.delete(response));
      if (this.faults.dropWatchesAfterMs) {
        const timer = setTimeout(() => {
          stop();
          response.socket?.destroy();
        }, this.faults.dropWatchesAfterMs);
        response.on('close', () => clearTimeout(timer));
      }
      return;
    }
    if ('text' in result) {
      response.writeHead(result.status, {
        'Content-Type': result.contentType ?? 'text/plain',
      });
      response.end(result.text);
      return;
    }
    response.writeHead(result.status, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify(result.body));
  }

  private fail(response: ServerResponse, error: unknown) {
    const status =
      error instanceof StatusError
        ? error
        : statusErrors.internal((error as Error)?.message ?? String(error));
    if (response.headersSent) {
      response.end();
      return;
    }
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
    };
    if (status.code === 429) {
      headers['Retry-After'] = '1';
    }
    response.writeHead(status.code, headers);
    response.end(JSON.stringify(status.toStatus()));
  }
}
