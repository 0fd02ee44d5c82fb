import { AuditChainKey } from './chainKey';
import { AuditChainBreakReason } from './types';

/**
 * Why a row or checkpoint cannot be trusted for the key it names, before its
 * hash is even checked; undefined when its hash can be checked with `key`.
 *
 * @param what - how to name it in the message, e.g. "Audit row 5"
 * @param keyId - the key id stored with it; null when it is unkeyed
 * @param afterKeyed - whether a keyed one came before it in the chain
 */
export function chainKeyProblem(
  what: string,
  keyId: string | null,
  key: AuditChainKey | undefined,
  afterKeyed: boolean,
): { reason: AuditChainBreakReason; message: string } | undefined {
  if (keyId === null) {
    return afterKeyed
      ? {
          reason: 'rewritten',
          message: `${what} has no chain key although the ones before it are keyed: it was rewritten without the key, or cocktail.audit.chainKey was removed from the configuration`,
        }
      : undefined;
  }
  if (!key) {
    return {
      reason: 'key-mismatch',
      message: `${what} was chained with key ${keyId}, but no cocktail.audit.chainKey is configured: set the key it was written with, or it was forged`,
    };
  }
  if (keyId !== key.id) {
    return {
      reason: 'key-mismatch',
      message: `${what} was chained with key ${keyId}, not with the configured cocktail.audit.chainKey (key ${key.id}): the chain key changed, or it was forged`,
    };
  }
  return undefined;
}
