import { InputError } from '@backstage/errors';
import { renderLimitRange } from './renderLimitRange';
import { validateCoreManifest } from './__testUtils__/entities';

const LABELS = { 'app.kubernetes.io/managed-by': 'cocktail' };

describe('renderLimitRange', () => {
  it('gives containers default requests of 100m and 128Mi and limits of 500m and 512Mi', () => {
    const limitRange = renderLimitRange('payments-prod', LABELS);
    validateCoreManifest(limitRange);
    expect(limitRange).toEqual({
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: {
        name: 'cocktail-defaults',
        namespace: 'payments-prod',
        labels: LABELS,
      },
      spec: {
        limits: [
          {
            type: 'Container',
            defaultRequest: { cpu: '100m', memory: '128Mi' },
            default: { cpu: '500m', memory: '512Mi' },
          },
        ],
      },
    });
  });

  it('overrides each value on its own', () => {
    const limitRange = renderLimitRange('ns', LABELS, {
      defaultRequest: { cpu: '250m' },
      default: { memory: '1Gi' },
    });
    expect(limitRange.spec).toEqual({
      limits: [
        {
          type: 'Container',
          defaultRequest: { cpu: '250m', memory: '128Mi' },
          default: { cpu: '500m', memory: '1Gi' },
        },
      ],
    });
  });

  it('refuses overrides the API server would refuse, naming each', () => {
    expect(() =>
      renderLimitRange('ns', LABELS, {
        defaultRequest: { cpu: '2', memory: 'lots' },
        default: { cpu: '1' },
      }),
    ).toThrow(
      new InputError(
        [
          'limitRange.defaultRequest.cpu: 2 is more than the default limit 1',
          'limitRange.defaultRequest.memory: "lots" is not a Kubernetes quantity',
        ].join('\n'),
      ),
    );
  });
});
