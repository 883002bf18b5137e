export * from './dossiers';
export * from './prng';
export * from './registry';
export * from './work';
