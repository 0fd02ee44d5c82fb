import {
  Content,
  ContentHeader,
  Progress,
  SupportButton,
} from '@backstage/core-components';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import { ClustersTable } from './ClustersTable';
import { useClusterOverview } from './useClusterOverview';

/** The body of the Clusters page, shared by both frontend systems. */
export function ClustersPageContent() {
  const { list, descriptions } = useClusterOverview();
  return (
    <Content>
      <ContentHeader title="Registered clusters">
        <SupportButton>
          Clusters come from app-config (cocktail.clusters), from catalog
          Resources of type kubernetes-cluster, and from Cluster API.
        </SupportButton>
      </ContentHeader>
      {list.error && <ApiErrorPanel error={list.error} what="Clusters" />}
      {!list.value && list.loading && <Progress />}
      {list.value && (
        <ClustersTable items={list.value.items} descriptions={descriptions} />
      )}
    </Content>
  );
}
