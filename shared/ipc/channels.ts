/**
 * The names of every IPC channel and main→renderer event, with no schema attached.
 * The preload imports only this file so that it stays tiny and free of zod;
 * `contract.ts` attaches the schemas and fails to compile if the two lists drift.
 */
export const CHANNELS = [
  'app.info',
  'settings.get',
  'settings.setLocale',
  'office.get',
  'office.save',
  'ops.cancel',
  'storage.status',
  'documents.types',
  'documents.setPrefix',
  'documents.createDraft',
  'documents.saveDraft',
  'documents.deleteDraft',
  'documents.preview',
  'documents.issue',
  'documents.list',
  'documents.get',
  'documents.void',
  'documents.correct',
  'documents.saveAs',
  'documents.open',
  'documents.batch',
  'registry.readTable',
  'registry.exportXlsx',
  'evidence.addFromDialog',
  'evidence.addDropped',
  'evidence.uploadBegin',
  'evidence.uploadChunk',
  'evidence.uploadFinish',
  'evidence.uploadAbort',
  'keys.status',
  'keys.setUp',
  'keys.unlock',
  'keys.rotate',
  'keys.changeProtection',
  'keys.ownCertificate',
  'keys.exportCertificate',
  'keys.writeBackup',
  'keys.restoreBackup',
  'trust.previewCertificate',
  'trust.confirmCertificate',
  'trust.list',
  'trust.revoke',
  'packages.export',
  'packages.pickImport',
  'packages.import',
  'packages.commitImport',
  'packages.discardImport',
  'packages.writeReceipt',
  'packages.importReceipt',
  'packages.exports',
  'packages.received',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const EVENTS = ['op.progress', 'menu.command', 'settings.changed'] as const;
export type EventName = (typeof EVENTS)[number];

/**
 * Channels only the preload itself calls; they are never exposed to the page.
 * `grantDroppedFile` hands a dropped File's path to the main process for a token.
 */
export const PRELOAD_CHANNELS = { grantDroppedFile: 'files.grantDropped' } as const;

/** The Electron IPC channel an event travels on. */
export const eventChannel = (name: EventName): string => `event:${name}`;
