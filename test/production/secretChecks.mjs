// Secrets stay in the backend: none reaches the configuration the app is served with, and none
// is written to the replicas' logs.
import assert from 'node:assert/strict';
import fs from 'node:fs';

/** The app's page and the scripts it loads, as a browser receives them. */
async function servedApp(url) {
  const html = await (await fetch(url)).text();
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map(match =>
    new URL(match[1], url).toString(),
  );
  const bodies = await Promise.all(
    scripts.map(async script => (await fetch(script)).text()),
  );
  return [html, ...bodies].join('\n');
}

export async function checkNothingSecretLeaks({ checks, replicas, secrets }) {
  const present = Object.entries(secrets).filter(([, value]) => value);
  await checks.check(
    `no secret reaches the app as served (${present
      .map(([name]) => name)
      .join(', ')})`,
    async () => {
      for (const replica of Object.values(replicas)) {
        const served = await servedApp(replica.url);
        // What the app is configured with does reach it: the check reads the right thing.
        assert.ok(
          served.includes('Single sign-on') && served.includes(replica.url),
          `the app served by ${replica.url} carries no configuration`,
        );
        for (const [name, value] of present) {
          assert.ok(
            !served.includes(value),
            `${name} is in the app served by ${replica.url}`,
          );
        }
      }
    },
  );
  await checks.check('no secret is written to the replicas’ logs', async () => {
    for (const replica of Object.values(replicas)) {
      const log = fs.readFileSync(replica.logFile, 'utf8');
      assert.ok(log.length > 0, `${replica.logFile} is empty`);
      for (const [name, value] of present) {
        assert.ok(!log.includes(value), `${name} is in ${replica.logFile}`);
      }
    }
  });
}
