import { ALL_VERBS } from '../api/builtInResources';
import { ResourceType } from '../api/types';
import {
  assertIsCustomResourceDefinition,
  CrdVersion,
  CustomResourceDefinition,
} from './customResourceDefinition';
import { isRecord } from './isRecord';
import { schemaValidator } from './schemaValidator';
import { JsonSchema } from './toAjvSchema';

const CUSTOM_RESOURCE_SUBRESOURCES = ['status', 'scale'];

const PRESERVE_EVERYTHING: JsonSchema = {
  type: 'object',
  'x-kubernetes-preserve-unknown-fields': true,
};

function subresourcesOf(version: CrdVersion): string[] {
  return CUSTOM_RESOURCE_SUBRESOURCES.filter(
    name => isRecord(version.subresources) && name in version.subresources,
  );
}

function resourceTypeForVersion(
  crd: CustomResourceDefinition,
  version: CrdVersion,
): ResourceType {
  const { group, names, scope } = crd.spec;
  return {
    group,
    version: version.name,
    kind: names.kind,
    listKind: names.listKind ?? `${names.kind}List`,
    plural: names.plural,
    singular: names.singular ?? names.kind.toLowerCase(),
    namespaced: scope === 'Namespaced',
    shortNames: names.shortNames,
    subresources: subresourcesOf(version),
    verbs: [...ALL_VERBS],
    validate: schemaValidator(
      version.schema?.openAPIV3Schema ?? PRESERVE_EVERYTHING,
    ),
    ...(version.schema?.openAPIV3Schema && {
      schema: version.schema.openAPIV3Schema,
    }),
    ...(version.additionalPrinterColumns?.length && {
      printerColumns: version.additionalPrinterColumns,
    }),
  };
}

/** One ResourceType per served version of an apiextensions.k8s.io/v1 CustomResourceDefinition. */
export function resourceTypesFromCrd(crd: unknown): ResourceType[] {
  assertIsCustomResourceDefinition(crd);
  return crd.spec.versions
    .filter(version => version.served)
    .map(version => {
      try {
        return resourceTypeForVersion(crd, version);
      } catch (error) {
        throw new Error(
          `${crd.metadata?.name ?? crd.spec.names.plural} version ${
            version.name
          }: cannot compile schema: ${(error as Error).message}`,
        );
      }
    });
}
