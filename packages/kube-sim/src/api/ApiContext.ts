import type { VersionInfo } from './discovery';
import { ObjectStore } from '../store/ObjectStore';
import { ResourceRegistry } from './ResourceRegistry';
import { TokenRegistry } from './TokenRegistry';
import type { UserInfo } from '../auth/UserInfo';

/** What every request handler of one cluster works on. */
export interface ApiContext {
  clusterName: string;
  store: ObjectStore;
  registry: ResourceRegistry;
  tokens: TokenRegistry;
  /** What `/version` answers; the simulated default when absent. */
  version?: VersionInfo;
}

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
  | { status: number; text: string };
