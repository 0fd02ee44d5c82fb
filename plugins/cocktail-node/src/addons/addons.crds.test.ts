import {
  CrdSchemas,
  crdFixturesMissing,
} from '../__testUtils__/validateWithCrdSchemas';
import { BUILT_IN_ADDONS } from './builtInAddons';
import { renderAddonChartProxy } from './renderAddon';

const missing = crdFixturesMissing();
if (missing) {
  // eslint-disable-next-line no-console
  console.warn(missing);
}
const describeWithFixtures = missing ? describe.skip : describe;

describeWithFixtures(
  'add-on HelmChartProxies against the upstream CAAPH CRD',
  () => {
    let schemas: CrdSchemas;

    beforeAll(() => {
      schemas = CrdSchemas.load();
    });

    it.each(BUILT_IN_ADDONS.map(addon => [addon.name, addon] as const))(
      'renders %s as a HelmChartProxy the CRD accepts',
      (_name, addon) => {
        const manifest = renderAddonChartProxy(addon, {
          name: 'demo',
          namespace: 'default',
        });
        expect(schemas.has(manifest.apiVersion, manifest.kind)).toBe(true);
        expect(schemas.manifestProblems(manifest)).toEqual([]);
      },
    );

    it('finds a HelmChartProxy without its required chartName invalid, so the check can fail', () => {
      const manifest = renderAddonChartProxy(BUILT_IN_ADDONS[0], {
        name: 'demo',
        namespace: 'default',
      });
      delete (manifest.spec as any).chartName;
      expect(schemas.manifestProblems(manifest).join('\n')).toContain(
        'chartName',
      );
    });
  },
);
