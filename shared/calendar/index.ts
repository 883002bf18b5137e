export * from './dates';
export * from './holidays';
export * from './import';
export * from './working-days';
