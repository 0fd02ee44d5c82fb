import { Entity } from '@backstage/catalog-model';
import { checkRefKind } from './entityRefs';
import { ValidationIssue } from './ValidationIssue';

/** The ServiceMap rules that a JSON schema cannot express. */
export function findServiceMapRuleIssues(entity: Entity): ValidationIssue[] {
  const spec = entity.spec as any;
  if (!spec || typeof spec !== 'object') {
    return [];
  }
  return [
    ...checkRefKind(entity, spec.service, ['spec', 'service'], {
      defaultKind: 'Service',
      allowedKinds: ['Service'],
    }),
    ...checkRefKind(entity, spec.cluster, ['spec', 'cluster'], {
      defaultKind: 'Resource',
      allowedKinds: ['Resource'],
    }),
    ...checkRefKind(entity, spec.owner, ['spec', 'owner'], {
      defaultKind: 'Group',
      allowedKinds: ['Group', 'User'],
    }),
  ];
}
