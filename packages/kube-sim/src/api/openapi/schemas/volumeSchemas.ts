/** Schemas of the volumes of a pod and the sources their content comes from. */
import { coreV1 } from '../definitionNames';
import { definitions, field } from '../schemaDsl';

const keyToPath = field.list(
  field.object(
    'One key and the file it becomes.',
    {
      key: field.string('The key.'),
      path: field.string('Relative path of the file.'),
      mode: field.int32('File mode bits.'),
    },
    ['key', 'path'],
  ),
  'Keys to project, each to a path; every key, under its own name, when empty.',
);

function fromObject(kind: 'ConfigMap' | 'Secret', nameField: string) {
  return field.object(`Files made from the keys of a ${kind}.`, {
    [nameField]: field.string(`Name of the ${kind}.`),
    items: keyToPath,
    defaultMode: field.int32('Mode bits of the files. Defaults to 0644.'),
    optional: field.boolean(`Whether the ${kind} may be missing.`),
  });
}

const downwardApiItems = field.list(
  field.object(
    'A file holding one field of the pod or one resource of a container.',
    {
      path: field.string('Relative path of the file.'),
      fieldRef: field.object('A field of the pod, such as metadata.labels.', {
        fieldPath: field.string('Path of the field.'),
        apiVersion: field.string('Version the path is written in.'),
      }),
      resourceFieldRef: field.object('A request or limit of a container.', {
        resource: field.string('The resource, such as limits.memory.'),
        containerName: field.string('The container.'),
        divisor: field.quantity('Unit the value is expressed in.'),
      }),
      mode: field.int32('File mode bits.'),
    },
    ['path'],
  ),
  'The files.',
);

export const volumeDefinitions = definitions(coreV1, {
  Volume: field.object(
    'A directory the containers of a pod can mount, and where its content comes from: set exactly one source.',
    {
      name: field.string('Name of the volume, referred to by volumeMounts.'),
      emptyDir: field.object(
        'An empty directory that lives as long as the pod.',
        {
          medium: field.string('Memory for a tmpfs; node storage when empty.'),
          sizeLimit: field.quantity('Most the directory may hold.'),
        },
      ),
      configMap: fromObject('ConfigMap', 'name'),
      secret: fromObject('Secret', 'secretName'),
      persistentVolumeClaim: field.object(
        'The storage of a PersistentVolumeClaim in the namespace.',
        {
          claimName: field.string('Name of the claim.'),
          readOnly: field.boolean('Mount read-only.'),
        },
        ['claimName'],
      ),
      hostPath: field.ref(
        coreV1('HostPathVolumeSource'),
        'A file or directory of the node. Avoid outside system workloads.',
      ),
      projected: field.object('Several sources merged into one directory.', {
        sources: field.list(
          field.object('One source; set one field.', {
            configMap: fromObject('ConfigMap', 'name'),
            secret: fromObject('Secret', 'name'),
            downwardAPI: field.object('Fields of the pod.', {
              items: downwardApiItems,
            }),
            serviceAccountToken: field.object(
              'A token of the service account of the pod, renewed by the kubelet.',
              {
                path: field.string('Relative path of the file.'),
                audience: field.string('Who the token is meant for.'),
                expirationSeconds: field.int64('How long the token lives.'),
              },
              ['path'],
            ),
          }),
          'The sources.',
        ),
        defaultMode: field.int32('Mode bits of the files.'),
      }),
      downwardAPI: field.object(
        'Files holding fields of the pod, such as its labels.',
        {
          items: downwardApiItems,
          defaultMode: field.int32('Mode bits of the files.'),
        },
      ),
      csi: field.ref(coreV1('CSIVolumeSource'), 'Storage from a CSI driver.'),
      nfs: field.ref(coreV1('NFSVolumeSource'), 'An NFS export.'),
      ephemeral: field.object(
        'A claim created with the pod and deleted with it.',
        {
          volumeClaimTemplate: field.object('The claim to create.', {
            metadata: field.anyObject('Labels and annotations of the claim.'),
            spec: field.ref(
              coreV1('PersistentVolumeClaimSpec'),
              'The storage wanted.',
            ),
          }),
        },
      ),
    },
    ['name'],
  ),
  HostPathVolumeSource: field.object(
    'A path on the node.',
    {
      path: field.string('Path on the node.'),
      type: field.string(
        'What must be at the path: Directory, DirectoryOrCreate, File …; not checked when empty.',
      ),
    },
    ['path'],
  ),
  CSIVolumeSource: field.object(
    'A volume of a CSI driver.',
    {
      driver: field.string('Name of the driver.'),
      readOnly: field.boolean('Mount read-only.'),
      fsType: field.string('Filesystem type, such as ext4.'),
      volumeAttributes: field.stringMap('Driver-specific settings.'),
      volumeHandle: field.string(
        'ID of the volume at the driver (persistent volumes).',
      ),
      nodePublishSecretRef: field.object('Secret passed to the driver.', {
        name: field.string('Name of the Secret.'),
      }),
    },
    ['driver'],
  ),
  NFSVolumeSource: field.object(
    'An export of an NFS server.',
    {
      server: field.string('Host name or IP of the server.'),
      path: field.string('The exported path.'),
      readOnly: field.boolean('Mount read-only.'),
    },
    ['server', 'path'],
  ),
});
