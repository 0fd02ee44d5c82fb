import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { ClusterPickerField } from './ClusterPickerField';
import { ServiceMapPickerField } from './ServiceMapPickerField';

/** The scaffolder fields in the new frontend system. */
export const clusterPickerFormField = createFormField({
  name: 'CocktailClusterPicker',
  component: ClusterPickerField,
});

export const serviceMapPickerFormField = createFormField({
  name: 'CocktailServiceMapPicker',
  component: ServiceMapPickerField,
});
