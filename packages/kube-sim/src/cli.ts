/* eslint-disable no-console */
import { writeFileSync } from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import { KubeSim } from './KubeSim';
import { seedManifestDirectory } from './seed/seedManifests';
import { servingCertificate } from './server/selfSignedCertificate';

function parseClusters(value: string): string[] {
  const names = value
    .split(',')
    .map(n => n.trim())
    .filter(Boolean);
  const bad = names.find(n => !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(n));
  if (!names.length || bad !== undefined) {
    throw new InvalidArgumentError(
      `expected comma-separated cluster names (lowercase letters, digits, "-"), got "${value}"`,
    );
  }
  return names;
}

function parseNumber(min: number, max: number) {
  return (value: string) => {
    const number = Number(value);
    if (!Number.isFinite(number) || number < min || number > max) {
      throw new InvalidArgumentError(
        `expected a number from ${min} to ${max}, got "${value}"`,
      );
    }
    return number;
  };
}

const program = new Command('kube-sim')
  .description(
    'Simulated Kubernetes API servers for tests and the offline demo (a test double, not a cluster)',
  )
  .option(
    '--clusters <names>',
    'comma-separated cluster names, one server each',
    parseClusters,
    ['dev'],
  )
  .option(
    '--port <port>',
    'port of the first cluster; the next ones follow',
    parseNumber(0, 65535),
    18443,
  )
  .option('--host <host>', 'address to listen on', '127.0.0.1')
  .option(
    '--seed <directory>',
    'create the manifests under <directory>/<cluster>/*.yaml in each cluster (render them from a catalog with `cocktail servers render <catalog> --out <directory>`)',
  )
  .option(
    '--crds <paths...>',
    'CustomResourceDefinition YAML files or directories to serve',
  )
  .option(
    '--cluster-api <cluster>',
    'make this cluster a Cluster API management cluster: each Cluster created there becomes a new simulated cluster',
  )
  .option(
    '--token <token>',
    'require this bearer token (or a TokenRequest token)',
  )
  .option(
    '--ca-file <path>',
    "write the CA certificate of the clusters' HTTPS side here (for a kubeconfig's certificate-authority)",
  )
  .option(
    '--nodes <count>',
    'simulated nodes per cluster',
    parseNumber(1, 500),
    3,
  )
  .option(
    '--latency <ms>',
    'add this latency to every request',
    parseNumber(0, 600_000),
  )
  .option(
    '--error-rate <share>',
    'answer this share of requests (0-1) with 503',
    parseNumber(0, 1),
  )
  .action(async options => {
    if (options.clusterApi && !options.clusters.includes(options.clusterApi)) {
      throw new InvalidArgumentError(
        `--cluster-api names "${
          options.clusterApi
        }", which is not one of --clusters (${options.clusters.join(', ')})`,
      );
    }
    const faults = Object.fromEntries(
      options.clusters.map((name: string) => [
        name,
        { latencyMs: options.latency, errorRate: options.errorRate },
      ]),
    );
    const sim = await KubeSim.start({
      clusters: options.clusters,
      port: options.port,
      host: options.host,
      crdPaths: options.crds,
      token: options.token,
      faults,
      clusterApi: options.clusterApi ? [options.clusterApi] : undefined,
      onWorkloadCluster: event => {
        console.log(
          event.type === 'provisioned'
            ? `cluster ${event.name} provisioned on ${event.url}`
            : `cluster ${event.name} deleted`,
        );
      },
      cluster: { nodes: options.nodes },
    });
    if (options.seed) {
      const report = await seedManifestDirectory(sim, options.seed);
      for (const d of report.deployed) {
        console.log(
          `seeded ${d.cluster}/${d.namespace}/${d.server} (${d.kind})`,
        );
      }
      for (const reason of report.skipped) {
        console.log(`skipped ${reason}`);
      }
    }
    if (options.caFile) {
      writeFileSync(options.caFile, servingCertificate().cert);
      console.log(`CA certificate written to ${options.caFile}`);
    }
    for (const [name, url] of Object.entries(sim.urls())) {
      console.log(
        `cluster ${name} ready at ${url}${
          name === options.clusterApi ? ' (Cluster API management cluster)' : ''
        }`,
      );
    }
    console.log(
      'each cluster answers HTTPS on its port too, with a self-signed certificate (--ca-file writes its CA); kubectl sends tokens only over HTTPS',
    );
    console.log(
      'faults can be changed while running: PUT <url>/kube-sim/faults {"latencyMs":200,"errorRate":0.1,"errorCode":503,"down":false}',
    );
    const stop = async () => {
      await sim.stop();
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });

program.parseAsync(process.argv).catch(error => {
  console.error(`kube-sim: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
