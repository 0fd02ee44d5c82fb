import { useApi } from '@backstage/core-plugin-api';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import FormControl from '@material-ui/core/FormControl';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import useAsync from 'react-use/esm/useAsync';
import { cocktailApiRef } from '../../api';
import { describeApiError } from '../../api/describeApiError';

/** The entity ref a ServiceMap names its cluster by. */
export function clusterRefOf(cluster: { name: string; entityRef?: string }) {
  return cluster.entityRef ?? `resource:default/${cluster.name}`;
}

/**
 * `ui:field: CocktailClusterPicker`: one of the clusters the `cocktail` backend has registered,
 * with its health, as the cluster's entity ref (`resource:default/prod`).
 */
export function ClusterPickerField(
  props: FieldExtensionComponentProps<string>,
) {
  const { onChange, formData, required, rawErrors, schema, idSchema } = props;
  const api = useApi(cocktailApiRef);
  const clusters = useAsync(() => api.listClusters(), [api]);
  const error = clusters.error ? describeApiError(clusters.error) : undefined;
  return (
    <FormControl fullWidth margin="normal" required={required}>
      <TextField
        id={idSchema?.$id ?? 'cocktail-cluster-picker'}
        select
        required={required}
        label={schema.title ?? 'Cluster'}
        value={formData ?? ''}
        onChange={event => onChange(event.target.value)}
        error={Boolean(rawErrors?.length) || Boolean(error)}
        helperText={
          error
            ? `${error.title}: ${error.message}`
            : schema.description ?? 'A cluster registered with Cocktail'
        }
        variant="outlined"
        disabled={clusters.loading}
        SelectProps={{
          inputProps: { 'aria-label': schema.title ?? 'Cluster' },
        }}
      >
        {(clusters.value?.items ?? []).map(cluster => (
          <MenuItem key={cluster.name} value={clusterRefOf(cluster)}>
            {cluster.title ?? cluster.name}
            {cluster.provider ? ` — ${cluster.provider}` : ''}
            {cluster.region ? `, ${cluster.region}` : ''}
            {cluster.cache.stale ? ' (not answering)' : ''}
          </MenuItem>
        ))}
      </TextField>
    </FormControl>
  );
}
