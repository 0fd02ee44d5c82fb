import { InputError } from '@backstage/errors';

/** `kind:namespace/name`, `kind:name` or `name`, as the namespace and name the backend's URLs take. */
export function parseRef(ref: string, kind: string, field: string) {
  const match = /^(?:([\w-]+):)?(?:([\w.-]+)\/)?([\w.-]+)$/.exec(ref.trim());
  if (!match || (match[1] && match[1].toLocaleLowerCase('en-US') !== kind)) {
    throw new InputError(
      `${field}: expected a ${kind} entity ref such as ${kind}:default/name, got ${JSON.stringify(
        ref,
      )}`,
    );
  }
  return { namespace: match[2] ?? 'default', name: match[3] };
}
