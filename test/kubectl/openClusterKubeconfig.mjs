// Writes a kubeconfig for a kube-sim cluster started without `--token`, which lets anyone in.
// It uses the cluster's HTTPS side, verified with the CA kube-sim wrote (`--ca-file`): kubectl
// sends credentials such as `--token` only over TLS (kubernetes/kubectl#744).
import fs from 'node:fs';

/**
 * Over https kubectl prompts for a username unless the user has some identity; an open kube-sim
 * takes a token it never issued as its admin, as it takes no token at all.
 */
const PLACEHOLDER_TOKEN = 'kube-sim-runs-open';

/** Writes the kubeconfig to `file` for the cluster at `url` (http or https, same port). */
export function writeOpenClusterKubeconfig(file, url, caFile) {
  const server = url.replace(/^http:/, 'https:');
  fs.writeFileSync(
    file,
    `apiVersion: v1
kind: Config
clusters:
  - name: kube-sim
    cluster:
      server: ${server}
      certificate-authority: ${caFile}
users:
  - name: kube-sim-user
    user:
      token: ${PLACEHOLDER_TOKEN}
contexts:
  - name: kube-sim
    context:
      cluster: kube-sim
      user: kube-sim-user
current-context: kube-sim
`,
  );
}
