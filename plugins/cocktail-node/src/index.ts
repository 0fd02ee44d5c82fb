/**
 * Backend library for Cocktail for Backstage.
 *
 * @packageDocumentation
 */

export { renderServerManifests } from './rendering/renderServerManifests';
export type { Manifest, RenderInput } from './rendering/types';
export {
  cocktailLabels,
  podSelector,
  LABEL_MANAGED_BY,
  LABEL_SERVER,
  LABEL_SERVICE,
  LABEL_SERVICE_MAP,
  ANNOTATION_ENTITY_REF,
  MANAGED_BY_COCKTAIL,
} from './rendering/labels';
