import type { VersionInfo } from './discovery';
import { ObjectStore } from '../store/ObjectStore';
import { ResourceRegistry } from './ResourceRegistry';
import { TokenRegistry } from './TokenRegistry';
import type { UserInfo } from '../auth/UserInfo';
import type { ClusterMetrics } from '../metrics/ClusterMetrics';
import type { SimulatedLoad } from '../metrics/SimulatedLoad';

/** What every request handler of one cluster works on. */
export interface ApiContext {
  clusterName: string;
  store: ObjectStore;
  registry: ResourceRegistry;
  tokens: TokenRegistry;
  /** What `/version` answers; the simulated default when absent. */
  version?: VersionInfo;
}

/** What the simulation adds for the handlers that read simulated usage. */
export type SimulationContext = ApiContext & {
  load: SimulatedLoad;
  metrics: ClusterMetrics;
};

export interface ApiRequest {
  method: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** Who sent it; the self reviews answer for them. */
  user?: UserInfo;
}

export type ApiResult =
  | { status: number; body: unknown }
  | { status: number; text: string; contentType?: string };
