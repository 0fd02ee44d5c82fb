import { Entity } from '@backstage/catalog-model';
import { formatFieldPath } from './fieldPath';
import { ValidationIssue } from './ValidationIssue';

/**
 * `kind:namespace/name` of an entity that may be too malformed to have all three.
 *
 * @public
 */
export function describeEntityRef(entity: Partial<Entity> | undefined): string {
  const kind =
    typeof entity?.kind === 'string'
      ? entity.kind.toLocaleLowerCase('en-US')
      : '<no kind>';
  const namespace =
    typeof entity?.metadata?.namespace === 'string'
      ? entity.metadata.namespace
      : 'default';
  const name =
    typeof entity?.metadata?.name === 'string'
      ? entity.metadata.name
      : '<no name>';
  return `${kind}:${namespace}/${name}`;
}

/**
 * One issue as a line: `entity: field: message`.
 *
 * @public
 */
export function formatIssue(entityRef: string, issue: ValidationIssue): string {
  return `${entityRef}: ${formatFieldPath(issue.path)}: ${issue.message}`;
}

/**
 * Thrown when a Cocktail entity breaks its kind's rules. Its message lists every issue, one per
 * line, so the catalog shows all of them on the entity at once.
 *
 * @public
 */
export class CocktailEntityValidationError extends Error {
  readonly entityRef: string;
  readonly issues: ValidationIssue[];

  constructor(entity: Partial<Entity>, issues: ValidationIssue[]) {
    const entityRef = describeEntityRef(entity);
    const lines = issues.map(issue => formatIssue(entityRef, issue));
    super(
      issues.length === 1
        ? lines[0]
        : `${entityRef} has ${issues.length} problems:\n${lines.join('\n')}`,
    );
    this.name = 'CocktailEntityValidationError';
    this.entityRef = entityRef;
    this.issues = issues;
  }
}
