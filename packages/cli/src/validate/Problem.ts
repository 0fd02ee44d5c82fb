/** One problem found in a catalog file, at the line and column of the offending field. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  /** `kind:namespace/name`, or undefined when the problem is not in an entity. */
  entity?: string;
  /** The field path, such as `spec.containers[1].ports[0].containerPort`. */
  field?: string;
  message: string;
}
