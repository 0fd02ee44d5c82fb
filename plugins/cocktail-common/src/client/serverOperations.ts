import { DeployResult } from '../api/responses';
import { CocktailServerEntityV1alpha1 } from '../kinds/CocktailServerEntityV1alpha1';

/**
 * The image scan gate's fields of a deploy, a rolling update or a rollback.
 *
 * @public
 */
export interface GateOptions {
  /** Ask what the gate would say, changing nothing. */
  dryRun?: boolean;
  /** Go ahead although the image scan gate blocks it; needs `cocktail.imagescan.override`. */
  overrideScanGate?: boolean;
  overrideReason?: string;
}

/**
 * The body of `POST /servers/:namespace/:name/deploy`.
 *
 * @public
 */
export interface DeployOptions extends GateOptions {
  dryRun: boolean;
}

/**
 * The body of `POST /servers/:namespace/:name/autoscaling`: bounds, or autoscaling off.
 *
 * @public
 */
export type AutoscalingRequest =
  | { minReplicas: number; maxReplicas: number; targetCPUUtilization?: number }
  | { enabled: false };

/**
 * What an operation changed, as the backend reports it.
 *
 * @public
 */
export type OperationResult = Record<string, unknown>;

/**
 * What the image scan gate says about the images an operation would run (its dry run).
 *
 * @public
 */
export interface ScanGateReport {
  threshold: string;
  /** Whether images never scanned block too. */
  requireScan?: boolean;
  blocked: boolean;
  images: Array<{ image: string; scanId: string; atOrAbove: number }>;
  /** The images without any scan. */
  unscanned?: string[];
  findings: Array<{
    image: string;
    id: string;
    packageName: string;
    severity: string;
  }>;
}

/**
 * A deploy's result; a dry run carries the image scan gate's answer.
 *
 * @public
 */
export type ServerDeployResult = DeployResult & { gate?: ScanGateReport };

/**
 * The body of `POST /servers/deploy`: a CocktailServer given whole, before its catalog file is
 * ingested. The backend checks it as the catalog would.
 *
 * @public
 */
export interface InlineServerDeployRequest extends GateOptions {
  server: CocktailServerEntityV1alpha1;
  dryRun: boolean;
}

/**
 * `POST /servers/deploy`: the deploy's result, and where the server now runs.
 *
 * @public
 */
export interface InlineServerDeployResult {
  result: ServerDeployResult;
  entityRef: string;
  cluster: string;
  namespace: string;
}

/**
 * The query of `GET /servers/inline-status`: a server named by where it runs, since its catalog
 * entity may not exist yet.
 *
 * @public
 */
export interface InlineServerStatusQuery {
  entityRef: string;
  cluster: string;
  /** The Kubernetes namespace. */
  namespace: string;
  /** The server's name. */
  server: string;
}
