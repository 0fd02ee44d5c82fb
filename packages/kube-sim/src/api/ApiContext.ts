import { ObjectStore } from '../store/ObjectStore';
import { ResourceRegistry } from './ResourceRegistry';
import { TokenRegistry } from './TokenRegistry';

/** What every request handler of one cluster works on. */
export interface ApiContext {
  clusterName: string;
  store: ObjectStore;
  registry: ResourceRegistry;
  tokens: TokenRegistry;
}

export interface ApiRequest {
  method: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export type ApiResult =
  | { status: number; body: unknown }
  | { status: number; text: string };
