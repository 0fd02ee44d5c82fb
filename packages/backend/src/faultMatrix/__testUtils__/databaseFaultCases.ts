import { KubeSim } from '@cocktailcloud/kube-sim';
import { ThrowawayPostgres } from '../../__testUtils__/throwawayPostgres';
import { Send } from './clusterFaultCases';
import { FaultCase } from './FaultCase';

const WORKER = '/api/cocktail/servers/default/payments-worker';

/**
 * The audit log's PostgreSQL stopped before a change, stopped while a change is on its way to
 * the cluster, and started again; reads of the audit log while it is down.
 */
export function databaseFaultCases(
  sim: KubeSim,
  postgres: ThrowawayPostgres,
  send: Send,
  databaseAnswers: () => Promise<void>,
): FaultCase[] {
  const prod = sim.cluster('prod');
  const restart = async () => {
    prod.setFaults({});
    postgres.start();
    await databaseAnswers();
  };
  return [
    {
      family: 'audit writes',
      name: 'scale while the audit database is down',
      cause:
        /audit log is unavailable, so server\.scale was not run and nothing changed/,
      audit: 'server.scale',
      inject: () => postgres.stop(),
      act: () => send('POST', `${WORKER}/scale`, { replicas: 4 }),
      heal: restart,
    },
    {
      family: 'audit writes',
      name: 'restart while the audit database is down',
      cause: /audit log is unavailable, so server\.restart was not run/,
      audit: 'server.restart',
      inject: () => postgres.stop(),
      act: () => send('POST', `${WORKER}/restart`, {}),
      heal: restart,
    },
    {
      family: 'audit writes',
      name: 'scale while the audit database stops mid-write',
      cause:
        /outcome could not be written to the audit log; its intent is row \d+/,
      audit: 'server.scale',
      // The change takes 0.8 s on the cluster; the database stops after the intent is written.
      inject: () => prod.setFaults({ writeLatencyMs: 800 }),
      act: async () => {
        const answer = send('POST', `${WORKER}/scale`, { replicas: 2 });
        await new Promise(resolve => setTimeout(resolve, 400));
        postgres.stop();
        return answer;
      },
      heal: restart,
    },
    {
      family: 'audit writes',
      name: 'scale after the audit database was restarted',
      audit: 'server.scale',
      inject: async () => {
        postgres.stop();
        await restart();
      },
      act: () => send('POST', `${WORKER}/scale`, { replicas: 3 }),
      heal: () => undefined,
    },
    {
      family: 'audit writes',
      name: 'read the audit log while its database is down',
      cause: /audit log is unavailable/,
      inject: () => postgres.stop(),
      act: () => send('GET', '/api/cocktail/audit?limit=5'),
      heal: restart,
    },
  ];
}
