import { validateFileText } from './validateFile';

const file = 'catalog-info.yaml';

async function lines(text: string): Promise<string[]> {
  const report = await validateFileText(file, text);
  return report.problems.map(p =>
    [`${p.line}:${p.column}`, p.entity, p.field, p.message]
      .filter(Boolean)
      .join(' | '),
  );
}

describe('validateFileText', () => {
  it('points at the line of the offending field, not of the document', async () => {
    const text = [
      'apiVersion: backstage.io/v1alpha1', // 1
      'kind: Group', // 2
      'metadata: { name: team }', // 3
      'spec: { type: team, children: [] }', // 4
      '---', // 5
      'apiVersion: cocktailcloud.io/v1alpha1', // 6
      'kind: CocktailServer', // 7
      'metadata:', // 8
      '  name: payments-api', // 9
      'spec:', // 10
      '  serviceMap: payments-prod', // 11
      '  type: Deployment', // 12
      '  containers:', // 13
      '    - name: api', // 14
      '      image: nginx', // 15
      '    - name: sidecar', // 16
      '      image: envoyproxy/envoy:v1.31.0', // 17
      '      ports:', // 18
      '        - name: admin', // 19
      '          containerPort: 99999', // 20
      '',
    ].join('\n');
    expect(await lines(text)).toEqual([
      '20:11 | cocktailserver:default/payments-api | spec.containers[1].ports[0].containerPort | must be between 1 and 65535, got 99999',
    ]);
  });

  it('points a missing field at the object it is missing from', async () => {
    const text = [
      'apiVersion: cocktailcloud.io/v1alpha1',
      'kind: ServiceMap',
      'metadata:',
      '  name: payments-prod',
      'spec:',
      '  service: payments',
      '  environment: production',
      '  cluster: resource:prod',
      '',
    ].join('\n');
    expect(await lines(text)).toEqual([
      '5:1 | servicemap:default/payments-prod | spec.namespace | is required but missing',
    ]);
  });

  it('finds fields inside flow mappings', async () => {
    const text = [
      'apiVersion: cocktailcloud.io/v1alpha1',
      'kind: Service',
      'metadata: { name: payments }',
      'spec:',
      '  owner: group:payments-team',
      '  members: [{ ref: user:alice, role: owner }]',
      '',
    ].join('\n');
    expect(await lines(text)).toEqual([
      '6:32 | service:default/payments | spec.members[0].role | must be one of admin, developer, viewer, got "owner"',
    ]);
  });

  it('checks Backstage built-in kinds with the catalog model', async () => {
    const text = [
      'apiVersion: backstage.io/v1alpha1',
      'kind: Component',
      'metadata:',
      '  name: web',
      'spec:',
      '  type: website',
      '  lifecycle: production',
      '',
    ].join('\n');
    expect(await lines(text)).toEqual([
      '5:1 | component:default/web | spec.owner | is required but missing',
    ]);
  });

  it('reports the catalog envelope rules, such as entity name format', async () => {
    const text = [
      'apiVersion: backstage.io/v1alpha1',
      'kind: Group',
      'metadata:',
      '  name: "payments team"',
      'spec: { type: team, children: [] }',
      '',
    ].join('\n');
    const [problem] = await lines(text);
    expect(problem).toMatch(
      /^4:3 \| group:default\/payments team \| metadata\.name \| "metadata\.name" is not valid/,
    );
  });

  it('says when a document is not an entity', async () => {
    expect(await lines('- just\n- a list\n')).toEqual([
      '1:1 | not a catalog entity: expected a YAML object with apiVersion, kind, metadata and spec',
    ]);
  });

  it('says when a file is not YAML, at the line of the error', async () => {
    expect(
      await lines('apiVersion: v1\nkind: [Service\nmetadata: {}\n'),
    ).toEqual([expect.stringMatching(/^3:1 \| not valid YAML: /)]);
  });

  it('names an unknown kind and lists the known ones', async () => {
    const [problem] = await lines(
      'apiVersion: cocktailcloud.io/v1alpha1\nkind: Cocktail\nmetadata: { name: x }\nspec: {}\n',
    );
    expect(problem).toMatch(
      /^2:1 \| cocktail:default\/x \| kind \| unknown kind "Cocktail" for apiVersion "cocktailcloud.io\/v1alpha1"; expected one of Component, API/,
    );
  });

  it('skips empty documents', async () => {
    expect(await lines('---\n---\n')).toEqual([]);
  });
});
