import { apiVersionOf, builtInResources } from './builtInResources';
import { ResourceType } from './types';
import { typeKeyOf } from '../store/ObjectStore';

/** The resources one cluster serves, looked up by URL parts, by kind or by store key. */
export class ResourceRegistry {
  private readonly types: ResourceType[] = [];
  private changes = 0;

  constructor(extra: ResourceType[] = []) {
    for (const type of [...builtInResources, ...extra]) {
      this.add(type);
    }
  }

  add(type: ResourceType) {
    const index = this.types.findIndex(
      t =>
        t.group === type.group &&
        t.version === type.version &&
        t.plural === type.plural,
    );
    if (index >= 0) {
      this.types[index] = type;
    } else {
      this.types.push(type);
    }
    this.changes += 1;
  }

  /** Stops serving every resource of an API group. */
  removeGroup(group: string) {
    for (let i = this.types.length - 1; i >= 0; i--) {
      if (this.types[i].group === group) {
        this.types.splice(i, 1);
      }
    }
    this.changes += 1;
  }

  /** Changes whenever a resource is added, replaced or removed; for caches of derived data. */
  get revision(): number {
    return this.changes;
  }

  all(): ResourceType[] {
    return this.types;
  }

  find(
    group: string,
    version: string,
    plural: string,
  ): ResourceType | undefined {
    return this.types.find(
      t => t.group === group && t.version === version && t.plural === plural,
    );
  }

  byKind(apiVersion: string, kind: string): ResourceType | undefined {
    return this.types.find(
      t => apiVersionOf(t) === apiVersion && t.kind === kind,
    );
  }

  byTypeKey(typeKey: string): ResourceType | undefined {
    return this.types.find(t => typeKeyOf(t) === typeKey);
  }

  groupVersions(): Array<{ group: string; versions: string[] }> {
    const groups = new Map<string, string[]>();
    for (const type of this.types) {
      const versions = groups.get(type.group) ?? [];
      if (!versions.includes(type.version)) {
        versions.push(type.version);
      }
      groups.set(type.group, versions);
    }
    return [...groups].map(([group, versions]) => ({ group, versions }));
  }
}
