import { AccessGrant } from '@cocktailcloud/plugin-cocktail-common';
import { Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { timeLeft } from './timeLeft';

/**
 * The active grants, with time left and a revoke button: the list holds only what the person
 * may revoke (their own, or everyone's for Service admins).
 */
export function AccessGrantsTable(props: {
  /** The table's title before the count; by scope when not given. */
  title?: string;
  grants: AccessGrant[];
  scope: 'all' | 'own';
  revoking?: string;
  onRevoke(grant: AccessGrant): void;
}) {
  const columns: TableColumn<AccessGrant>[] = [
    {
      title: 'Person',
      render: grant => (
        <>
          <EntityRefLink entityRef={grant.userRef} defaultKind="user" />
          <Typography variant="caption" component="div" color="textSecondary">
            {grant.serviceAccount}
          </Typography>
        </>
      ),
    },
    { title: 'Role', field: 'role' },
    { title: 'Reason', field: 'reason' },
    {
      title: 'Time left',
      render: grant => (
        <span title={new Date(grant.expiresAt).toLocaleString()}>
          {timeLeft(grant.expiresAt)}
        </span>
      ),
    },
    {
      title: '',
      render: grant => (
        <Button
          size="small"
          color="secondary"
          variant="outlined"
          disabled={props.revoking === grant.id}
          onClick={() => props.onRevoke(grant)}
          aria-label={`Revoke ${grant.serviceAccount}`}
        >
          {props.revoking === grant.id ? 'Revoking…' : 'Revoke'}
        </Button>
      ),
    },
  ];
  return (
    <Table
      title={`${
        props.title ??
        (props.scope === 'all' ? 'Active grants' : 'Your active grants')
      } (${props.grants.length})`}
      options={{ paging: false, search: false, padding: 'dense' }}
      columns={columns}
      data={props.grants}
      emptyContent={
        <div style={{ padding: 16 }}>
          No active grants. Credentials you ask for appear here until they
          expire or are revoked.
        </div>
      }
    />
  );
}
