/** Label and field selectors: their string and object forms, and what they match. */
export {
  type FieldOperator,
  type FieldRequirement,
  type FieldSelector,
  matchesFieldSelector,
} from './fieldSelector';
export {
  type LabelOperator,
  type LabelRequirement,
  type LabelSelector,
  matchesLabelSelector,
} from './labelSelector';
export {
  labelSelectorFromObject,
  type LabelSelectorObject,
} from './labelSelectorFromObject';
export { parseFieldSelector } from './parseFieldSelector';
export { parseLabelSelector } from './parseLabelSelector';
export { SelectorError } from './SelectorError';
