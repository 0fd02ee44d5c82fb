/** Schemas of the privileges and access control of pods and containers. */
import { coreV1 } from '../definitionNames';
import { definitions, field } from '../schemaDsl';

export const securityDefinitions = definitions(coreV1, {
  SecurityContext: field.object(
    'Privileges and access control of a container.',
    {
      runAsUser: field.int64('User ID the process runs as.'),
      runAsGroup: field.int64('Group ID the process runs as.'),
      runAsNonRoot: field.boolean('Refuse to start the container as root.'),
      privileged: field.boolean('Run with the privileges of the host. Avoid.'),
      allowPrivilegeEscalation: field.boolean(
        'Whether a process may gain more privileges than its parent.',
      ),
      readOnlyRootFilesystem: field.boolean(
        "Mount the container's root filesystem read-only.",
      ),
      procMount: field.string('Default or Unmasked view of /proc.'),
      capabilities: field.object('Linux capabilities to add and drop.', {
        add: field.strings('Capabilities to add.'),
        drop: field.strings('Capabilities to drop, such as ALL.'),
      }),
      seccompProfile: field.ref(
        coreV1('SeccompProfile'),
        'The seccomp profile.',
      ),
      appArmorProfile: field.ref(
        coreV1('AppArmorProfile'),
        'The AppArmor profile.',
      ),
      seLinuxOptions: field.ref(coreV1('SELinuxOptions'), 'The SELinux label.'),
    },
  ),
  PodSecurityContext: field.object(
    'Security settings shared by every container of a pod.',
    {
      runAsUser: field.int64('User ID the processes run as.'),
      runAsGroup: field.int64('Group ID the processes run as.'),
      runAsNonRoot: field.boolean('Refuse to start containers as root.'),
      fsGroup: field.int64('Group that owns the mounted volumes.'),
      supplementalGroups: field.list(
        { type: 'integer', format: 'int64' },
        'More groups for the first process of each container.',
      ),
      seccompProfile: field.ref(
        coreV1('SeccompProfile'),
        'The seccomp profile.',
      ),
      appArmorProfile: field.ref(
        coreV1('AppArmorProfile'),
        'The AppArmor profile.',
      ),
      seLinuxOptions: field.ref(coreV1('SELinuxOptions'), 'The SELinux label.'),
      fsGroupChangePolicy: field.string(
        'OnRootMismatch or Always: when volume ownership is changed to fsGroup.',
      ),
      sysctls: field.list(
        field.object(
          'A kernel parameter.',
          {
            name: field.string('Name of the parameter.'),
            value: field.string('Its value.'),
          },
          ['name', 'value'],
        ),
        'Namespaced kernel parameters to set.',
      ),
    },
  ),
  SeccompProfile: field.object(
    'A seccomp profile.',
    {
      type: field.string('RuntimeDefault, Localhost or Unconfined.'),
      localhostProfile: field.string('Profile file, for Localhost.'),
    },
    ['type'],
  ),
  AppArmorProfile: field.object(
    'An AppArmor profile.',
    {
      type: field.string('RuntimeDefault, Localhost or Unconfined.'),
      localhostProfile: field.string('Profile name, for Localhost.'),
    },
    ['type'],
  ),
  SELinuxOptions: field.object('An SELinux label.', {
    user: field.string('SELinux user.'),
    role: field.string('SELinux role.'),
    type: field.string('SELinux type.'),
    level: field.string('SELinux level.'),
  }),
});
