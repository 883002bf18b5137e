import type { Messages } from '../types';
import type { evidence as zh } from '../zh-CN/evidence';

export const evidence: Messages<typeof zh> = {
  title: 'Evidence',
  add: 'Add files',
  dropHint:
    'Drop files here, or click “Add files”. Each file is copied into this computer’s evidence store and its SHA-256 recorded.',
  dropNow: 'Release to add',
  empty: 'No evidence yet',
  showRemoved: 'Show removed evidence',
  columns: {
    fileName: 'File name',
    type: 'Type',
    size: 'Size',
    sha256: 'SHA-256',
    added: 'Added',
    actions: 'Actions',
  },
  addedLine: '{{at}} · {{by}}',
  preview: 'Preview',
  remove: 'Remove',
  removeTitle: 'Remove evidence “{{name}}”',
  removeReason: 'Reason for removal',
  removeHelp:
    'Evidence is never deleted: the file stays in the evidence store, and who removed it, when and why is recorded in the dossier for good.',
  removedNote: 'Removed {{at}} by {{by}}: {{reason}}',
  removedTag: 'Removed',
  duplicate:
    '“{{name}}” has the same content (same SHA-256) as “{{existing}}”, already in this dossier; it was not added again.',
  added: 'Files added: {{count}}',
  progress: { copying: 'Copying and hashing', done: '{{done}} / {{total}}' },
  cancel: 'Cancel',
  noPreview: 'Files of this type cannot be previewed here.',
  tooLargeToPreview: 'The file is large ({{size}}) and is not previewed here.',
  previewFailed: 'The file cannot be shown; it may be damaged.',
  pdfPage: 'Page {{page}} of {{pages}}',
  prevPage: 'Previous page',
  nextPage: 'Next page',
  copyHash: 'Copy hash',
  hashCopied: 'Copied',
  dialogTitle: 'Choose evidence files',
  filters: { common: 'Common evidence files', all: 'All files' },
};
