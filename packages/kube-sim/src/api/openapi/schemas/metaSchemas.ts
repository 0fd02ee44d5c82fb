/** Schemas shared by every kind: object metadata, selectors, Status, options and value types. */
import { INT_OR_STRING, META_V1, QUANTITY } from '../definitionNames';
import { definitions, field, OpenApiSchema } from '../schemaDsl';

const meta = (typeName: string) => `${META_V1}.${typeName}`;

const metaV1 = definitions(meta, {
  ObjectMeta: field.object(
    'Identity and bookkeeping of a stored object. Clients set name (or generateName), namespace, labels and annotations; the server fills in the rest.',
    {
      name: field.string(
        'Unique name of the object within its namespace (or the cluster, for cluster-scoped kinds). Cannot be changed after creation.',
      ),
      generateName: field.string(
        'Prefix for a name the server makes up when name is left empty; a random suffix is appended.',
      ),
      namespace: field.string(
        'The namespace the object lives in; empty for cluster-scoped kinds.',
      ),
      uid: field.string(
        'Identifier the server assigns on creation, unique across the whole history of the cluster. Read-only.',
      ),
      resourceVersion: field.string(
        'Opaque token of the version of the object, changed by every write; send it back to detect concurrent updates. Read-only.',
      ),
      generation: field.int64(
        'Counter of changes to the desired state (usually spec). Read-only.',
      ),
      creationTimestamp: field.time('When the server created the object.'),
      deletionTimestamp: field.time(
        'When deletion was requested; set while finalizers still hold the object.',
      ),
      deletionGracePeriodSeconds: field.int64(
        'Seconds the object is given to terminate once deletion was requested.',
      ),
      labels: field.stringMap(
        'Key/value pairs for grouping and selecting objects, used by selectors of Services, controllers and queries.',
      ),
      annotations: field.stringMap(
        'Key/value pairs for tools and people; not used for selection and may hold larger values.',
      ),
      ownerReferences: field.listOf(
        meta('OwnerReference'),
        'Objects this one depends on; when every owner is gone, the garbage collector deletes it.',
        { key: 'uid' },
      ),
      finalizers: field.strings(
        'Names of pending clean-up steps; the object is only removed once this list is empty.',
        'set',
      ),
      managedFields: field.listOf(
        meta('ManagedFieldsEntry'),
        'Which field manager set which fields, kept by the server for server-side apply.',
      ),
    },
  ),
  ListMeta: field.object('Bookkeeping of a list response.', {
    resourceVersion: field.string(
      'Version of the collection the list was read at; start a watch from it to see later changes.',
    ),
    continue: field.string(
      'Token for the next page when the list was limited; empty on the last page.',
    ),
    remainingItemCount: field.int64(
      'How many more items the following pages hold, when the server knows.',
    ),
  }),
  OwnerReference: field.object(
    'Points at an owner of an object.',
    {
      apiVersion: field.string('API version of the owner.'),
      kind: field.string('Kind of the owner.'),
      name: field.string('Name of the owner.'),
      uid: field.string('UID of the owner.'),
      controller: field.boolean(
        'Whether this owner is the managing controller.',
      ),
      blockOwnerDeletion: field.boolean(
        'Whether foreground deletion of the owner waits for this object to go.',
      ),
    },
    ['apiVersion', 'kind', 'name', 'uid'],
  ),
  ManagedFieldsEntry: field.object(
    'The fields one manager owns, through one kind of operation.',
    {
      manager: field.string('Name of the field manager.'),
      operation: field.string('How the fields were set.', {
        enum: ['Apply', 'Update'],
      }),
      apiVersion: field.string('API version the field set is written in.'),
      time: field.time('When the manager last changed these fields.'),
      fieldsType: field.string('Format of fieldsV1; always FieldsV1.'),
      fieldsV1: field.anyObject('The owned fields, as a nested set.'),
      subresource: field.string(
        'The subresource (such as status) the fields were written through, if any.',
      ),
    },
  ),
  LabelSelector: field.object(
    'Picks objects by their labels; all conditions must hold. An empty selector matches everything.',
    {
      matchLabels: field.stringMap(
        'Labels that must be present with exactly these values.',
      ),
      matchExpressions: field.listOf(
        meta('LabelSelectorRequirement'),
        'Further conditions on labels, all of which must hold.',
      ),
    },
  ),
  LabelSelectorRequirement: field.object(
    'One condition on a label.',
    {
      key: field.string('The label key.'),
      operator: field.string('How the label is compared with values.', {
        enum: ['In', 'NotIn', 'Exists', 'DoesNotExist'],
      }),
      values: field.strings(
        'Values for In and NotIn; must be empty for Exists and DoesNotExist.',
      ),
    },
    ['key', 'operator'],
  ),
  Condition: field.object(
    'One aspect of the current state of an object.',
    {
      type: field.string('What the condition is about, in CamelCase.'),
      status: field.string('Whether it holds.', {
        enum: ['True', 'False', 'Unknown'],
      }),
      observedGeneration: field.int64(
        'The metadata.generation the condition was computed from.',
      ),
      lastTransitionTime: field.time('When status last changed.'),
      reason: field.string('Short machine-readable cause, in CamelCase.'),
      message: field.string('Explanation for people.'),
    },
    ['type', 'status', 'lastTransitionTime', 'reason', 'message'],
  ),
  Time: {
    description: 'A timestamp in RFC 3339 form, to the second.',
    type: 'string',
    format: 'date-time',
  },
  MicroTime: {
    description: 'A timestamp in RFC 3339 form, to the microsecond.',
    type: 'string',
    format: 'date-time',
  },
  Status: field.object(
    'The outcome of a call that does not return an object, most often an error.',
    {
      apiVersion: field.string('Always v1.'),
      kind: field.string('Always Status.'),
      metadata: field.ref(meta('ListMeta'), 'Unused bookkeeping.'),
      status: field.string('Success or Failure.'),
      message: field.string('What happened, for people.'),
      reason: field.string(
        'Why the call failed, in CamelCase (NotFound, AlreadyExists, Invalid …).',
      ),
      details: field.anyObject(
        'More about the failure: the object concerned and, for invalid objects, one cause per field.',
      ),
      code: field.int32('The HTTP status code.'),
    },
  ),
  DeleteOptions: field.object('How a deletion is carried out.', {
    apiVersion: field.string('API version of these options.'),
    kind: field.string('Always DeleteOptions.'),
    dryRun: field.strings(
      'When it holds All, every step is checked but nothing is deleted.',
    ),
    gracePeriodSeconds: field.int64(
      'Seconds the object gets to shut down before it is removed; 0 means at once.',
    ),
    propagationPolicy: field.string('What happens to the dependents.', {
      enum: ['Orphan', 'Background', 'Foreground'],
    }),
    preconditions: field.object('Must hold for the deletion to go ahead.', {
      uid: field.string('The UID the object must have.'),
      resourceVersion: field.string(
        'The resourceVersion the object must have.',
      ),
    }),
  }),
  Patch: {
    description:
      'The body of a PATCH: a JSON patch, a merge patch, a strategic merge patch or an apply configuration, as its content type says.',
    type: 'object',
  },
});

const values: Record<string, OpenApiSchema> = {
  [QUANTITY]: {
    description:
      'An amount of a resource, written as a number with an optional suffix: 500m CPU is half a core, 128Mi is 128 × 2^20 bytes, 1G is 10^9.',
    'x-kubernetes-int-or-string': true,
    anyOf: [{ type: 'integer' }, { type: 'string' }],
  },
  [INT_OR_STRING]: {
    description:
      'Either a whole number or a string, such as a port number or a named port, or a count or a percentage.',
    'x-kubernetes-int-or-string': true,
    anyOf: [{ type: 'integer' }, { type: 'string' }],
  },
};

export const metaDefinitions = { ...metaV1, ...values };
