import { Entity, getCompoundEntityRef } from '@backstage/catalog-model';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_KUBERNETES_ID,
  cocktailKinds,
  isCocktailServerEntity,
} from '@cocktailcloud/plugin-cocktail-common';
import { cocktailRelations } from './cocktailRelations';

/**
 * Accepts and validates the Service, ServiceMap and CocktailServer kinds, emits their relations
 * in both directions, and gives each CocktailServer the `backstage.io/kubernetes-id` annotation
 * that Backstage's Kubernetes plugin looks its objects up by.
 *
 * @public
 */
export class CocktailEntitiesProcessor implements CatalogProcessor {
  getProcessorName(): string {
    return 'CocktailEntitiesProcessor';
  }

  async preProcessEntity(entity: Entity): Promise<Entity> {
    if (
      !isCocktailServerEntity(entity) ||
      entity.metadata.annotations?.[ANNOTATION_KUBERNETES_ID]
    ) {
      return entity;
    }
    return {
      ...entity,
      metadata: {
        ...entity.metadata,
        annotations: {
          ...entity.metadata.annotations,
          [ANNOTATION_KUBERNETES_ID]: entity.metadata.name,
        },
      },
    };
  }

  async validateEntityKind(entity: Entity): Promise<boolean> {
    for (const kind of cocktailKinds) {
      if (await kind.validator.check(entity)) {
        return true;
      }
    }
    return false;
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    const self = getCompoundEntityRef(entity);
    for (const relation of cocktailRelations(entity)) {
      emit(
        processingResult.relation({
          source: self,
          type: relation.type,
          target: relation.target,
        }),
      );
      emit(
        processingResult.relation({
          source: relation.target,
          type: relation.reverseType,
          target: self,
        }),
      );
    }
    return entity;
  }
}
