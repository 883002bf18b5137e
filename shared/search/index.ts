export * from './highlight';
export * from './postings';
export * from './tokenize';
