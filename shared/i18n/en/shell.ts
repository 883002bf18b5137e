import type { Messages } from '../types';
import type { shell as zh } from '../zh-CN/shell';

export const shell: Messages<typeof zh> = {
  nav: {
    dashboard: 'Dashboard',
    dossiers: 'Dossiers',
    clues: 'Clues',
    campaigns: 'Campaigns',
    enterprise: 'Enterprise inspections',
    followup: 'Follow-up',
    reviews: 'Case-file reviews',
    documents: 'Documents',
    packages: 'Packages',
    registries: 'Registries',
    settings: 'Settings',
  },
  officeMissing: 'Office identity not set',
  skipToContent: 'Skip to main content',
  about: {
    title: 'About',
    body: 'Supervision Desk: supervision dossiers, workflow, documents and data exchange, kept offline on this computer.',
    version: 'Version {{version}}',
  },
  status: {
    offline: 'Working offline',
    office: 'Office: {{name}}',
    diskFree: '{{free}} free on disk',
    diskLow: 'Disk nearly full: only {{free}} left',
    dataUsage: 'Local database uses {{used}}',
    persisted: 'Storage is persistent and will not be cleared automatically.',
    notPersisted: 'Storage is not persistent: it may be cleared when the disk runs low. Back up regularly.',
  },
};
