import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { MarkdownContent } from '@backstage/core-components';

const content = `
Cocktail organises platform work the way teams do:

- **Services** — a team's unit, with members, quotas and registries:
  [browse Services](/catalog?filters[kind]=service)
- **ServiceMaps** — one environment of a Service on one cluster and namespace:
  [browse ServiceMaps](/catalog?filters[kind]=servicemap)
- **CocktailServers** — deployable packages of containers, ports, volumes and autoscaling:
  [browse servers](/catalog?filters[kind]=cocktailserver)
- **Clusters** — every registered cluster with its health, version and what runs on it:
  [open the Clusters page](/cocktail)

Describe them in \`catalog-info.yaml\` in your repository and check the files before you push with
\`yarn cocktail validate <file-or-dir>\`.
`;

const gettingStartedWidget = HomePageWidgetBlueprint.make({
  name: 'getting-started',
  params: {
    name: 'GettingStarted',
    title: 'Cocktail for Backstage',
    description: 'What the portal holds and where to start',
    components: async () => ({
      Content: () => <MarkdownContent content={content} />,
    }),
  },
});

export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [gettingStartedWidget],
});
