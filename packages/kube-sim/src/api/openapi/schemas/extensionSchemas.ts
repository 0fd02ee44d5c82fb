/** Schemas of CustomResourceDefinition and of the metrics.k8s.io readings. */
import { apiTypes, TIME } from '../definitionNames';
import { definitions, field, kindSchema } from '../schemaDsl';

const apiextensions = apiTypes('apiextensions.k8s.io', 'v1');
const metrics = (kind: string) => ({
  group: 'metrics.k8s.io',
  version: 'v1beta1',
  kind,
});

const usage = field.quantityMap('Use per resource: cpu and memory.');
const window = {
  timestamp: field.ref(TIME, 'When the reading was taken.'),
  window: field.string('Span the reading averages over, such as 30s.'),
};

const crd = definitions(apiextensions, {
  CustomResourceDefinition: kindSchema(
    {
      group: 'apiextensions.k8s.io',
      version: 'v1',
      kind: 'CustomResourceDefinition',
    },
    'Adds a new resource to the API, served with the schema and versions given here.',
    {
      spec: field.ref(
        apiextensions('CustomResourceDefinitionSpec'),
        'The resource.',
      ),
      status: field.anyObject('Accepted names and conditions. Read-only.'),
    },
    ['spec'],
  ),
  CustomResourceDefinitionSpec: field.object(
    'The resource a CustomResourceDefinition adds.',
    {
      group: field.string('API group of the resource.'),
      names: field.object(
        'Names of the resource.',
        {
          kind: field.string('Kind, in CamelCase.'),
          listKind: field.string('Kind of lists. Defaults to <kind>List.'),
          plural: field.string('Plural, used in URLs.'),
          singular: field.string('Singular. Defaults to the lower-case kind.'),
          shortNames: field.strings('Short names for kubectl.'),
          categories: field.strings(
            'Groups such as all the resource belongs to.',
          ),
        },
        ['kind', 'plural'],
      ),
      scope: field.string('Namespaced or Cluster.', {
        enum: ['Namespaced', 'Cluster'],
      }),
      versions: field.list(
        field.object(
          'One served version.',
          {
            name: field.string('The version, such as v1beta1.'),
            served: field.boolean('Whether it is served.'),
            storage: field.boolean(
              'Whether objects are stored in it; exactly one.',
            ),
            schema: field.object('The schema of the objects.', {
              openAPIV3Schema: field.anyObject(
                'An OpenAPI v3 structural schema.',
              ),
            }),
            subresources: field.object('Subresources served.', {
              status: field.anyObject(
                'Present (as {}) to serve status as a subresource.',
              ),
              scale: field.object(
                'Serve a scale subresource mapped onto these fields.',
                {
                  specReplicasPath: field.string(
                    'JSON path of the desired replicas, such as .spec.replicas.',
                  ),
                  statusReplicasPath: field.string(
                    'JSON path of the observed replicas.',
                  ),
                  labelSelectorPath: field.string(
                    'JSON path of the pod selector, as a string.',
                  ),
                },
              ),
            }),
            additionalPrinterColumns: field.list(
              field.anyObject('A column of kubectl get.'),
              'Columns of kubectl get.',
            ),
          },
          ['name', 'served', 'storage'],
        ),
        'The versions, each with its schema.',
      ),
    },
    ['group', 'names', 'scope', 'versions'],
  ),
});

const metricsReadings = definitions(apiTypes('metrics.k8s.io', 'v1beta1'), {
  PodMetrics: kindSchema(
    metrics('PodMetrics'),
    'Recent CPU and memory use of the containers of a pod, as metrics-server reports it.',
    {
      ...window,
      containers: field.list(
        field.object('Use of one container.', {
          name: field.string('Name of the container.'),
          usage,
        }),
        'One reading per container.',
      ),
    },
  ),
  NodeMetrics: kindSchema(
    metrics('NodeMetrics'),
    'Recent CPU and memory use of a node, as metrics-server reports it.',
    { ...window, usage },
  ),
});

export const extensionDefinitions = { ...crd, ...metricsReadings };
