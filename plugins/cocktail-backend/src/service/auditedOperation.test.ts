import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { NotAllowedError } from '@backstage/errors';
import { Request } from 'express';
import { AuditEntry, AuditStore } from '../audit';
import { createTestAuditStore } from '../audit/__testUtils__/createTestAuditStore';
import { auditedOperation } from './auditedOperation';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const context = {
  request: {} as Request,
  credentials: mockCredentials.user('user:default/alice'),
  action: 'server.scale',
  entityRef: 'cocktailserver:default/api',
  cluster: 'prod',
  namespace: 'shop',
  details: { replicas: 3, registryPassword: 'hunter2' },
};

async function setup() {
  const { store } = await createTestAuditStore(databases, 'SQLITE_3');
  const event = { success: jest.fn(), fail: jest.fn() };
  const logger = mockServices.logger.mock();
  const deps = {
    audit: store,
    auditor: mockServices.auditor.mock({
      createEvent: jest.fn(async () => event),
    }),
    auth: mockServices.auth(),
    logger,
  };
  return { store, deps, event, logger };
}

/** From now on, writing an outcome (not an intent) to the store fails. */
function failOutcomes(store: AuditStore) {
  const record = store.record.bind(store);
  jest.spyOn(store, 'record').mockImplementation(async (entry: AuditEntry) => {
    if (entry.outcome !== 'requested') {
      throw new Error('connection to the database lost');
    }
    return record(entry);
  });
}

describe('auditedOperation', () => {
  it('writes the intent before the mutation runs, and the outcome after it, pointing at the intent', async () => {
    const { store, deps } = await setup();
    let seenWhileRunning: string[] = [];

    const result = await auditedOperation(deps, context, async () => {
      seenWhileRunning = (await store.query({})).items.map(r => r.outcome);
      return 'scaled';
    });

    expect(result).toBe('scaled');
    expect(seenWhileRunning).toEqual(['requested']);
    const [outcome, intent] = (await store.query({ includeIntents: true }))
      .items;
    expect(intent).toMatchObject({
      outcome: 'requested',
      actor: 'user:default/alice',
      action: 'server.scale',
      entityRef: 'cocktailserver:default/api',
      details: { replicas: 3, registryPassword: '[redacted]' },
    });
    expect(outcome).toMatchObject({
      outcome: 'succeeded',
      intentId: intent.id,
    });
  });

  it('records a refusal as denied and a failure as failed, both pointing at their intent', async () => {
    const { store, deps, event } = await setup();

    await expect(
      auditedOperation(deps, context, async () => {
        throw new NotAllowedError('you may not scale api');
      }),
    ).rejects.toThrow('you may not scale api');
    await expect(
      auditedOperation(deps, context, async () => {
        throw new Error('timed out with Bearer abc123');
      }),
    ).rejects.toThrow();

    const rows = (await store.query({ includeIntents: true })).items;
    expect(rows.map(r => [r.id, r.outcome, r.intentId, r.error])).toEqual([
      ['4', 'failed', '3', 'timed out with Bearer [redacted]'],
      ['3', 'requested', undefined, undefined],
      ['2', 'denied', '1', 'you may not scale api'],
      ['1', 'requested', undefined, undefined],
    ]);
    expect(event.fail).toHaveBeenCalledTimes(2);
    expect(event.fail).toHaveBeenLastCalledWith({
      error: expect.objectContaining({
        name: 'Error',
        message: 'timed out with Bearer [redacted]',
      }),
      meta: {},
    });
  });

  it('does not run the mutation, and answers 503, when the intent cannot be written', async () => {
    const { store, deps, event, logger } = await setup();
    jest
      .spyOn(store, 'record')
      .mockRejectedValue(new Error('SQLITE_BUSY: database is locked'));
    const run = jest.fn();

    const answer = auditedOperation(deps, context, run);

    const refusal = {
      name: 'ServiceUnavailableError',
      message:
        'The audit log is unavailable, so server.scale was not run and nothing changed; try again later',
    };
    await expect(answer).rejects.toMatchObject(refusal);
    expect(run).not.toHaveBeenCalled();
    expect(event.fail).toHaveBeenCalledWith({
      error: expect.objectContaining(refusal),
    });
    expect(logger.error).toHaveBeenCalledWith(
      'Refused server.scale on cocktailserver:default/api: the audit log could not record it (Error: SQLITE_BUSY: database is locked)',
    );
  });

  it('answers when the outcome cannot be written, keeps the intent, and logs and reports it', async () => {
    const { store, deps, event, logger } = await setup();
    failOutcomes(store);

    const result = await auditedOperation(deps, context, async () => 'scaled');

    expect(result).toBe('scaled');
    const [intent] = (await store.query({})).items;
    expect(intent).toMatchObject({ id: '1', outcome: 'requested' });
    expect(logger.error).toHaveBeenCalledWith(
      'The outcome (succeeded) of server.scale on cocktailserver:default/api could not be written to the audit log; its intent is row 1 (Error: connection to the database lost)',
    );
    expect(JSON.stringify(logger.error.mock.calls)).not.toContain('hunter2');
    expect(event.success).toHaveBeenCalledWith({
      meta: { auditOutcomeNotRecorded: true, auditIntentRowId: '1' },
    });
  });

  it('throws the mutation’s own error when neither it nor its outcome could be written', async () => {
    const { store, deps } = await setup();
    failOutcomes(store);

    await expect(
      auditedOperation(deps, context, async () => {
        throw new Error('cluster prod did not answer');
      }),
    ).rejects.toThrow('cluster prod did not answer');
  });

  it('leaves the intent without an outcome when the backend stops during the change', async () => {
    const { store, deps } = await setup();
    let started!: () => void;
    const running = new Promise<void>(resolve => {
      started = resolve;
    });

    // The mutation never returns, as when the process is killed while it runs.
    void auditedOperation(deps, context, () => {
      started();
      return new Promise(() => {});
    });
    await running;

    expect((await store.query({})).items).toEqual([
      expect.objectContaining({ outcome: 'requested', action: 'server.scale' }),
    ]);
  });
});
