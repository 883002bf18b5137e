import type { Messages } from '../types';
import type { wizard as zh } from '../zh-CN/wizard';

export const wizard: Messages<typeof zh> = {
  title: 'Welcome to Supervision Desk',
  subtitle:
    'Before you start, tell us about your office. It is used in document numbers, to sign packages and when reporting to your superior organ.',
  steps: { organ: 'Office', division: 'Division and superior', confirm: 'Confirm' },
  fields: {
    name: 'Organ name',
    namePlaceholder: 'e.g. Judicial Bureau of X County',
    shortName: 'Short name',
    shortNameHelp: 'Used at the start of document numbers, before the document type, the year and the serial number.',
    level: 'Level',
    kind: 'Kind of organ',
    field: 'Enforcement field',
    divisionCode: 'Administrative division code',
    divisionCodeHelp: 'Six digits. A township office enters the code of its county.',
    superiorName: 'Superior organ',
    superiorNamePlaceholder: 'e.g. Judicial Bureau of Y City',
    superiorCode: 'Superior organ’s division code',
  },
  confirmIntro: 'Please check these details. You can change them later in Settings.',
  submit: 'Save and start',
  saved: 'Office identity saved',
};
