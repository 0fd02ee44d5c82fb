import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  ServiceEntityV1alpha1,
  ServiceMapSummary,
  ServiceSummary,
} from '@cocktailcloud/plugin-cocktail-common';
import { addQuotaTotals, totalsOfQuota, totalsOfUsed } from './quotaTotals';

/** A Service's quota next to what its ServiceMaps assign and what their namespaces use. */
export function summarizeService(
  service: ServiceEntityV1alpha1,
  serviceMaps: ServiceMapSummary[],
): ServiceSummary {
  return {
    entityRef: stringifyEntityRef(service),
    name: service.metadata.name,
    allocated: service.spec.quota,
    assigned: addQuotaTotals(
      ...serviceMaps.map(m => totalsOfQuota(m.assigned)),
    ),
    used: addQuotaTotals(...serviceMaps.map(m => totalsOfUsed(m.quota.used))),
    serviceMaps,
  };
}
