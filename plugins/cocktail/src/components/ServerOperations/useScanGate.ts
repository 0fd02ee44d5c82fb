import { stringifyEntityRef } from '@backstage/catalog-model';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  cocktailImageScanOverridePermission,
  CocktailServerEntityV1alpha1,
} from '@cocktailcloud/plugin-cocktail-common';
import { DependencyList, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { GateOptions, ScanGateReport } from '../../api';

/**
 * The image scan gate's answer for an operation, from its dry run (`undefined` skips asking),
 * and the audited override: what blocks the confirm button, and the fields to send with it.
 */
export function useScanGate(
  entity: CocktailServerEntityV1alpha1,
  dryRun: (() => Promise<{ gate?: ScanGateReport }>) | undefined,
  deps: DependencyList,
) {
  const check = useAsync(
    async () => (dryRun ? (await dryRun()).gate : undefined),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    deps,
  );
  const [override, setOverride] = useState({ enabled: false, reason: '' });
  const canOverride = usePermission({
    permission: cocktailImageScanOverridePermission,
    resourceRef: stringifyEntityRef(entity),
  }).allowed;
  const gate = check.value?.blocked ? check.value : undefined;
  let invalidReason: string | undefined;
  if (check.loading) {
    invalidReason = 'Asking the image scan gate about the images…';
  } else if (gate && !override.enabled) {
    invalidReason = canOverride
      ? 'The image scan gate blocks this; override it above to go ahead anyway.'
      : 'The image scan gate blocks this: fix the images, or ask an admin (cocktail.imagescan.override) to do it.';
  } else if (gate && !override.reason.trim()) {
    invalidReason = 'Say why the image scan gate is overridden.';
  }
  const fields: GateOptions =
    gate && override.enabled
      ? { overrideScanGate: true, overrideReason: override.reason.trim() }
      : {};
  return {
    /** The gate's answer when it blocks. */
    gate,
    /** Asking the gate failed; the backend still checks when the operation runs. */
    error: check.error,
    canOverride,
    override,
    setOverride,
    invalidReason,
    fields,
  };
}
