/**
 * The `cocktail` backend plugin: cluster status, lifecycle operations, drift, image scans,
 * Cluster API and the audit log. Install it with `backend.add(import(...))`; extend it through
 * the extension points in `@cocktailcloud/plugin-cocktail-node`.
 *
 * @packageDocumentation
 */

export { cocktailPlugin as default } from './plugin';
