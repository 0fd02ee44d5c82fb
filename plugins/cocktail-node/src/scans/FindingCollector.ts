import { ScanFinding } from '@cocktailcloud/plugin-cocktail-common';

/**
 * Keeps one finding per (id, packageName, installedVersion). A repeat (the same package found in
 * two layers or two targets) fills in what the first one lacked. Past `limit` distinct findings
 * only their keys are kept, so a report too large to store is still counted without being held.
 *
 * @public
 */
export class FindingCollector {
  readonly #findings = new Map<string, ScanFinding>();
  readonly #beyondLimit = new Set<string>();

  constructor(private readonly limit = Infinity) {}

  add(finding: ScanFinding): void {
    const key = `${finding.id}\u0000${finding.packageName}\u0000${
      finding.installedVersion ?? ''
    }`;
    const existing = this.#findings.get(key);
    if (!existing) {
      if (this.#findings.size < this.limit) {
        this.#findings.set(key, finding);
      } else {
        this.#beyondLimit.add(key);
      }
      return;
    }
    for (const [field, value] of Object.entries(finding)) {
      const name = field as keyof ScanFinding;
      if (existing[name] === undefined && value !== undefined) {
        (existing as unknown as Record<string, unknown>)[name] = value;
      }
    }
  }

  /** Distinct findings seen, including those past the limit. */
  get size(): number {
    return this.#findings.size + this.#beyondLimit.size;
  }

  findings(): ScanFinding[] {
    return [...this.#findings.values()];
  }
}

/** Drops the undefined fields, so findings compare and serialise cleanly. */
export function compactFinding(finding: ScanFinding): ScanFinding {
  return Object.fromEntries(
    Object.entries(finding).filter(([, value]) => value !== undefined),
  ) as unknown as ScanFinding;
}
