import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * Entities the crossed cases need beside the example catalog: a server of Payments' team that
 * names a Search ServiceMap, a Payments ServiceMap in `kube-system`, one that claims Search's
 * namespace, and a Cluster API cluster whose Resource Payments' team owns.
 */
export const CROSSED_ENTITIES = `
apiVersion: cocktailcloud.io/v1alpha1
kind: CocktailServer
metadata: { name: payments-rogue, description: Payments' team's server in a Search ServiceMap }
spec:
  serviceMap: search-prod
  owner: group:payments-team
  type: Deployment
  replicas: 1
  containers:
    - { name: app, image: harbor.example.com/payments/api:1.4.2 }
---
apiVersion: cocktailcloud.io/v1alpha1
kind: ServiceMap
metadata: { name: payments-system }
spec:
  service: payments
  environment: system
  cluster: resource:dev
  namespace: kube-system
---
apiVersion: cocktailcloud.io/v1alpha1
kind: ServiceMap
metadata: { name: payments-squat }
spec:
  service: payments
  environment: squat
  cluster: resource:prod
  namespace: search-prod
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: demo
  description: A Cluster API cluster that Payments' team owns
spec:
  type: kubernetes-cluster
  owner: group:payments-team
`;

/** Writes the crossed entities to a temporary file and returns its path. */
export async function writeCrossedEntities(): Promise<string> {
  const directory = await fs.mkdtemp(
    path.join(os.tmpdir(), 'cocktail-matrix-'),
  );
  const file = path.join(directory, 'crossed.yaml');
  await fs.writeFile(file, CROSSED_ENTITIES);
  return file;
}
