import { createRouteRef } from '@backstage/core-plugin-api';

/**
 * The Clusters page's route in apps on the old frontend system.
 *
 * @public
 */
export const rootRouteRef = createRouteRef({ id: 'cocktail' });
