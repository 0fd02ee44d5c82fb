import { Entity, KindValidator } from '@backstage/catalog-model';
import { CocktailEntityValidationError } from '../validation/CocktailEntityValidationError';
import { createSchemaIssueFinder } from '../validation/schemaIssues';
import { ValidationIssue } from '../validation/ValidationIssue';
import { COCKTAIL_API_VERSION } from './constants';

/**
 * What the catalog and the CLI need to know about one Cocktail kind.
 *
 * @public
 */
export interface CocktailKindDefinition {
  kind: string;
  /** Lists every problem of an entity of this kind; empty when it is valid. */
  findIssues(entity: Entity): ValidationIssue[];
  /** A catalog KindValidator: false for other kinds, throws listing every problem. */
  validator: KindValidator;
}

export function defineCocktailKind(
  kind: string,
  schema: object,
  findRuleIssues: (entity: Entity) => ValidationIssue[],
): CocktailKindDefinition {
  const findSchemaIssues = createSchemaIssueFinder(schema);
  const findIssues = (entity: Entity) => {
    const schemaIssues = findSchemaIssues(entity);
    // Rules run on whatever the schema let through; they skip values of the wrong type.
    return [...schemaIssues, ...findRuleIssues(entity)];
  };
  return {
    kind,
    findIssues,
    validator: {
      async check(entity: Entity) {
        if (
          entity.apiVersion !== COCKTAIL_API_VERSION ||
          entity.kind !== kind
        ) {
          return false;
        }
        const issues = findIssues(entity);
        if (issues.length) {
          throw new CocktailEntityValidationError(entity, issues);
        }
        return true;
      },
    },
  };
}
