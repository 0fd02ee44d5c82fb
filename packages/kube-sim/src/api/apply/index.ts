/** Server-side apply and field ownership (metadata.managedFields) in the FieldsV1 format. */
export type { ApplyConflict } from './applyConflicts';
export { fieldSetOf } from './objectFields';
export { recordUpdate, type RecordUpdateOptions } from './recordUpdate';
export {
  serverSideApply,
  type ServerSideApplyOptions,
  type ServerSideApplyResult,
} from './serverSideApply';
