import { MANAGED, SELF_MANAGED, fullRequest } from './__testUtils__/requests';
import { distributionVersion } from './distributionVersion';
import { renderClusterManifests } from './renderClusterManifests';
import { ControlPlaneProvider } from './types';
import {
  CONTROL_PLANE_VERSION_FIELD,
  WORKER_VERSION_FIELD,
} from './versionFields';

function at(object: any, path: string[]) {
  return path.reduce((value, key) => value?.[key], object);
}

const cases = [
  ...SELF_MANAGED.flatMap(provider =>
    (['kubeadm', 'rke2', 'k3s'] as ControlPlaneProvider[]).map(
      controlPlane => [provider, controlPlane] as const,
    ),
  ),
  ...MANAGED.map(provider => [provider, undefined] as const),
];

describe('CONTROL_PLANE_VERSION_FIELD', () => {
  it.each(cases)(
    'points at the Kubernetes version of the %s control plane (%s) and its workers',
    (provider, controlPlane) => {
      const request = fullRequest(provider, {
        ...(controlPlane && {
          controlPlane: { provider: controlPlane, replicas: 1 },
        }),
      });
      const manifests = renderClusterManifests(request);
      const cluster = manifests.find(m => m.kind === 'Cluster') as any;
      const plane = manifests.find(
        m => m.kind === cluster.spec.controlPlaneRef.kind,
      )!;
      const expected = distributionVersion(controlPlane, 'v1.33.1');
      expect(at(plane, CONTROL_PLANE_VERSION_FIELD[plane.kind])).toBe(expected);
      const workers = manifests.filter(m => WORKER_VERSION_FIELD[m.kind]);
      expect(workers).toHaveLength(2);
      for (const worker of workers) {
        expect(at(worker, WORKER_VERSION_FIELD[worker.kind])).toBe(expected);
      }
    },
  );

  it('knows no other control-plane kinds than the ones rendered', () => {
    expect(Object.keys(CONTROL_PLANE_VERSION_FIELD).sort()).toEqual([
      'AWSManagedControlPlane',
      'AzureManagedControlPlane',
      'GCPManagedControlPlane',
      'KThreesControlPlane',
      'KubeadmControlPlane',
      'RKE2ControlPlane',
    ]);
  });
});
