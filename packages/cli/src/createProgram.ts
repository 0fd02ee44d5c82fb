import { Command } from 'commander';
import { DEFAULT_KUBERNETES_VERSION } from './cluster/buildClusterRequest';
import {
  clusterRenderCommand,
  collect,
  parseManifestFormat,
  providerOptionsHelp,
} from './commands/clusterRender';
import { backupRenderCommand } from './commands/backupRender';
import { clusterAddonRenderCommand } from './commands/clusterAddonRender';
import { parseFailOn, scanCheckCommand } from './commands/scanCheck';
import { scanSummaryCommand } from './commands/scanSummary';
import { scanUploadCommand } from './commands/scanUpload';
import { serversRenderCommand } from './commands/serversRender';
import { parseFormat, validateCommand } from './commands/validate';

/** The `cocktail` command line, built fresh so tests can run it in-process. */
export function createProgram(
  onExitCode: (code: number) => void,
  write?: (text: string) => void,
  writeError: (text: string) => void = text =>
    process.stderr.write(`${text}\n`),
): Command {
  const program = new Command('cocktail')
    .description('Cocktail for Backstage on the command line')
    .showHelpAfterError()
    // Usage errors throw instead of exiting, so the caller can exit 2: 1 means invalid files.
    .exitOverride();

  program
    .command('validate')
    .description(
      "Validate catalog files: the Service, ServiceMap and CocktailServer kinds and Backstage's built-in kinds. Prints file:line:column: entity: field: message for each problem; exits 1 when there is any.",
    )
    .argument(
      '<paths...>',
      'YAML files, or directories to search for .yaml and .yml files',
    )
    .option('--format <format>', 'text or json', parseFormat, 'text' as const)
    .action(async (paths: string[], options) => {
      onExitCode(await validateCommand(paths, options, write));
    });

  const cluster = program
    .command('cluster')
    .description('Cluster API clusters');
  cluster
    .command('render')
    .description(
      'Print the Cluster API manifests of a cluster, at the versions current providers serve (no cluster needed). Prints the problems with the input, one per line, and exits 1 when there are any.',
    )
    .requiredOption(
      '--provider <provider>',
      'aws, azure, gcp, openstack, vsphere, cloudstack, metal3, docker, eks, aks or gke',
    )
    .requiredOption('--name <name>', 'cluster name (DNS-1123 label)')
    .option(
      '--namespace <namespace>',
      'namespace of the objects (default: default)',
    )
    .option('--region <region>', "cloud region (default: the provider's)")
    .option('--zone <zone>', 'availability zone of the node pools')
    .option(
      '--kubernetes-version <version>',
      'Kubernetes version vX.Y.Z',
      DEFAULT_KUBERNETES_VERSION,
    )
    .option(
      '--control-plane <provider>',
      'kubeadm, rke2 or k3s (default: kubeadm)',
    )
    .option(
      '--control-plane-replicas <count>',
      'control-plane nodes, odd (default: 1)',
    )
    .option(
      '--control-plane-machine-type <type>',
      "control-plane machine type (default: the provider's)",
    )
    .option(
      '--node-pool <spec>',
      'a node pool, repeatable: name=workers,replicas=3,machineType=m5.large,min=2,max=6,labels=a=b;c=d,taints=key=value:NoSchedule (default: name=workers,replicas=2)',
      collect,
    )
    .option(
      '--pod-cidr <cidr>',
      'pod range, repeatable for dual-stack',
      collect,
    )
    .option(
      '--service-cidr <cidr>',
      'service range, repeatable for dual-stack',
      collect,
    )
    .option(
      '--class <clusterclass>',
      'render a ClusterClass cluster of this class ([namespace/]name)',
    )
    .option(
      '--variable <key=value>',
      'a ClusterClass variable, repeatable; the value is read as YAML',
      collect,
    )
    .option(
      '--label <key=value>',
      'a label of the Cluster, repeatable',
      collect,
    )
    .option(
      '--option <key=value>',
      'a provider option, repeatable (see below)',
      collect,
    )
    .option(
      '-o, --output <format>',
      'yaml or json',
      parseManifestFormat,
      'yaml' as const,
    )
    .addHelpText('after', ({ error }) => (error ? '' : providerOptionsHelp()))
    .action(options => {
      onExitCode(
        clusterRenderCommand(
          options,
          write ?? (text => process.stdout.write(`${text}\n`)),
          writeError,
        ),
      );
    });

  const out = write ?? (text => process.stdout.write(`${text}\n`));
  cluster
    .command('addon')
    .description('Cluster add-ons through Cluster API Add-on Provider Helm')
    .command('render')
    .description(
      "Print the HelmChartProxy that installs an add-on of the catalog (the built-in one, or with --config that of an app-config file's cocktail.clusterApi.addons), and the Cluster label that selects a cluster for it.",
    )
    .requiredOption(
      '--addon <name>',
      'the add-on, such as calico or ingress-nginx',
    )
    .requiredOption(
      '--cluster <name>',
      'the Cluster API Cluster to install it on',
    )
    .option(
      '--namespace <namespace>',
      "the Cluster's namespace (default: default)",
    )
    .option(
      '--config <app-config.yaml>',
      'read the add-on catalog from this app-config file',
    )
    .option(
      '-o, --output <format>',
      'yaml or json',
      parseManifestFormat,
      'yaml' as const,
    )
    .action(options => {
      onExitCode(clusterAddonRenderCommand(options, out, writeError));
    });

  program
    .command('backup')
    .description('Velero backups')
    .command('render')
    .description(
      "Print a Velero Backup of a namespace (a ServiceMap's) or of the whole cluster, or with --schedule a Schedule, for the velero namespace.",
    )
    .option('--namespace <namespace>', 'the namespace to back up')
    .option(
      '--all-namespaces',
      'back up every namespace and the cluster-scoped objects',
    )
    .option(
      '--schedule <cron>',
      'back up on this cron schedule (UTC), such as "0 3 * * *" or @daily',
    )
    .option(
      '--name <name>',
      'the name of the Backup or Schedule (default: from the namespace)',
    )
    .option(
      '--ttl <duration>',
      "how long Velero keeps each backup, such as 720h0m0s (default: Velero's, 30 days)",
    )
    .option(
      '--storage-location <name>',
      "the BackupStorageLocation (default: Velero's default)",
    )
    .option(
      '-o, --output <format>',
      'yaml or json',
      parseManifestFormat,
      'yaml' as const,
    )
    .action(options => {
      onExitCode(backupRenderCommand(options, out, writeError));
    });
  program
    .command('servers')
    .description('CocktailServers')
    .command('render')
    .description(
      "Render the Kubernetes objects of the catalog's ServiceMaps (namespace, quota) and CocktailServers, by cluster. With --out, writes <out>/<cluster>/<ServiceMap>.yaml (replacing each cluster's folder); otherwise prints them. Exits 1 when the catalog files have problems.",
    )
    .argument(
      '<paths...>',
      'YAML files, or directories to search for .yaml and .yml files',
    )
    .option('--out <directory>', 'write one folder per cluster here')
    .action(async (paths: string[], options) => {
      onExitCode(await serversRenderCommand(paths, options, out, writeError));
    });

  const scan = program
    .command('scan')
    .description(
      'Image vulnerability reports: Trivy JSON, Grype JSON, SARIF 2.1.0 or a Trivy Operator VulnerabilityReport',
    );
  scan
    .command('summary')
    .description(
      'Print the image (or what a filesystem or repository scan covered), scanner, time and the findings per severity (total and fixable). Exits 2 when the report cannot be read.',
    )
    .argument('<report>', 'the report file')
    .option('--format <format>', 'text or json', parseFormat, 'text' as const)
    .option('--image <ref>', 'the scanned image, when the report names none')
    .action(async (report: string, options) => {
      onExitCode(await scanSummaryCommand(report, options, out, writeError));
    });
  scan
    .command('check')
    .description(
      'Exit 1 and list the findings (up to 20) at or above a severity when there are any, 0 otherwise; 2 when the report cannot be read.',
    )
    .argument('<report>', 'the report file')
    .requiredOption(
      '--fail-on <severity>',
      'critical, high, medium or low',
      parseFailOn,
    )
    .option('--ignore-unfixed', 'count only findings with a fixed version')
    .option('--image <ref>', 'the scanned image, when the report names none')
    .action(async (report: string, options) => {
      onExitCode(await scanCheckCommand(report, options, out, writeError));
    });
  scan
    .command('upload')
    .description(
      "Send a report to the Cocktail backend (POST /api/cocktail/image-scans) and print the stored scan; exits 1 with the backend's message when it refuses.",
    )
    .argument('<report>', 'the report file, sent as it is')
    .requiredOption(
      '--url <url>',
      'the backend base URL, such as http://localhost:7007',
    )
    .option('--token <token>', 'a bearer token (default: $COCKTAIL_TOKEN)')
    .option(
      '--image <ref>',
      'the scanned image; needed when the report names none (a filesystem or repository scan)',
    )
    .action(async (report: string, options) => {
      onExitCode(await scanUploadCommand(report, options, out, writeError));
    });

  return program;
}
