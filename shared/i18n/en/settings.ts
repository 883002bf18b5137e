import type { Messages } from '../types';
import type { settings as zh } from '../zh-CN/settings';

export const settings: Messages<typeof zh> = {
  title: 'Settings',
  office: {
    title: 'Office identity',
    description: 'Documents and packages created after a change use the new details.',
  },
  language: {
    title: 'Language',
    description: 'The interface, menus and messages switch to the chosen language at once.',
  },
  about: { title: 'About this software' },
};
