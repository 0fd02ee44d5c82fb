import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import {
  ImageScanSummary,
  ScanFindingView,
  ServerImageScans,
} from '@cocktailcloud/plugin-cocktail-common';
import {
  COCKTAIL_URL,
  createBackendServer,
  renderCocktail,
} from '../../__testUtils__/renderCocktail';
import { serverEntity, serviceMapEntity } from '../../__testUtils__/fixtures';
import { EntityImageScansContent } from './EntityImageScansContent';

const server = createBackendServer();
registerMswTestHooks(server);

const zero = { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0 };

const scan: ImageScanSummary = {
  id: '41',
  imageKey: 'sha256:aaaa',
  image: {
    registry: 'harbor.example.com',
    repository: 'payments/api',
    tag: '1.5.0',
    digest: 'sha256:aaaa',
  },
  format: 'trivy',
  scanner: { name: 'Trivy', version: '0.58.1' },
  scannedAt: new Date(Date.now() - 3 * 3600_000).toISOString(),
  source: 'upload',
  counts: { ...zero, CRITICAL: 1, HIGH: 2, MEDIUM: 4 },
  fixable: { ...zero, CRITICAL: 1, HIGH: 1 },
  change: {
    newFindings: 2,
    fixedFindings: 5,
    previousScannedAt: '2026-11-20T00:00:00Z',
  },
};

const answer: ServerImageScans = {
  entityRef: 'cocktailserver:default/payments-worker',
  images: [
    {
      container: 'worker',
      image: 'harbor.example.com/payments/api:1.5.0',
      digest: 'sha256:aaaa',
      pods: 2,
      scan,
    },
    { container: 'sidecar', image: 'envoyproxy/envoy:v1.31.0', pods: 2 },
  ],
  counts: scan.counts,
  fixable: scan.fixable,
  unscanned: 1,
};

const findings: ScanFindingView[] = [
  {
    id: 'CVE-2024-3094',
    packageName: 'xz-utils',
    installedVersion: '5.6.0-0.2',
    fixedVersion: '5.6.1+really5.4.5-1',
    severity: 'CRITICAL',
    cvssScore: 10,
    title: 'xz: malicious code in distributed source',
    primaryUrl: 'https://avd.aquasec.com/nvd/cve-2024-3094',
    isNew: true,
  },
  {
    id: 'CVE-2023-4911',
    packageName: 'libc6',
    installedVersion: '2.36-9',
    severity: 'HIGH',
    isNew: false,
  },
];

function givenScans(findingsSeen: URLSearchParams[] = []) {
  server.use(
    http.get(
      `${COCKTAIL_URL}/servers/default/payments-worker/image-scans`,
      () => HttpResponse.json(answer),
    ),
    http.get(`${COCKTAIL_URL}/image-scans/41/findings`, ({ request }) => {
      const params = new URL(request.url).searchParams;
      findingsSeen.push(params);
      const severity = params.get('severity');
      const items = findings.filter(f => !severity || f.severity === severity);
      return HttpResponse.json({ items, total: items.length });
    }),
  );
  return findingsSeen;
}

describe('EntityImageScansContent', () => {
  it('sums the findings of the running images and warns about the unscanned one', async () => {
    givenScans();
    await renderCocktail(<EntityImageScansContent />, { entity: serverEntity });
    expect(await screen.findByText('1 critical')).toBeInTheDocument();
    expect(
      screen.getByText('7 findings, 2 with a fixed version available.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/envoyproxy\/envoy:v1.31.0 runs without any scan\./),
    ).toBeInTheDocument();
    expect(screen.getByText('+2 new, −5 fixed')).toBeInTheDocument();
    expect(
      screen.getByText(/^3h ago by Trivy 0.58.1 \(upload\)$/),
    ).toBeInTheDocument();
  });

  it("lists the first scanned image's findings with links to the advisories", async () => {
    givenScans();
    await renderCocktail(<EntityImageScansContent />, { entity: serverEntity });
    const link = await screen.findByRole('link', { name: /CVE-2024-3094/ });
    expect(link).toHaveAttribute(
      'href',
      'https://avd.aquasec.com/nvd/cve-2024-3094',
    );
    expect(
      screen.getByText('[new] xz: malicious code in distributed source'),
    ).toBeInTheDocument();
    expect(screen.getByText('no fix yet')).toBeInTheDocument();
  });

  it('filters by severity, fixability, package and advisory ID on the backend', async () => {
    const seen = givenScans();
    await renderCocktail(<EntityImageScansContent />, { entity: serverEntity });
    await screen.findByRole('link', { name: /CVE-2024-3094/ });
    await userEvent.click(screen.getByLabelText('Severity'));
    await userEvent.click(
      within(screen.getByRole('listbox')).getByText('high'),
    );
    await waitFor(() =>
      expect(
        screen.queryByRole('link', { name: /CVE-2024-3094/ }),
      ).not.toBeInTheDocument(),
    );
    await userEvent.click(screen.getByLabelText('Only with a fix'));
    await userEvent.type(screen.getByLabelText('Package'), 'libc');
    await userEvent.type(screen.getByLabelText('Advisory ID'), 'CVE-2023');
    await waitFor(() => {
      const last = seen[seen.length - 1];
      expect(Object.fromEntries(last)).toEqual({
        severity: 'HIGH',
        fixable: 'true',
        package: 'libc',
        q: 'CVE-2023',
        limit: '100',
      });
    });
  });

  it("pages through a scan's findings with the backend's cursor", async () => {
    const many = Array.from({ length: 150 }, (_, i) => ({
      ...findings[0],
      id: `CVE-2024-${1000 + i}`,
      isNew: false,
    }));
    const seen: URLSearchParams[] = [];
    givenScans();
    server.use(
      http.get(`${COCKTAIL_URL}/image-scans/41/findings`, ({ request }) => {
        const params = new URL(request.url).searchParams;
        seen.push(params);
        const offset = params.get('cursor') === 'page-2' ? 100 : 0;
        expect(params.get('limit')).toBe('100');
        // A few rows a page keep the table quick to render; the counts are the backend's.
        return HttpResponse.json({
          items: many.slice(offset, offset + 3),
          total: many.length,
          ...(offset === 0 && { nextCursor: 'page-2' }),
        });
      }),
    );
    await renderCocktail(<EntityImageScansContent />, { entity: serverEntity });
    await screen.findByRole('link', { name: /^CVE-2024-1000/ });
    expect(await screen.findByText('1–3 of 150')).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: /^CVE-2024-1100/ }),
    ).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('link', { name: /^CVE-2024-1102/ });
    expect(await screen.findByText('101–103 of 150')).toBeInTheDocument();
    expect(seen[seen.length - 1].get('cursor')).toBe('page-2');
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: 'Previous' }));
    await screen.findByRole('link', { name: /^CVE-2024-1000/ });
  });

  it('rolls up a ServiceMap by server', async () => {
    server.use(
      http.get(
        `${COCKTAIL_URL}/servicemaps/default/payments-prod/image-scans`,
        () =>
          HttpResponse.json({
            entityRef: 'servicemap:default/payments-prod',
            servers: [answer],
            counts: answer.counts,
            fixable: answer.fixable,
            unscanned: 1,
          }),
      ),
      http.get(`${COCKTAIL_URL}/image-scans/41/findings`, () =>
        HttpResponse.json({ items: [], total: 0 }),
      ),
    );
    await renderCocktail(<EntityImageScansContent />, {
      entity: serviceMapEntity,
    });
    expect(
      await screen.findByText(
        'Latest scan of each image the pods of its 1 server(s) run',
      ),
    ).toBeInTheDocument();
    expect(screen.getAllByText('payments-worker')).toHaveLength(2);
    expect(
      await screen.findByText('No findings match these filters.'),
    ).toBeInTheDocument();
  });

  it('says what to do when the scans cannot be read', async () => {
    server.use(
      http.get(
        `${COCKTAIL_URL}/servers/default/payments-worker/image-scans`,
        () =>
          HttpResponse.json(
            {
              error: {
                name: 'NotAllowedError',
                message:
                  'you are not allowed to cocktail.server.read on cocktailserver:default/payments-worker',
              },
              response: { statusCode: 403 },
            },
            { status: 403 },
          ),
      ),
    );
    await renderCocktail(<EntityImageScansContent />, { entity: serverEntity });
    expect(
      await screen.findByText(/Image scans: You do not have permission/),
    ).toBeInTheDocument();
  });
});
