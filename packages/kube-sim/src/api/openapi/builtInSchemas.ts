/** Every hand-written schema of the built-in kinds and the types they refer to, by definition name. */
import { accessDefinitions } from './schemas/accessSchemas';
import { batchDefinitions } from './schemas/batchSchemas';
import { containerDefinitions } from './schemas/containerSchemas';
import { coreDefinitions } from './schemas/coreSchemas';
import { extensionDefinitions } from './schemas/extensionSchemas';
import { metaDefinitions } from './schemas/metaSchemas';
import { networkingDefinitions } from './schemas/networkingSchemas';
import { podDefinitions } from './schemas/podSchemas';
import { scalingDefinitions } from './schemas/scalingSchemas';
import { schedulingDefinitions } from './schemas/schedulingSchemas';
import { securityDefinitions } from './schemas/securitySchemas';
import { storageDefinitions } from './schemas/storageSchemas';
import { volumeDefinitions } from './schemas/volumeSchemas';
import { workloadDefinitions } from './schemas/workloadSchemas';
import { OpenApiSchema } from './schemaDsl';

export const builtInDefinitions: Readonly<Record<string, OpenApiSchema>> = {
  ...metaDefinitions,
  ...containerDefinitions,
  ...podDefinitions,
  ...schedulingDefinitions,
  ...securityDefinitions,
  ...volumeDefinitions,
  ...storageDefinitions,
  ...coreDefinitions,
  ...workloadDefinitions,
  ...batchDefinitions,
  ...scalingDefinitions,
  ...networkingDefinitions,
  ...accessDefinitions,
  ...extensionDefinitions,
};
