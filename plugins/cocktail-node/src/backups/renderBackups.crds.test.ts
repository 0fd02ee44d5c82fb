import {
  CrdSchemas,
  crdFixturesMissing,
} from '../__testUtils__/validateWithCrdSchemas';
import { renderBackup, renderRestore, renderSchedule } from './renderBackups';

const missing = crdFixturesMissing();
if (missing) {
  // eslint-disable-next-line no-console
  console.warn(missing);
}
const describeWithFixtures = missing ? describe.skip : describe;

describeWithFixtures(
  'Velero manifests against the upstream Velero CRDs',
  () => {
    let schemas: CrdSchemas;

    beforeAll(() => {
      schemas = CrdSchemas.load();
    });

    it.each([
      [
        'a namespace backup',
        renderBackup({
          name: 'payments-dev-1',
          namespace: 'payments-dev',
          ttl: '168h0m0s',
        }),
      ],
      [
        'a whole-cluster backup',
        renderBackup({ name: 'dev-all', storageLocation: 'default' }),
      ],
      [
        'a schedule',
        renderSchedule({
          name: 'payments-dev-daily',
          namespace: 'payments-dev',
          schedule: '0 3 * * *',
          ttl: '720h0m0s',
        }),
      ],
      [
        'a restore into a new namespace',
        renderRestore({
          name: 'r1',
          backupName: 'payments-dev-1',
          namespace: 'payments-dev',
          targetNamespace: 'payments-dev-restored',
        }),
      ],
    ])('renders %s that the CRD accepts', (_what, manifest) => {
      expect(schemas.has(manifest.apiVersion, manifest.kind)).toBe(true);
      expect(schemas.manifestProblems(manifest)).toEqual([]);
    });

    it('finds a Schedule without its template invalid, so the check can fail', () => {
      const manifest = renderSchedule({ name: 's', schedule: '@daily' });
      delete (manifest.spec as any).template;
      expect(schemas.manifestProblems(manifest).join('\n')).toContain(
        'template',
      );
    });
  },
);
