import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { DatabaseAuditStore } from '../DatabaseAuditStore';
import { AuditEntry } from '../types';

/** A chain key for tests; any secret of 32 characters or more. */
export const TEST_CHAIN_KEY = 'test-chain-key-0123456789abcdef0123456789';

export async function createTestAuditStore(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
  options: { chainKey?: string } = {},
) {
  const knex = await databases.init(databaseId);
  const store = await DatabaseAuditStore.create({
    database: mockServices.database({ knex }),
    chainKey: options.chainKey,
  });
  return { knex, store };
}

export function auditEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    actor: 'user:default/alice',
    action: 'server.scale',
    entityRef: 'cocktailserver:default/api',
    cluster: 'prod',
    namespace: 'payments',
    outcome: 'succeeded',
    details: { replicas: 3 },
    ...overrides,
  };
}

/** Waits long enough that the next row gets a later millisecond timestamp. */
export function nextMillisecond(): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, 3));
}
