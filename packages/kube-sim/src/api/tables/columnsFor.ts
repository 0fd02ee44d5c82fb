import { PrinterColumn, ResourceType } from '../types';
import {
  configMapColumns,
  eventColumns,
  namespaceColumns,
  nodeColumns,
  podColumns,
  secretColumns,
  serviceAccountColumns,
  serviceColumns,
} from './coreColumns';
import { ageOf } from './humanAge';
import { jsonPathValue } from './jsonPathValue';
import { ageColumn, Cell, nameColumn, TableColumn } from './tableColumn';
import {
  daemonSetColumns,
  deploymentColumns,
  jobColumns,
  replicaSetColumns,
  statefulSetColumns,
} from './workloadColumns';

/** The columns the API server prints for these kinds (k8s.io/kubernetes printers.go). */
const BUILT_IN_COLUMNS: Record<string, TableColumn[]> = {
  '/Pod': podColumns,
  '/Service': serviceColumns,
  '/ConfigMap': configMapColumns,
  '/Secret': secretColumns,
  '/ServiceAccount': serviceAccountColumns,
  '/Namespace': namespaceColumns,
  '/Node': nodeColumns,
  '/Event': eventColumns,
  'apps/Deployment': deploymentColumns,
  'apps/ReplicaSet': replicaSetColumns,
  'apps/StatefulSet': statefulSetColumns,
  'apps/DaemonSet': daemonSetColumns,
  'batch/Job': jobColumns,
};

function printerColumn(column: PrinterColumn): TableColumn {
  const isDate = column.type === 'date';
  return {
    name: column.name,
    type: isDate ? 'date' : column.type,
    ...(column.format && { format: column.format }),
    description: column.description ?? '',
    priority: column.priority ?? 0,
    cell: (object, now) => {
      const value = jsonPathValue(object, column.jsonPath);
      if (value === undefined || value === null) {
        return null;
      }
      if (isDate) {
        return ageOf(String(value), now);
      }
      return typeof value === 'object'
        ? JSON.stringify(value)
        : (value as Cell);
    },
  };
}

/**
 * The columns of a kind's Table: its printer's, a CRD's `additionalPrinterColumns` (after Name),
 * or Name and Age.
 */
export function columnsFor(type: ResourceType): TableColumn[] {
  const builtIn = BUILT_IN_COLUMNS[`${type.group}/${type.kind}`];
  if (builtIn) {
    return builtIn;
  }
  if (type.printerColumns?.length) {
    return [nameColumn, ...type.printerColumns.map(printerColumn)];
  }
  return [nameColumn, ageColumn];
}
