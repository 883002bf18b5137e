import type { DossierStatus, RectificationStatus } from '../../../../shared/domain/dossier';

/** Tag colours: blue while the office works, orange while the organ owes, green when done. */
export const STATUS_COLORS: Record<DossierStatus, string> = {
  registered: 'default',
  not_opened: 'default',
  opened: 'blue',
  investigating: 'processing',
  drafting: 'cyan',
  approved: 'geekblue',
  served: 'purple',
  rectifying: 'orange',
  verifying: 'gold',
  referred: 'magenta',
  review_requested: 'volcano',
  closed: 'green',
  archived: 'default',
};

export const RECTIFICATION_COLORS: Record<RectificationStatus, string> = {
  required: 'orange',
  report_received: 'blue',
  verified: 'green',
  rejected: 'red',
  not_required: 'default',
};

export const SEVERITY_COLORS = { minor: 'default', moderate: 'orange', serious: 'red' } as const;

/** "2026-11-27T01:02:03Z" as the clerk's local "2026-11-27 09:02". */
export function formatInstant(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
