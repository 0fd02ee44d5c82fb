/** Schemas of PersistentVolumeClaims, PersistentVolumes and StorageClasses. */
import { apiTypes, coreV1, LABEL_SELECTOR } from '../definitionNames';
import { definitions, field, kindSchema } from '../schemaDsl';

const ACCESS_MODES = [
  'ReadWriteOnce',
  'ReadOnlyMany',
  'ReadWriteMany',
  'ReadWriteOncePod',
];

function typedReference(description: string) {
  return field.object(
    description,
    {
      apiGroup: field.string('API group of the object; core when empty.'),
      kind: field.string('Kind of the object.'),
      name: field.string('Name of the object.'),
      namespace: field.string('Namespace of the object.'),
    },
    ['kind', 'name'],
  );
}

const core = definitions(coreV1, {
  PersistentVolumeClaim: kindSchema(
    { group: '', version: 'v1', kind: 'PersistentVolumeClaim' },
    'A request for storage by a user; it binds to a PersistentVolume that fits it.',
    {
      spec: field.ref(
        coreV1('PersistentVolumeClaimSpec'),
        'The storage wanted.',
      ),
      status: field.object('State of the claim. Read-only.', {
        phase: field.string('Pending, Bound or Lost.'),
        accessModes: field.strings('Access modes of the bound volume.'),
        capacity: field.quantityMap('Size of the bound volume.'),
      }),
    },
  ),
  PersistentVolumeClaimSpec: field.object('The storage a claim asks for.', {
    accessModes: field.strings(
      `How the volume may be mounted: ${ACCESS_MODES.join(', ')}.`,
      'atomic',
    ),
    resources: field.object('How much storage.', {
      requests: field.quantityMap('Minimum size, as storage.'),
      limits: field.quantityMap('Maximum size.'),
    }),
    storageClassName: field.string(
      'StorageClass to provision from; the default class when left out.',
    ),
    volumeName: field.string('Bind to this PersistentVolume.'),
    volumeMode: field.string('Filesystem or Block. Defaults to Filesystem.'),
    selector: field.ref(
      LABEL_SELECTOR,
      'Only bind to volumes with these labels.',
    ),
    dataSource: typedReference(
      'Fill the new volume from this snapshot or claim.',
    ),
    dataSourceRef: typedReference(
      'Fill the new volume from this object, which may be of any kind a populator supports.',
    ),
    volumeAttributesClassName: field.string(
      'VolumeAttributesClass giving mutable settings such as IOPS.',
    ),
  }),
  PersistentVolume: kindSchema(
    { group: '', version: 'v1', kind: 'PersistentVolume' },
    'A piece of storage in the cluster, provisioned by an administrator or by a StorageClass.',
    {
      spec: field.object('The storage and how it may be used.', {
        capacity: field.quantityMap('Size of the volume, as storage.'),
        accessModes: field.strings('How the volume may be mounted.'),
        persistentVolumeReclaimPolicy: field.string(
          'What happens once the claim is released.',
          { enum: ['Retain', 'Delete', 'Recycle'] },
        ),
        storageClassName: field.string('StorageClass of the volume.'),
        claimRef: field.object('The claim bound to this volume.', {
          apiVersion: field.string('Always v1.'),
          kind: field.string('Always PersistentVolumeClaim.'),
          namespace: field.string('Namespace of the claim.'),
          name: field.string('Name of the claim.'),
          uid: field.string('UID of the claim.'),
        }),
        volumeMode: field.string('Filesystem or Block.'),
        mountOptions: field.strings('Mount options.'),
        nodeAffinity: field.object('Nodes the volume can be reached from.', {
          required: field.object('Nodes must match one of the terms.', {
            nodeSelectorTerms: field.listOf(
              coreV1('NodeSelectorTerm'),
              'The terms.',
            ),
          }),
        }),
        hostPath: field.ref(
          coreV1('HostPathVolumeSource'),
          'A directory of a node, for tests on one node.',
        ),
        local: field.object('A disk or directory of one node.', {
          path: field.string('Path on the node.'),
          fsType: field.string('Filesystem type.'),
        }),
        csi: field.ref(coreV1('CSIVolumeSource'), 'Storage from a CSI driver.'),
        nfs: field.ref(coreV1('NFSVolumeSource'), 'An NFS export.'),
      }),
      status: field.object('State of the volume. Read-only.', {
        phase: field.string('Pending, Available, Bound, Released or Failed.'),
        message: field.string('Why it is in this phase.'),
      }),
    },
  ),
});

const storageV1 = definitions(apiTypes('storage.k8s.io', 'v1'), {
  StorageClass: kindSchema(
    { group: 'storage.k8s.io', version: 'v1', kind: 'StorageClass' },
    'A kind of storage the cluster offers, and the provisioner that creates volumes of it on demand.',
    {
      provisioner: field.string('Name of the volume provisioner.'),
      parameters: field.stringMap('Settings passed to the provisioner.'),
      reclaimPolicy: field.string('Reclaim policy of the volumes it creates.', {
        enum: ['Retain', 'Delete'],
      }),
      volumeBindingMode: field.string(
        'Immediate, or WaitForFirstConsumer to provision where the pod lands.',
      ),
      allowVolumeExpansion: field.boolean('Whether claims may grow.'),
      mountOptions: field.strings('Mount options of the volumes.'),
    },
    ['provisioner'],
  ),
});

export const storageDefinitions = { ...core, ...storageV1 };
