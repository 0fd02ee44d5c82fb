import { RequestTimeoutError } from './abortableRequests';
import { describeRequestError } from './describeRequestError';

function apiException(code: number, body: unknown) {
  return { code, message: `HTTP-Code: ${code}`, body };
}

describe('describeRequestError', () => {
  it('passes on the API server message of a bad request as it is', () => {
    expect(
      describeRequestError(
        apiException(
          422,
          JSON.stringify({
            kind: 'Status',
            message: 'spec.replicas: Invalid value: -1',
          }),
        ),
      ),
    ).toBe('spec.replicas: Invalid value: -1');
  });

  it('says what a status means, with the cluster message capped', () => {
    const text = describeRequestError(
      apiException(503, { kind: 'Status', message: 'x'.repeat(5000) }),
    );
    expect(text).toMatch(
      /^the cluster is unavailable \(503 Service Unavailable\): x+… \[cut\]$/,
    );
    expect(text.length).toBeLessThan(400);
  });

  it('never echoes a body that is not a Kubernetes status, such as a proxy error page', () => {
    const text = describeRequestError(
      apiException(
        502,
        '<html><body>secret-internal-host.corp:8443 failed</body></html>',
      ),
    );
    expect(text).toBe(
      'a proxy in front of the cluster failed (502 Bad Gateway)',
    );
  });

  it.each([
    [
      { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:1' },
      'nothing answers at its address (connection refused)',
    ],
    [
      { message: 'request failed', cause: { code: 'ENOTFOUND' } },
      'its host name does not resolve',
    ],
    [
      new Error('Premature close'),
      'the connection was cut before the answer was complete',
    ],
    [new RequestTimeoutError(5000), 'no answer within 5 s'],
    [
      apiException(401, ''),
      'the cluster refused the credentials (401 Unauthorized)',
    ],
  ])('words %p as %p', (error, words) => {
    expect(describeRequestError(error)).toBe(words);
  });
});
