import {
  ConflictError,
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { translateKubernetesError } from './KubernetesOperations';

function apiException(code: number, message: string) {
  return {
    code,
    message: `HTTP-Code: ${code}`,
    body: JSON.stringify({ kind: 'Status', code, message }),
  };
}

describe('translateKubernetesError', () => {
  it('reports a conflict as a ConflictError with the API server message, not as something to retry', () => {
    const error = translateKubernetesError(
      apiException(
        409,
        'Operation cannot be fulfilled on deployments.apps "cart": the object has been modified',
      ),
      'prod',
      'changing Deployment/cart',
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toBe(
      'changing Deployment/cart on cluster prod: Operation cannot be fulfilled on deployments.apps "cart": the object has been modified',
    );
  });

  it.each([
    [404, NotFoundError],
    [400, InputError],
    [422, InputError],
    [500, ServiceUnavailableError],
    [503, ServiceUnavailableError],
  ])('maps %i to %p', (code, type) => {
    expect(
      translateKubernetesError(apiException(code, 'no'), 'prod', 'reading x'),
    ).toBeInstanceOf(type);
  });
});
