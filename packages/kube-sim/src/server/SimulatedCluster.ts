import http, { IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import { ApiContext, ApiRequest } from '../api/ApiContext';
import { dispatchRequest } from '../api/dispatchRequest';
import { ResourceRegistry } from '../api/ResourceRegistry';
import { StatusError, statusErrors } from '../api/statusErrors';
import { TokenRegistry } from '../api/TokenRegistry';
import { ResourceType } from '../api/types';
import { bootstrapCluster } from '../cluster/bootstrapCluster';
import { ControllerSettings } from '../controllers/ControllerContext';
import { ControllerManager } from '../controllers/ControllerManager';
import { ObjectStore } from '../store/ObjectStore';
import { checkFaultSettings, FaultSettings } from './faults';
import { startWatch } from './WatchStream';

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
}

const INJECTED_ERRORS = {
  429: () => statusErrors.tooManyRequests(),
  500: () => statusErrors.internal('injected fault'),
  503: () =>
    statusErrors.unavailable(
      'the server is currently unable to handle the request (injected fault)',
    ),
};

export const DEFAULT_CONTROLLER_SETTINGS: ControllerSettings = {
  podReadyDelayMs: 300,
  jobPodDurationMs: 1_000,
  syncPeriodMs: 1_000,
};

/** One simulated cluster: its objects and an HTTP server speaking the Kubernetes REST API. */
export class SimulatedCluster {
  readonly name: string;
  readonly store: ObjectStore;
  readonly registry: ResourceRegistry;
  readonly tokens: TokenRegistry;
  readonly controllers?: ControllerManager;
  /** Scales the simulated CPU use (1 = normal); HPA tests raise it. */
  loadFactor = 1;
  private faults: FaultSettings;
  private readonly server: http.Server;
  private readonly openWatches = new Set<ServerResponse>();
  private readonly heldRequests = new Set<Socket>();
  private readonly bookmarkIntervalMs: number;

  constructor(options: SimulatedClusterOptions) {
    this.name = options.name;
    this.store = new ObjectStore(options.historyLimit);
    this.registry = new ResourceRegistry(options.customResources);
    if (options.metricsServer === false) {
      this.registry.removeGroup('metrics.k8s.io');
    }
    this.tokens = new TokenRegistry(options.token);
    this.faults = checkFaultSettings(options.faults ?? {});
    this.bookmarkIntervalMs = options.bookmarkIntervalMs ?? 5_000;
    if (options.controllers !== false) {
      this.controllers = new ControllerManager(
        this.store,
        this.registry,
        { ...DEFAULT_CONTROLLER_SETTINGS, ...options.controllers },
        () => this.loadFactor,
      );
    }
    bootstrapCluster(this.store, this.registry, this.name, options.nodes ?? 3);
    this.server = http.createServer((request, response) => {
      this.handle(request, response).catch(error => this.fail(response, error));
    });
    this.server.keepAliveTimeout = 5_000;
  }

  get context(): ApiContext & { loadFactor: number } {
    return {
      clusterName: this.name,
      store: this.store,
      registry: this.registry,
      tokens: this.tokens,
      loadFactor: this.loadFactor,
    };
  }

  async listen(port: number, host = '127.0.0.1'): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve());
    });
    return this.url;
  }

  get url(): string {
    const address = this.server.address() as AddressInfo;
    return `http://${address.address}:${address.port}`;
  }

  async close(): Promise<void> {
    this.controllers?.stop();
    for (const watch of this.openWatches) {
      watch.destroy();
    }
    for (const socket of this.heldRequests) {
      socket.destroy();
    }
    this.server.closeAllConnections();
    await new Promise<void>(resolve => this.server.close(() => resolve()));
  }

  getFaults(): FaultSettings {
    return { ...this.faults };
  }

  /** Replaces the fault settings; going down cuts every open watch. */
  setFaults(settings: FaultSettings) {
    const wasDown = this.faults.down;
    this.faults = checkFaultSettings(settings);
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

  private async handle(incoming: IncomingMessage, response: ServerResponse) {
    const url = new URL(incoming.url ?? '/', 'http://kube-sim');
    const body = await readBody(incoming);
    if (url.pathname === '/kube-sim/faults') {
      this.handleFaultsEndpoint(incoming.method ?? 'GET', body, response);
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
      const code = this.faults.errorCode ?? 503;
      throw INJECTED_ERRORS[code]();
    }
    if (this.tokens.required) {
      const authorization = incoming.headers.authorization ?? '';
      const token = authorization.startsWith('Bearer ')
        ? authorization.slice(7)
        : undefined;
      if (!this.tokens.accepts(token)) {
        throw statusErrors.unauthorized();
      }
    }
    const request: ApiRequest = {
      method: incoming.method ?? 'GET',
      query: url.searchParams,
      headers: incoming.headers,
      body,
    };
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
      response.writeHead(result.status, { 'Content-Type': 'text/plain' });
      response.end(result.text);
      return;
    }
    response.writeHead(result.status, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify(result.body));
  }

  private handleFaultsEndpoint(
    method: string,
    body: string,
    response: ServerResponse,
  ) {
    try {
      if (method === 'PUT') {
        this.setFaults(JSON.parse(body || '{}'));
      } else if (method !== 'GET') {
        throw new Error(`${method} is not supported; use GET or PUT`);
      }
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(this.faults));
    } catch (error) {
      response.writeHead(400, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ error: (error as Error).message }));
    }
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

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', chunk => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
