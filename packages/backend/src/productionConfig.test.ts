import { loadConfig, loadConfigSchema } from '@backstage/config-loader';
import fs from 'node:fs';
import path from 'node:path';

// app-config.production.yaml as a team would run it: every value from the environment. It must
// pass the schema, and no secret may reach the config the app-backend hands the browser.

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '../../..');

const ENV: Record<string, string> = {
  APP_BASE_URL: 'https://portal.example.com',
  BACKEND_BASE_URL: 'https://portal.example.com',
  BACKEND_SECRET: 'backend-secret-3f9a7c1e5b',
  POSTGRES_HOST: 'db.internal.example.com',
  POSTGRES_PORT: '5432',
  POSTGRES_USER: 'backstage',
  POSTGRES_PASSWORD: 'postgres-password-8d2e4a6c',
  COCKTAIL_AUDIT_CHAIN_KEY: 'audit-chain-key-0123456789abcdef0123456789',
  OIDC_METADATA_URL:
    'https://sso.example.com/realms/example/.well-known/openid-configuration',
  OIDC_CLIENT_ID: 'backstage-portal',
  OIDC_CLIENT_SECRET: 'oidc-client-secret-7e3d1f',
  AUTH_SESSION_SECRET: 'auth-session-secret-2b8f0d',
};
const SECRETS = [
  ENV.BACKEND_SECRET,
  ENV.POSTGRES_PASSWORD,
  ENV.COCKTAIL_AUDIT_CHAIN_KEY,
  ENV.OIDC_CLIENT_SECRET,
  ENV.AUTH_SESSION_SECRET,
  'cluster-token-5c1b9e',
];

function workspacePackageNames(): string[] {
  return ['packages', 'plugins'].flatMap(parent =>
    fs
      .readdirSync(path.join(ROOT, parent))
      .map(name => path.join(ROOT, parent, name, 'package.json'))
      .filter(file => fs.existsSync(file))
      .map(file => JSON.parse(fs.readFileSync(file, 'utf8')).name as string),
  );
}

async function productionConfigs() {
  const { appConfigs } = await loadConfig({
    configRoot: ROOT,
    configTargets: [
      { path: path.join(ROOT, 'app-config.yaml') },
      { path: path.join(ROOT, 'app-config.production.yaml') },
    ],
    experimentalEnvFunc: async name => ENV[name],
  });
  // A configured cluster with a token, as production has.
  appConfigs.push({
    context: 'test',
    data: {
      cocktail: {
        clusters: [
          {
            name: 'prod',
            url: 'https://prod.example.com:6443',
            serviceAccountToken: 'cluster-token-5c1b9e',
          },
        ],
      },
    },
  });
  return appConfigs;
}

describe('app-config.production.yaml', () => {
  it('passes the schema of every package with its values from the environment', async () => {
    const schema = await loadConfigSchema({
      dependencies: workspacePackageNames(),
      packagePaths: [path.join(ROOT, 'package.json')],
    });
    const configs = await productionConfigs();
    expect(() => schema.process(configs)).not.toThrow();
    const backend = JSON.stringify(schema.process(configs));
    // The backend gets what it needs, secrets included.
    for (const secret of SECRETS) {
      expect(backend).toContain(secret);
    }
  });

  it('hands the browser no secret: only what the schemas mark frontend-visible', async () => {
    const schema = await loadConfigSchema({
      dependencies: workspacePackageNames(),
      packagePaths: [path.join(ROOT, 'package.json')],
    });
    const frontend = schema.process(await productionConfigs(), {
      visibility: ['frontend'],
    });
    const text = JSON.stringify(frontend.map(config => config.data));
    expect(text).toContain(ENV.APP_BASE_URL);
    // The sign-in page learns that single sign-on is offered, and nothing of its client.
    expect(text).toContain('"oidc":{"title":"Single sign-on"}');
    // The sign-in page knows it is production, so it offers no guest sign-in.
    expect(text).toContain('"environment":"production"');
    for (const secret of SECRETS) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toContain(ENV.POSTGRES_HOST);
  });
});
