import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { createConfigSecretEnumerator } from '@backstage/backend-defaults/rootConfig';
import path from 'node:path';

// The root logger loads the config schema of every package in the repository at start, to
// redact secrets from logs; a package naming a schema file it lacks stops the backend there.

jest.setTimeout(120_000);

describe("the repository's config schema", () => {
  it('loads, and marks the cluster tokens secret', async () => {
    const logger = mockServices.logger.mock();
    const enumerate = await createConfigSecretEnumerator({
      logger,
      dir: path.resolve(__dirname, '../../..'),
    });
    const secrets = enumerate(
      new ConfigReader({
        cocktail: {
          clusters: [
            {
              name: 'prod',
              url: 'https://prod.example.com:6443',
              serviceAccountToken: 'token-of-prod',
            },
          ],
          permissions: { platformAdmins: ['group:default/platform-team'] },
        },
      }),
    );
    expect([...secrets]).toEqual(['token-of-prod']);
    expect(logger.warn).not.toHaveBeenCalled();
  });
});
