import {
  CompoundEntityRef,
  Entity,
  getCompoundEntityRef,
  parseEntityRef,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_HAS_PART,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
  RELATION_PART_OF,
} from '@backstage/catalog-model';
import {
  isCocktailServerEntity,
  isServiceEntity,
  isServiceMapEntity,
} from '@cocktailcloud/plugin-cocktail-common';

/**
 * One relation from an entity and the reverse relation that the other side gets.
 *
 * @public
 */
export interface RelationPair {
  type: string;
  reverseType: string;
  target: CompoundEntityRef;
}

const REVERSE: Record<string, string> = {
  [RELATION_PART_OF]: RELATION_HAS_PART,
  [RELATION_OWNED_BY]: RELATION_OWNER_OF,
  [RELATION_DEPENDS_ON]: RELATION_DEPENDENCY_OF,
};

function pair(
  self: CompoundEntityRef,
  type: string,
  ref: string | undefined,
  defaultKind: string,
): RelationPair[] {
  if (!ref) {
    return [];
  }
  const target = parseEntityRef(ref, {
    defaultKind,
    defaultNamespace: self.namespace,
  });
  return [{ type, reverseType: REVERSE[type], target }];
}

/**
 * The relations a Cocktail entity has, each with its reverse:
 * ServiceMap partOf Service, ServiceMap dependsOn its cluster, CocktailServer partOf ServiceMap,
 * CocktailServer dependsOn what it names, and ownedBy wherever an owner is given.
 *
 * @public
 */
export function cocktailRelations(entity: Entity): RelationPair[] {
  const self = getCompoundEntityRef(entity);
  if (isServiceEntity(entity)) {
    return pair(self, RELATION_OWNED_BY, entity.spec.owner, 'Group');
  }
  if (isServiceMapEntity(entity)) {
    return [
      ...pair(self, RELATION_PART_OF, entity.spec.service, 'Service'),
      ...pair(self, RELATION_DEPENDS_ON, entity.spec.cluster, 'Resource'),
      ...pair(self, RELATION_OWNED_BY, entity.spec.owner, 'Group'),
    ];
  }
  if (isCocktailServerEntity(entity)) {
    return [
      ...pair(self, RELATION_PART_OF, entity.spec.serviceMap, 'ServiceMap'),
      ...pair(self, RELATION_OWNED_BY, entity.spec.owner, 'Group'),
      ...(entity.spec.dependsOn ?? []).flatMap(ref =>
        pair(self, RELATION_DEPENDS_ON, ref, 'CocktailServer'),
      ),
    ];
  }
  return [];
}
