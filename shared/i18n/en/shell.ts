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
  placeholder: {
    dashboard:
      'Statistics of supervision work will appear here: matters by kind, status and month, findings by category, on-time rectification, overdue work and a comparison of subordinate organs.',
    dossiers:
      'All supervision dossiers of this office and those received from subordinate organs will be listed here, filterable by kind, status, organ, subject and overdue, with Chinese full-text search.',
    clues:
      'Problem clues from every source will be registered and assessed here: the 12345 hotline, enterprise appeals, letters and visits, reports and referrals.',
    reviews:
      'Case-file reviews will be run here: choose a rubric, score item by item, and get totals and grades computed.',
    documents:
      'Supervision notices, opinions, decisions and other documents will be drafted, previewed and issued here, as DOCX and PDF in GB/T 9704 layout.',
    packages:
      'Signed, encrypted dossier packages will be exported to the superior organ here, and packages from subordinate organs imported, verified and receipted.',
    registries:
      'Registries of organs, enforcement subjects, enforcement officers and supervisors will be kept here, with import from and export to Excel.',
  },
  comingSoon: 'Coming soon',
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
