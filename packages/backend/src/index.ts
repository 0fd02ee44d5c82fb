import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-auth-backend-module-oidc-provider'));
// Sign-in as the demo's people (auth.providers.demo.people); refused outside development.
backend.add(import('./demoSignIn'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
// The Service, ServiceMap and CocktailServer kinds: validation and relations.
backend.add(import('@cocktailcloud/plugin-catalog-backend-module-cocktail'));

backend.add(import('@backstage/plugin-scaffolder-backend'));
// Cocktail's actions: clusters through Cluster API, ServiceMap provisioning, server deploys.
backend.add(import('@cocktailcloud/plugin-scaffolder-backend-module-cocktail'));

backend.add(import('@backstage/plugin-permission-backend'));
// Service roles decide what each person may do; platform admins come from cocktail.permissions.
backend.add(
  import('@cocktailcloud/plugin-permission-backend-module-cocktail-policy'),
);

backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));

backend.add(import('@backstage/plugin-kubernetes-backend'));
// The stock Kubernetes tab reaches the same clusters as Cocktail.
backend.add(import('@cocktailcloud/plugin-kubernetes-backend-module-cocktail'));

// Cocktail: cluster status, lifecycle operations, drift and the audit log.
backend.add(import('@cocktailcloud/plugin-cocktail-backend'));
backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
// Notifications by email too (notifications.processors.email): the demo prints them to the log.
backend.add(import('@backstage/plugin-notifications-backend-module-email'));
backend.add(import('@backstage/plugin-signals-backend'));

// A backend that failed to start exits, so that its supervisor (Kubernetes, systemd) starts it
// again: replicas starting at once on a fresh database can race on a plugin's first migration,
// and a second start finds the tables made.
backend.start().catch(error => {
  // eslint-disable-next-line no-console
  console.error(`Backend failed to start: ${error?.stack ?? error}`);
  process.exit(1);
});
