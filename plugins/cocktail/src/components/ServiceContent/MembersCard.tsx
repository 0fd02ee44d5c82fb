import { InfoCard, Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import { ServiceEntityV1alpha1 } from '@cocktailcloud/plugin-cocktail-common';

type Member = NonNullable<ServiceEntityV1alpha1['spec']['members']>[number] & {
  id: string;
};

// As the role table in cocktail-common (and the README) says.
const ROLE_MEANING: Record<string, string> = {
  admin:
    'everything a developer can, and deletes servers, provisions ServiceMaps, overrides the scan gate',
  developer:
    'deploys, updates images, restarts, scales, rolls back, suspends servers; uploads scans',
  viewer: 'reads status, monitoring, the audit log and image scans',
};

const columns: TableColumn<Member>[] = [
  {
    title: 'Member',
    field: 'ref',
    render: m => <EntityRefLink entityRef={m.ref} defaultKind="user" />,
  },
  { title: 'Role', field: 'role' },
  { title: 'Can', render: m => ROLE_MEANING[m.role] },
];

/** The Service's members and what each role allows. */
export function MembersCard(props: { service: ServiceEntityV1alpha1 }) {
  const { spec } = props.service;
  const members: Member[] = (spec.members ?? []).map(m => ({
    ...m,
    id: m.ref,
  }));
  return (
    <InfoCard title="Members" subheader={`Owner: ${spec.owner}`} noPadding>
      <Table<Member>
        options={{
          paging: false,
          search: false,
          toolbar: false,
          padding: 'dense',
        }}
        columns={columns}
        data={members}
        emptyContent={<Box p={2}>No members besides the owner.</Box>}
      />
    </InfoCard>
  );
}
