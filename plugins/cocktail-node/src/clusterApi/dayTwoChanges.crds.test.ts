import {
  CrdSchemas,
  crdFixturesMissing,
} from '../__testUtils__/validateWithCrdSchemas';
import { Manifest } from '../rendering/types';
import { fullRequest, MANAGED } from './__testUtils__/requests';
import { renderClusterManifests } from './renderClusterManifests';
import { CONTROL_PLANE_VERSION_FIELD } from './versionFields';

const missing = crdFixturesMissing();
if (missing) {
  // eslint-disable-next-line no-console
  console.warn(missing);
}
const describeWithFixtures = missing ? describe.skip : describe;

/** A JSON merge patch (RFC 7386), as the backend sends its day-2 changes. */
function mergePatch(target: any, patch: any): any {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    return patch;
  }
  const result = { ...(typeof target === 'object' && target ? target : {}) };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete result[key];
    } else {
      result[key] = mergePatch(result[key], value);
    }
  }
  return result;
}

function setPath(path: string[], value: unknown): object {
  return path.reduceRight<any>((inner, key) => ({ [key]: inner }), value);
}

/**
 * The cluster page's changes, as the objects look once the API server has applied them: scaled
 * and upgraded node pools, an upgraded control plane, a Cluster labelled for its add-ons. A
 * Machine is replaced by deleting it, which sends no object.
 */
describeWithFixtures(
  'day-2 changes against the upstream Cluster API CRDs',
  () => {
    let schemas: CrdSchemas;

    beforeAll(() => {
      schemas = CrdSchemas.load();
    });

    const changed = (manifest: Manifest, patch: object) =>
      mergePatch(manifest, patch) as Manifest;

    it('scales and upgrades a MachineDeployment and its control plane into objects the CRDs accept', () => {
      const manifests = renderClusterManifests(fullRequest('aws'));
      const pool = manifests.find(m => m.kind === 'MachineDeployment')!;
      const plane = manifests.find(m => m.kind === 'KubeadmControlPlane')!;
      const cluster = manifests.find(m => m.kind === 'Cluster')!;
      const results = [
        changed(pool, { spec: { replicas: 7 } }),
        changed(pool, { spec: { template: { spec: { version: 'v1.34.0' } } } }),
        changed(
          plane,
          setPath(CONTROL_PLANE_VERSION_FIELD.KubeadmControlPlane, 'v1.34.0'),
        ),
        changed(cluster, {
          metadata: {
            labels: { 'cocktailcloud.io/cluster-name': cluster.metadata.name },
          },
        }),
      ];
      for (const result of results) {
        expect(schemas.manifestProblems(result)).toEqual([]);
      }
      expect((results[0].spec as { replicas: number }).replicas).toBe(7);
    });

    it.each(MANAGED)(
      'scales and upgrades the MachinePools of %s into objects the CRD accepts',
      provider => {
        const pool = renderClusterManifests(fullRequest(provider)).find(
          m => m.kind === 'MachinePool',
        )!;
        expect(
          schemas.manifestProblems(changed(pool, { spec: { replicas: 4 } })),
        ).toEqual([]);
        expect(
          schemas.manifestProblems(
            changed(pool, {
              spec: { template: { spec: { version: 'v1.34.0' } } },
            }),
          ),
        ).toEqual([]);
      },
    );

    it('finds a MachineDeployment scaled to a non-number invalid, so the check can fail', () => {
      const pool = renderClusterManifests(fullRequest('aws')).find(
        m => m.kind === 'MachineDeployment',
      )!;
      expect(
        schemas
          .manifestProblems(changed(pool, { spec: { replicas: 'seven' } }))
          .join('\n'),
      ).toContain('replicas');
    });
  },
);
