import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import {
  COCKTAIL_URL,
  createBackendServer,
  renderCocktail,
} from '../../__testUtils__/renderCocktail';
import {
  clusterListItem,
  serviceMapEntity,
} from '../../__testUtils__/fixtures';
import { ClusterPickerField } from './ClusterPickerField';
import { ServiceMapPickerField } from './ServiceMapPickerField';

const server = createBackendServer();
registerMswTestHooks(server);

function fieldProps(title: string, onChange: jest.Mock) {
  return {
    onChange,
    formData: undefined,
    required: true,
    rawErrors: [],
    schema: { title },
    uiSchema: {},
    idSchema: { $id: `root_${title}` },
  } as any;
}

describe('the scaffolder fields', () => {
  it('CocktailClusterPicker offers the registered clusters and returns the chosen one as an entity ref', async () => {
    server.use(
      http.get(`${COCKTAIL_URL}/clusters`, () =>
        HttpResponse.json({
          items: [
            clusterListItem({
              name: 'prod',
              title: 'Production',
              entityRef: 'resource:default/prod',
              provider: 'eks',
              region: 'eu-west-1',
            }),
            clusterListItem({
              name: 'edge',
              title: undefined,
              entityRef: undefined,
              provider: undefined,
              region: undefined,
              cache: { cluster: 'edge', synced: true, stale: true },
            }),
          ],
        }),
      ),
    );
    const onChange = jest.fn();
    await renderCocktail(
      <ClusterPickerField {...fieldProps('Cluster', onChange)} />,
    );
    await userEvent.click(await screen.findByLabelText('Cluster'));
    const options = within(await screen.findByRole('listbox')).getAllByRole(
      'option',
    );
    expect(options.map(o => o.textContent)).toEqual([
      'Production — eks, eu-west-1',
      'edge (not answering)',
    ]);
    await userEvent.click(options[1]);
    expect(onChange).toHaveBeenCalledWith('resource:default/edge');
  });

  it('CocktailClusterPicker says what to do when the clusters cannot be listed', async () => {
    server.use(
      http.get(`${COCKTAIL_URL}/clusters`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotAllowedError',
              message: 'you are not allowed to cocktail.cluster.read',
            },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
    );
    await renderCocktail(
      <ClusterPickerField {...fieldProps('Cluster', jest.fn())} />,
    );
    expect(
      await screen.findByText(
        /You do not have permission: you are not allowed to cocktail.cluster.read/,
      ),
    ).toBeInTheDocument();
  });

  it('CocktailServiceMapPicker lists the catalog ServiceMaps with environment, namespace and cluster', async () => {
    const onChange = jest.fn();
    await renderCocktail(
      <ServiceMapPickerField {...fieldProps('ServiceMap', onChange)} />,
      {
        catalog: [serviceMapEntity],
      },
    );
    await userEvent.click(await screen.findByLabelText('ServiceMap'));
    const option = within(await screen.findByRole('listbox')).getByRole(
      'option',
    );
    expect(option.textContent).toBe(
      'payments-prod — prod, namespace payments-prod on prod',
    );
    await userEvent.click(option);
    expect(onChange).toHaveBeenCalledWith('servicemap:default/payments-prod');
  });
});
