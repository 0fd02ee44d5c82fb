import { InputError } from '@backstage/errors';
import { loadClient } from './__testUtils__/fixtures';
import { KubernetesClientModule } from './kubernetesClient';
import {
  KubeconfigSource,
  loadCheckedKubeconfig,
} from './loadCheckedKubeconfig';

const source: KubeconfigSource = {
  describedAs: 'its data.value',
  howToAllow: setting => `set cocktail.clusterApi.${setting}: true`,
};

function kubeconfig(user: string): string {
  return `
current-context: c
clusters: [{name: c, cluster: {server: 'https://c.example.com'}}]
contexts: [{name: c, context: {cluster: c, user: u}}]
users:
  - name: u
    user: ${user}
`;
}

describe('loadCheckedKubeconfig', () => {
  let client: KubernetesClientModule;
  beforeAll(async () => {
    client = await loadClient();
  });

  it('loads a kubeconfig with inline credentials', () => {
    const kubeConfig = loadCheckedKubeconfig(
      client,
      kubeconfig('{token: s3cr3t}'),
      source,
    );

    expect(kubeConfig.getCurrentUser()).toMatchObject({ token: 's3cr3t' });
  });

  it('names every refused feature and the setting for each', () => {
    expect(() =>
      loadCheckedKubeconfig(
        client,
        kubeconfig(
          '{auth-provider: {name: gcp}, client-key: /k, exec: {command: sh}}',
        ),
        source,
      ),
    ).toThrow(
      new InputError(
        'its data.value carries exec or auth-provider credentials (users[0] "u": exec, auth-provider), which run commands or plugins in the backend; set cocktail.clusterApi.allowExecCredentials: true if it may; ' +
          'its data.value carries file paths (users[0] "u": client-key), which the backend would read from its own disk; set cocktail.clusterApi.allowFilePaths: true if it may',
      ),
    );
  });

  it('cannot be tricked by a YAML merge key that client-node would expand', () => {
    const kubeConfig = loadCheckedKubeconfig(
      client,
      kubeconfig('{<<: {exec: {command: sh}}, token: t}'),
      source,
    );

    expect(kubeConfig.getCurrentUser()?.exec).toBeFalsy();
    expect(kubeConfig.getCurrentUser()?.token).toBe('t');
  });

  it('does not quote an unreadable kubeconfig unless told it may', () => {
    const broken = 'users: [{user: {token: do-not-quote';

    expect(() => loadCheckedKubeconfig(client, broken, source)).toThrow(
      new InputError('its data.value is not a readable kubeconfig'),
    );
    expect(() =>
      loadCheckedKubeconfig(client, broken, {
        ...source,
        quoteParseErrors: true,
      }),
    ).toThrow(/^its data.value is not a readable kubeconfig: /);
  });
});
