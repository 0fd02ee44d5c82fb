import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import FormControl from '@material-ui/core/FormControl';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { ServiceMapEntityV1alpha1 } from '@cocktailcloud/plugin-cocktail-common';
import useAsync from 'react-use/esm/useAsync';

/**
 * `ui:field: CocktailServiceMapPicker`: a ServiceMap from the catalog, shown with its Service,
 * environment, cluster and namespace, as its entity ref (`servicemap:default/payments-dev`).
 */
export function ServiceMapPickerField(
  props: FieldExtensionComponentProps<string>,
) {
  const { onChange, formData, required, rawErrors, schema, idSchema } = props;
  const catalogApi = useApi(catalogApiRef);
  const serviceMaps = useAsync(
    async () =>
      (
        await catalogApi.getEntities({
          filter: { kind: 'ServiceMap' },
          fields: [
            'kind',
            'metadata.name',
            'metadata.namespace',
            'metadata.title',
            'spec',
          ],
        })
      ).items as ServiceMapEntityV1alpha1[],
    [catalogApi],
  );
  return (
    <FormControl fullWidth margin="normal" required={required}>
      <TextField
        id={idSchema?.$id ?? 'cocktail-servicemap-picker'}
        select
        required={required}
        label={schema.title ?? 'ServiceMap'}
        value={formData ?? ''}
        onChange={event => onChange(event.target.value)}
        error={Boolean(rawErrors?.length) || Boolean(serviceMaps.error)}
        helperText={
          serviceMaps.error
            ? `The catalog could not be read: ${serviceMaps.error.message}`
            : schema.description ??
              'Where the server runs: one environment of a Service'
        }
        variant="outlined"
        disabled={serviceMaps.loading}
        SelectProps={{
          inputProps: { 'aria-label': schema.title ?? 'ServiceMap' },
        }}
      >
        {(serviceMaps.value ?? []).map(map => (
          <MenuItem
            key={stringifyEntityRef(map)}
            value={stringifyEntityRef(map)}
          >
            {map.metadata.title ?? map.metadata.name} — {map.spec.environment},
            namespace {map.spec.namespace} on{' '}
            {map.spec.cluster.replace(/^resource:(default\/)?/, '')}
          </MenuItem>
        ))}
      </TextField>
    </FormControl>
  );
}
