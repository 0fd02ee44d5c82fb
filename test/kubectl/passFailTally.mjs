// Counts the sub-tests it declares as they pass or fail, for the one summary line CI logs show
// (`kubectl: N passed, M failed`). A test that never ran to the end (a failed `before`) counts as
// failed.
import { it } from 'node:test';

export class PassFailTally {
  constructor(label) {
    this.label = label;
    this.declared = 0;
    this.passed = 0;
  }

  /** Declares a sub-test with `node:test`'s `it`, counted. */
  it(name, fn) {
    this.declared += 1;
    it(name, async t => {
      await fn(t);
      this.passed += 1;
    });
  }

  summary() {
    return `${this.label}: ${this.passed} passed, ${
      this.declared - this.passed
    } failed`;
  }
}
