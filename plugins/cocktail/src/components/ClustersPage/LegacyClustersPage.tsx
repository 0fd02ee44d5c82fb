import { Header, Page } from '@backstage/core-components';
import { ClustersPageContent } from './ClustersPage';

/** The Clusters page with its own header, for apps on the old frontend system. */
export function LegacyClustersPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Clusters"
        subtitle="Every Kubernetes cluster Cocktail manages"
      />
      <ClustersPageContent />
    </Page>
  );
}
