/** The parts of a Kubernetes object kube-sim reads; everything else is kept as given. */
export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  managedFields?: ManagedFieldsEntry[];
  [key: string]: unknown;
}

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ManagedFieldsEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time?: string;
  fieldsType: 'FieldsV1';
  fieldsV1: Record<string, unknown>;
  subresource?: string;
}

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [key: string]: any;
}

/** A resource the API serves: built in, or from a CustomResourceDefinition. */
export interface ResourceType {
  /** '' for the core group. */
  group: string;
  version: string;
  kind: string;
  listKind: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames?: string[];
  /** 'status', 'scale', 'log', 'token' … */
  subresources: string[];
  verbs: string[];
  /**
   * Returns why an object is invalid, one message per problem, or [] (CRDs' schemas). With
   * `pruneUnknownFields` it first drops the fields the schema does not know, from `object` itself.
   */
  validate?: (
    object: KubeObject,
    options?: { pruneUnknownFields?: boolean },
  ) => string[];
  /** A CRD version's openAPIV3Schema, published under /openapi (built-in kinds have their own). */
  schema?: Record<string, unknown>;
  /** A CRD version's `additionalPrinterColumns`, the columns of `kubectl get`. */
  printerColumns?: PrinterColumn[];
}

/** One of a CRD version's `additionalPrinterColumns`. */
export interface PrinterColumn {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  jsonPath: string;
  format?: string;
  description?: string;
  priority?: number;
}

export type WatchEventType =
  | 'ADDED'
  | 'MODIFIED'
  | 'DELETED'
  | 'BOOKMARK'
  | 'ERROR';

export interface WatchEvent {
  type: WatchEventType;
  object: KubeObject;
}
