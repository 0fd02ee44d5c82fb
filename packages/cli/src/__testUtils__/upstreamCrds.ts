// The CRD checker of the node library's tests, reused so that what the CLI prints is checked
// against the same upstream CRDs (../shared/fixtures/crds) as what the backend applies.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
export {
  CrdSchemas,
  crdFixturesMissing,
} from '../../../../plugins/cocktail-node/src/__testUtils__/validateWithCrdSchemas';
