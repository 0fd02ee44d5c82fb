import {
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  DefaultNamespaceEntityPolicy,
  domainEntityV1alpha1Validator,
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  groupEntityV1alpha1Validator,
  KindValidator,
  locationEntityV1alpha1Validator,
  NoForeignRootFieldsEntityPolicy,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import { templateEntityV1beta3Validator } from '@backstage/plugin-scaffolder-common';
import {
  cocktailKinds,
  findCocktailKind,
  ValidationIssue,
} from '@cocktailcloud/plugin-cocktail-common';
import { catalogModelErrorPath } from './catalogModelErrorPath';

// The checks the catalog applies to every entity before any kind's own validation.
const envelopePolicy = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);

const builtInValidators: Array<{ kind: string; validator: KindValidator }> = [
  { kind: 'Component', validator: componentEntityV1alpha1Validator },
  { kind: 'API', validator: apiEntityV1alpha1Validator },
  { kind: 'Resource', validator: resourceEntityV1alpha1Validator },
  { kind: 'System', validator: systemEntityV1alpha1Validator },
  { kind: 'Domain', validator: domainEntityV1alpha1Validator },
  { kind: 'Group', validator: groupEntityV1alpha1Validator },
  { kind: 'User', validator: userEntityV1alpha1Validator },
  { kind: 'Location', validator: locationEntityV1alpha1Validator },
  { kind: 'Template', validator: templateEntityV1beta3Validator },
];

const KNOWN_KINDS = [
  ...builtInValidators.map(v => v.kind),
  ...cocktailKinds.map(k => k.kind),
];

function issueFromError(error: unknown): ValidationIssue {
  const message = error instanceof Error ? error.message : String(error);
  const path = catalogModelErrorPath(message);
  if (/missingProperty: /.test(message)) {
    return { path, message: 'is required but missing' };
  }
  // "/spec/type must be string - type: string" → "must be string"
  const ajvSentence =
    /^(?:Malformed envelope, )?(?:\/\S*|<root>) (.*?)(?: - .*)?$/.exec(message);
  return {
    path,
    message: ajvSentence
      ? ajvSentence[1]
      : message.replace(
          / To learn more about catalog file format, visit: \S+$/,
          '',
        ),
  };
}

/**
 * Every problem the catalog would find in an entity: the envelope rules every entity follows,
 * then its kind's rules — Cocktail's own kinds with all their issues, Backstage's built-in kinds
 * with the first issue their validators report.
 */
export async function validateEntity(
  entity: Entity,
): Promise<ValidationIssue[]> {
  try {
    await envelopePolicy.enforce(entity);
  } catch (error) {
    return [issueFromError(error)];
  }
  const cocktailKind = findCocktailKind(entity);
  if (cocktailKind) {
    return cocktailKind.findIssues(entity);
  }
  for (const { validator } of builtInValidators) {
    try {
      if (await validator.check(entity)) {
        return [];
      }
    } catch (error) {
      return [issueFromError(error)];
    }
  }
  return [
    {
      path: ['kind'],
      message: `unknown kind ${JSON.stringify(
        entity.kind,
      )} for apiVersion ${JSON.stringify(
        entity.apiVersion,
      )}; expected one of ${KNOWN_KINDS.join(', ')} with its apiVersion`,
    },
  ];
}
