import type { Messages } from '../types';
import type { wizard as zh } from '../zh-CN/wizard';

export const wizard: Messages<typeof zh> = {
  title: 'Welcome to Supervision Desk',
  subtitle:
    'Before you start, tell us about your office. It is used in document numbers, to sign packages and when reporting to your superior organ.',
  steps: { organ: 'Office', division: 'Division and superior', confirm: 'Confirm', keys: 'Exchange keys' },
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
  submit: 'Save and continue',
  keys: {
    intro:
      'Last step: create your office’s signing and encryption keys. Every package and receipt exchanged with your superior and subordinate organs is signed and encrypted with them; the private keys never leave this computer.',
    later:
      'An office that only keeps its own dossiers may skip this and set the keys up later under Packages → Keys and trust.',
    generate: 'Create keys and start',
    skip: 'Skip for now and start',
  },
  saved: 'Office identity saved',
};
