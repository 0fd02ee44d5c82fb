export * from './permissions';
export * from './roles';
export * from './serviceScope';
export type * from './access';
