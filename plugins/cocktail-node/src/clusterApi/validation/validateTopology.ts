import { dns1123LabelProblem, dns1123SubdomainProblem } from '../names';
import { Issues, isPlainObject } from './requestReader';
import { ClusterRequest } from '../types';

/** ClusterClass mode: a valid class reference and variables by name. */
export function validateTopology(
  issues: Issues,
  value: unknown,
): ClusterRequest['topology'] {
  const topology = issues.object('topology', value, ['classRef', 'variables']);
  if (!topology) {
    return undefined;
  }
  const classRef = issues.object('topology.classRef', topology.classRef, [
    'name',
    'namespace',
  ]);
  if (topology.classRef === undefined) {
    issues.add('topology.classRef', 'is required');
  }
  const name = issues.requiredString('topology.classRef.name', classRef?.name);
  if (classRef && name !== undefined && dns1123SubdomainProblem(name)) {
    issues.add('topology.classRef.name', dns1123SubdomainProblem(name)!);
  }
  const namespace = issues.string(
    'topology.classRef.namespace',
    classRef?.namespace,
  );
  if (namespace !== undefined && dns1123LabelProblem(namespace)) {
    issues.add('topology.classRef.namespace', dns1123LabelProblem(namespace)!);
  }
  let variables: Record<string, unknown> | undefined;
  if (topology.variables !== undefined) {
    if (!isPlainObject(topology.variables)) {
      issues.add(
        'topology.variables',
        'expected an object of variable names to values',
      );
    } else {
      variables = topology.variables;
      for (const key of Object.keys(variables)) {
        if (key.length > 256) {
          issues.add(
            'topology.variables',
            `expected variable names of at most 256 characters, got one of ${key.length}`,
          );
        }
      }
    }
  }
  if (name === undefined) {
    return undefined;
  }
  return {
    classRef: { name, ...(namespace !== undefined && { namespace }) },
    ...(variables && { variables }),
  };
}
