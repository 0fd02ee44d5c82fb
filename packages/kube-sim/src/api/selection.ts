import {
  matchesFieldSelector,
  matchesLabelSelector,
  parseFieldSelector,
  parseLabelSelector,
  SelectorError,
} from './selectors';
import { statusErrors } from './statusErrors';
import { KubeObject } from './types';

/** The objects a list or watch request selects: namespace, labelSelector and fieldSelector. */
export type ObjectFilter = (object: KubeObject) => boolean;

export function filterFromQuery(
  query: URLSearchParams,
  namespace?: string,
): ObjectFilter {
  try {
    const labels = query.get('labelSelector')
      ? parseLabelSelector(query.get('labelSelector')!)
      : undefined;
    const fields = query.get('fieldSelector')
      ? parseFieldSelector(query.get('fieldSelector')!)
      : undefined;
    return object =>
      (!namespace || object.metadata.namespace === namespace) &&
      (!labels || matchesLabelSelector(labels, object.metadata.labels)) &&
      (!fields || matchesFieldSelector(fields, object));
  } catch (error) {
    if (error instanceof SelectorError) {
      throw statusErrors.badRequest(
        `unable to parse requirement: ${error.message}`,
      );
    }
    throw error;
  }
}
