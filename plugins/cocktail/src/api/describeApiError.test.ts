import { ResponseError } from '@backstage/errors';
import { describeApiError } from './describeApiError';

async function responseError(status: number, message: string) {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'Error', message },
        response: { statusCode: status },
      }),
      { status, headers: { 'Content-Type': 'application/json' } },
    ) as any,
  );
}

describe('describeApiError', () => {
  it('tells a user without permission whom to ask', async () => {
    const description = describeApiError(
      await responseError(
        403,
        'you are not allowed to cocktail.server.scale on cocktailserver:default/api',
      ),
    );
    expect(description.title).toBe('You do not have permission');
    expect(description.message).toBe(
      'you are not allowed to cocktail.server.scale on cocktailserver:default/api. Ask a platform administrator or an admin of the Service to grant it.',
    );
  });

  it('keeps a validation message, which names the field, and asks for a correction', async () => {
    const description = describeApiError(
      await responseError(
        400,
        'replicas: expected a whole number from 0 to 1000, got -1',
      ),
    );
    expect(description.message).toBe(
      'replicas: expected a whole number from 0 to 1000, got -1. Correct the value and try again.',
    );
  });

  it('points at the Clusters page when a cluster is unavailable', async () => {
    const description = describeApiError(
      await responseError(503, 'cluster prod: connect ECONNREFUSED'),
    );
    expect(description.title).toBe('The cluster is unavailable right now');
    expect(description.message).toMatch(
      /check the cluster's health on the Clusters page/,
    );
  });

  it('says to reload after a conflict', async () => {
    expect(
      describeApiError(await responseError(409, 'the object changed')).message,
    ).toMatch(/Reload the page to see the current state/);
  });

  it('says the backend could not be reached for network failures', () => {
    const description = describeApiError(new TypeError('Failed to fetch'));
    expect(description.title).toBe('The Cocktail backend could not be reached');
    expect(description.detail).toBe('Failed to fetch');
  });

  it('passes on the message of an error that is not about the backend', () => {
    expect(
      describeApiError(new Error('the ServiceMap has no cluster')),
    ).toEqual({
      title: 'Something went wrong',
      message: 'the ServiceMap has no cluster',
    });
  });
});
