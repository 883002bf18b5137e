import type { Messages } from '../types';
import type { errors as zh } from '../zh-CN/errors';

export const errors: Messages<typeof zh> = {
  codes: {
    VALIDATION_FAILED: 'Some entries are not valid. Please check the marked fields.',
    UNKNOWN_CHANNEL: 'The app called a function that does not exist. Please update the software.',
    FORBIDDEN_SENDER: 'A call from an untrusted source was refused.',
    NOT_FOUND: 'The record or file could not be found.',
    CONFLICT: 'This conflicts with existing data. Please refresh and try again.',
    CANCELLED: 'The operation was cancelled.',
    IO_ERROR: 'A file could not be read or written ({{detail}}). Please check the file and the disk.',
    DISK_FULL: 'The disk is full. Nothing was changed.',
    INSUFFICIENT_SPACE:
      'Not enough disk space: {{needed}} needed, {{free}} free. Nothing was started; please free some space and try again.',
    NOT_CONFIGURED: 'Please set up your office identity first.',
    INTERNAL: 'Something unexpected went wrong. Details were written to the log file.',
    DOCUMENT_ISSUED: 'This document was issued ({{number}}) and cannot be changed. Create a correction instead.',
    DOCUMENT_NOT_ISSUED: 'This document has not been issued yet.',
    DOCUMENT_VOIDED: 'Number {{number}} is voided.',
    DOCUMENT_SUPERSEDED: '{{number}} was corrected by {{by}}; work on the latest version.',
    DOCUMENT_INTEGRITY:
      'The stored files of {{number}} do not match their hashes from issuance and may have been altered. Stopped.',
    DOCUMENT_RENDER_FAILED:
      'The PDF could not be produced. The document was not issued and no number was used. Please try again.',
    TABLE_TOO_LARGE: 'The file is larger than {{limitMb}} MB. Please split it and import the parts.',
    TABLE_TOO_MANY_ROWS: 'The file has more than {{limit}} rows. Please split it and import the parts.',
    TABLE_FORMAT_UNSUPPORTED:
      'This file format ({{format}}) is not supported. Please save it as .xlsx or CSV in Excel and import again.',
    TABLE_UNREADABLE:
      'The workbook cannot be read; it may be damaged. Please open it in Excel, save it as .xlsx and try again.',
    EVIDENCE_NOT_A_FILE: 'Only files can be added: not folders, and not the app’s own data files.',
    EVIDENCE_SOURCE_CHANGED:
      'The file changed while it was being copied and was not added. Try again once it is no longer being modified.',
  },
  fields: {
    required: 'This field is required',
    tooShort: 'Too short',
    tooLong: 'Too long',
    invalid: 'Invalid format',
    divisionCode: {
      format: 'A division code has 6 digits',
      province: 'The first two digits are not a valid province code',
      level:
        'The code does not match the level (province codes end in 0000, city codes in 00, county and township codes do not end in 00)',
    },
    field: { required: 'Choose the enforcement field of the industry department' },
    creditCode: { invalid: 'The unified social credit code has a wrong format or check character' },
    superior: { required: 'Enter the superior organ' },
    date: { invalid: 'Not a valid date' },
    dossier: {
      classified:
        'Classified matter must not be registered or handled in this software; use a classified information system.',
      classifiedMarking: 'The text carries a classification marking; classified information must not be entered here.',
      subjectRequired: 'Choose at least one supervised subject or organ',
      deadlineBeforeRegistration: 'The handling deadline cannot be before the registration date',
    },
    finding: {
      category: 'Choose a category and a problem',
      requirementRequired: 'Enter the rectification requirement for a finding that needs rectification',
    },
    calendar: { otherYear: 'The date is not in this year', duplicate: 'The date appears twice' },
    clue: {
      reporterMissing: 'Give at least one way to reach the reporter, or mark the report anonymous',
      enterpriseName: 'Give the enterprise name with its credit code',
    },
    campaign: {
      category: 'Choose the problem category this item checks',
      subjects: 'Choose at least one enforcement subject to cover',
      checklist: 'List at least one checklist item',
      period: 'The end date cannot be before the start date',
    },
    coordination: {
      parties: 'A dispute involves at least two parties',
      duplicateParty: 'Each party only once',
      opinionRequired: 'Enter the coordination opinion',
      decidedOnRequired: 'Enter the date of the outcome',
      competentRequired: 'Enter the organ found competent',
      decidedBeforeOpinion: 'The outcome cannot be dated before the opinion',
    },
    inspection: {
      subjectRequired: 'Choose the enforcement subject that inspected',
    },
  },
};
