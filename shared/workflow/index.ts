export * from './deadlines';
export * from './events';
export * from './machine';
export * from './settings';
