import {
  formatImageReference,
  parseImageReference,
  firstImageReference,
} from './imageReference';

const DIGEST =
  'sha256:7bd0c945d7e4cc2ce5c21d449ba07eb89c8e6c28085edbcf6f5fa4bf90e7eedc';

describe('parseImageReference', () => {
  it('reads registry, repository, tag and digest', () => {
    expect(
      parseImageReference(`harbor.example.com/payments/api:1.4.2@${DIGEST}`),
    ).toEqual({
      registry: 'harbor.example.com',
      repository: 'payments/api',
      tag: '1.4.2',
      digest: DIGEST,
    });
  });

  it('gives Docker Hub short names docker.io and library/', () => {
    expect(parseImageReference('nginx')).toEqual({
      registry: 'docker.io',
      repository: 'library/nginx',
    });
    expect(parseImageReference('bitnami/redis:7.2')).toEqual({
      registry: 'docker.io',
      repository: 'bitnami/redis',
      tag: '7.2',
    });
    expect(parseImageReference('index.docker.io/alpine:3.10').repository).toBe(
      'library/alpine',
    );
  });

  it('reads a registry with a port and localhost', () => {
    expect(parseImageReference('localhost:5000/api:dev')).toEqual({
      registry: 'localhost:5000',
      repository: 'api',
      tag: 'dev',
    });
    expect(parseImageReference('registry:5000/team/api')).toEqual({
      registry: 'registry:5000',
      repository: 'team/api',
    });
  });

  it('rejects uppercase repositories and malformed digests with InputError', () => {
    expect(() => parseImageReference('Payments/API')).toThrow(
      /invalid image reference "Payments\/API"/,
    );
    expect(() => parseImageReference('nginx@sha256:abc')).toThrow(
      expect.objectContaining({ name: 'InputError' }),
    );
  });

  it('formats a reference back', () => {
    expect(
      formatImageReference(parseImageReference(`alpine:3.10@${DIGEST}`)),
    ).toBe(`docker.io/library/alpine:3.10@${DIGEST}`);
  });

  it('skips local archives when choosing among candidates', () => {
    expect(
      firstImageReference([
        'testdata/fixtures/images/alpine-310.tar.gz',
        'ghcr.io/aquasecurity/trivy-test-images:alpine-310',
      ]),
    ).toEqual({
      registry: 'ghcr.io',
      repository: 'aquasecurity/trivy-test-images',
      tag: 'alpine-310',
    });
  });
});
