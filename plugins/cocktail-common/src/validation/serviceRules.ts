import { Entity } from '@backstage/catalog-model';
import { checkRefKind, checkUniqueNames } from './entityRefs';
import { ValidationIssue } from './ValidationIssue';

/** The Service rules that a JSON schema cannot express. */
export function findServiceRuleIssues(entity: Entity): ValidationIssue[] {
  const spec = entity.spec as any;
  if (!spec || typeof spec !== 'object') {
    return [];
  }
  const issues = checkRefKind(entity, spec.owner, ['spec', 'owner'], {
    defaultKind: 'Group',
    allowedKinds: ['Group', 'User'],
  });
  const members: any[] = Array.isArray(spec.members) ? spec.members : [];
  members.forEach((member, i) => {
    issues.push(
      ...checkRefKind(entity, member?.ref, ['spec', 'members', i, 'ref'], {
        defaultKind: 'User',
        allowedKinds: ['User', 'Group'],
      }),
    );
  });
  issues.push(
    ...checkUniqueNames(members, ['spec', 'members'], 'member', 'ref'),
  );
  (Array.isArray(spec.clusters) ? spec.clusters : []).forEach(
    (ref: unknown, i: number) => {
      issues.push(
        ...checkRefKind(entity, ref, ['spec', 'clusters', i], {
          defaultKind: 'Resource',
          allowedKinds: ['Resource'],
        }),
      );
    },
  );
  issues.push(
    ...checkUniqueNames(spec.registries, ['spec', 'registries'], 'registry'),
  );
  return issues;
}
