/** What a request came back with under a fault. */
export interface FaultAnswer {
  status: number;
  /** The error message, or the whole body when the request succeeded. */
  text: string;
}

/** One fault: how to cause it, the request made under it, and what its answer has to say. */
export interface FaultCase {
  family: string;
  name: string;
  /** The cluster the answer has to name; none when the fault is not a cluster's. */
  cluster?: string;
  /** The cause, as the answer has to say it; none when the request has to succeed despite the fault. */
  cause?: RegExp;
  /** The audit action the attempt has to leave a row for (or an auditor event, when the audit table is down). */
  audit?: string;
  /** How long the answer may take; the matrix's default otherwise. */
  deadlineMs?: number;
  inject: () => void | Promise<void>;
  act: () => Promise<FaultAnswer>;
  heal: () => void | Promise<void>;
}

/** How one fault went. */
export interface FaultVerdict {
  hung: boolean;
  named: boolean;
  unreportedPartial: boolean;
  unaudited: boolean;
}

// An answer reports what was left when it says what the cluster shows or what was applied
// ("not applied" says the opposite).
const REPORTS_STATE = /now shows|(?<!not )applied|stays?\b/i;

/** The verdict on one fault from its answer and what changed. */
export function judgeFault(
  fault: FaultCase,
  answer: FaultAnswer | undefined,
  observed: { changedOnCluster: boolean; audited: boolean },
): FaultVerdict {
  if (!answer) {
    return {
      hung: true,
      named: false,
      unreportedPartial: observed.changedOnCluster,
      unaudited: Boolean(fault.audit) && !observed.audited,
    };
  }
  const named = fault.cause
    ? (!fault.cluster || answer.text.includes(fault.cluster)) &&
      fault.cause.test(answer.text)
    : answer.status >= 200 && answer.status < 300;
  return {
    hung: false,
    named,
    unreportedPartial:
      observed.changedOnCluster &&
      answer.status >= 400 &&
      !REPORTS_STATE.test(answer.text),
    unaudited: Boolean(fault.audit) && !observed.audited,
  };
}
