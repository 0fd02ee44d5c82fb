import { SharedValues } from './SharedValues';
import { SlimObject, slimObject } from './slimObject';

const EVENTS_KEPT_PER_OBJECT = 20;

/**
 * The cached objects of one cluster, indexed the way status requests read them: by kind and
 * namespace, and events by the object they are about.
 *
 * @public
 */
export class ClusterCache {
  private readonly byKind = new Map<string, Map<string, SlimObject>>();
  private readonly eventsByObject = new Map<string, SlimObject[]>();

  private readonly incoming = new Map<string, Map<string, SlimObject>>();
  private readonly shared = new SharedValues();

  /** A fresh list of a kind begins; until it ends, reads see the previous state. */
  beginReset(kind: string) {
    this.incoming.set(kind, new Map());
  }

  addToReset(kind: string, items: any[]) {
    const objects = this.incoming.get(kind);
    for (const item of items) {
      const slim = slimObject(kind, item, this.shared);
      objects?.set(slim.metadata.uid, slim);
    }
  }

  commitReset(kind: string) {
    const objects = this.incoming.get(kind) ?? new Map();
    this.incoming.delete(kind);
    if (kind === 'Event') {
      this.eventsByObject.clear();
      objects.forEach(event => this.applyEvent('ADDED', event));
      return;
    }
    this.byKind.set(kind, objects);
  }

  /** Replaces a kind's objects at once (a list in one piece). */
  reset(kind: string, items: any[]) {
    this.beginReset(kind);
    this.addToReset(kind, items);
    this.commitReset(kind);
  }

  apply(kind: string, type: 'ADDED' | 'MODIFIED' | 'DELETED', object: any) {
    const slim = slimObject(kind, object, this.shared);
    if (kind === 'Event') {
      this.applyEvent(type, slim);
      return;
    }
    let objects = this.byKind.get(kind);
    if (!objects) {
      objects = new Map();
      this.byKind.set(kind, objects);
    }
    if (type === 'DELETED') {
      objects.delete(slim.metadata.uid);
      this.eventsByObject.delete(slim.metadata.uid);
    } else {
      objects.set(slim.metadata.uid, slim);
    }
  }

  private applyEvent(type: string, event: SlimObject) {
    const uid = event.event?.involvedObject.uid;
    if (!uid) {
      return;
    }
    const kept = (this.eventsByObject.get(uid) ?? []).filter(
      e => e.metadata.uid !== event.metadata.uid,
    );
    if (type !== 'DELETED') {
      kept.push(event);
      kept.sort((a, b) =>
        (a.event?.lastTimestamp ?? '').localeCompare(
          b.event?.lastTimestamp ?? '',
        ),
      );
    }
    this.eventsByObject.set(uid, kept.slice(-EVENTS_KEPT_PER_OBJECT));
  }

  /** The objects of a kind in a namespace whose labels include all of `labels`. */
  find(
    kind: string,
    namespace: string,
    labels: Record<string, string> = {},
  ): SlimObject[] {
    const result: SlimObject[] = [];
    for (const object of this.byKind.get(kind)?.values() ?? []) {
      if (object.metadata.namespace !== namespace) {
        continue;
      }
      if (
        Object.entries(labels).every(
          ([k, v]) => object.metadata.labels?.[k] === v,
        )
      ) {
        result.push(object);
      }
    }
    return result;
  }

  eventsFor(uids: string[]): SlimObject[] {
    return uids.flatMap(uid => this.eventsByObject.get(uid) ?? []);
  }

  count(): number {
    let total = 0;
    for (const objects of this.byKind.values()) {
      total += objects.size;
    }
    return total;
  }

  /** Events are kept only for objects the suite manages, dropped for everything else. */
  pruneEvents() {
    const known = new Set<string>();
    for (const objects of this.byKind.values()) {
      for (const uid of objects.keys()) {
        known.add(uid);
      }
    }
    for (const uid of this.eventsByObject.keys()) {
      if (!known.has(uid)) {
        this.eventsByObject.delete(uid);
      }
    }
  }
}
