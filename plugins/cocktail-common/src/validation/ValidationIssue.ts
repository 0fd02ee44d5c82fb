/**
 * One thing wrong with an entity: the field it is in and what was expected there.
 *
 * @public
 */
export interface ValidationIssue {
  /** Path segments from the entity's root, numbers for array indices. */
  path: Array<string | number>;
  /** What was wrong and what was expected, without the entity or the field. */
  message: string;
}
