import { ServerStatusSignal } from '@cocktailcloud/plugin-cocktail-common';
import { ServiceRoleDirectory } from '@cocktailcloud/plugin-cocktail-node';
import { SignalRecipients } from '../service/StatusSignals';

/**
 * Who hears that a server changed: everyone while reads are open; otherwise the members of the
 * Service whose ServiceMap owns that cluster and namespace (any role reads status) and the
 * platform admins. The Service is found from the catalog, not from labels on the objects, which
 * anyone able to write to the namespace could set.
 */
export function statusSignalRecipients(options: {
  directory: ServiceRoleDirectory;
  openReads: boolean;
}): (change: ServerStatusSignal) => Promise<SignalRecipients> {
  return async change => {
    if (options.openReads) {
      return { type: 'broadcast' };
    }
    const { directory } = options;
    const serviceMap = (await directory.serviceMaps()).find(
      map =>
        map.cluster === change.cluster && map.namespace === change.namespace,
    );
    const service = serviceMap
      ? await directory.service(serviceMap.service)
      : undefined;
    return {
      type: 'user',
      entityRef: [
        ...new Set([
          ...directory.platformAdmins,
          ...(service ? [...service.roles.keys()] : []),
        ]),
      ],
    };
  };
}
