import { parseEntityRef } from '@backstage/catalog-model';
import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { CocktailServerEntityV1alpha1 } from '@cocktailcloud/plugin-cocktail-common';
import Typography from '@material-ui/core/Typography';

/** From a server's page to its ServiceMap's Access tab, where kubeconfigs for its namespace are given. */
export function KubectlAccessLink(props: {
  entity: CocktailServerEntityV1alpha1;
}) {
  const entityRoute = useRouteRef(entityRouteRef);
  const serviceMap = parseEntityRef(props.entity.spec.serviceMap, {
    defaultKind: 'servicemap',
    defaultNamespace: props.entity.metadata.namespace ?? 'default',
  });
  return (
    <Typography variant="body2" style={{ marginTop: 16 }}>
      Need <code>kubectl</code>?{' '}
      <Link
        to={`${entityRoute({
          kind: serviceMap.kind.toLocaleLowerCase('en-US'),
          namespace: serviceMap.namespace,
          name: serviceMap.name,
        })}/cocktail-access`}
      >
        Get time-limited access to {serviceMap.name}'s namespace
      </Link>
    </Typography>
  );
}
