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
    NOT_CONFIGURED: 'Please set up your office identity first.',
    INTERNAL: 'Something unexpected went wrong. Details were written to the log file.',
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
  },
};
