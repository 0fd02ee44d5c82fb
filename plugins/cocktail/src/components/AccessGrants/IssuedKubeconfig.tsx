import { AccessGrantIssued } from '@cocktailcloud/plugin-cocktail-common';
import { CodeSnippet, InfoCard } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { Alert } from '@material-ui/lab';

function download(fileName: string, text: string) {
  const url = URL.createObjectURL(
    new Blob([text], { type: 'application/yaml' }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/** The one showing of a new grant's kubeconfig: download it, and the kubectl lines to use it. */
export function IssuedKubeconfig(props: {
  issued: AccessGrantIssued;
  onDismiss(): void;
}) {
  const { grant, kubeconfig, fileName } = props.issued;
  const lines = [
    `export KUBECONFIG=~/Downloads/${fileName}`,
    'kubectl get pods',
    'kubectl auth can-i --list',
  ].join('\n');
  return (
    <InfoCard title="Your kubeconfig">
      <Alert severity="success" data-testid="cocktail-access-issued">
        {grant.role} access to {grant.namespace} on {grant.cluster} until{' '}
        {new Date(grant.expiresAt).toLocaleString()}. This is the only time the
        kubeconfig is shown: download it now. It stops working when it expires
        or is revoked.
      </Alert>
      <Typography variant="body2" paragraph style={{ marginTop: 16 }}>
        Then, in a terminal:
      </Typography>
      <CodeSnippet language="bash" text={lines} showCopyCodeButton />
      <div style={{ display: 'flex', gap: 8, marginTop: 16 }}>
        <Button
          variant="contained"
          color="primary"
          onClick={() => download(fileName, kubeconfig)}
        >
          Download {fileName}
        </Button>
        <Button variant="outlined" onClick={props.onDismiss}>
          Done
        </Button>
      </div>
    </InfoCard>
  );
}
