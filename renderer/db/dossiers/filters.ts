import type { DossierKind, DossierStatus } from '../../../shared/domain/dossier';
import type { SortKey } from './catalog';

/** What the list is showing: filters, search text and order. */
export interface DossierQuery {
  text?: string;
  statuses?: DossierStatus[];
  kinds?: DossierKind[];
  /** A subject under supervision (执法主体). */
  subjectId?: string;
  /** An organ, as owner or as supervised organ. */
  organId?: string;
  overdue?: boolean;
  origin?: 'own' | 'received';
  registeredFrom?: string;
  registeredTo?: string;
  /** Dossiers with a finding of this first-level category (shared/taxonomy). */
  category?: string;
  /** Dossiers counted under this organ or an organ below it (the dashboard's organ comparison). */
  unitId?: string;
  sort?: SortKey;
  direction?: 'asc' | 'desc';
}

/** A filter the clerk saved under a name, shown above the list. */
export interface SavedFilter {
  id: string;
  name: string;
  query: DossierQuery;
  createdAt: string;
}

/** A query without its empty parts, for comparing and saving. */
export function normalizeQuery(query: DossierQuery): DossierQuery {
  const out: DossierQuery = {};
  if (query.text?.trim()) out.text = query.text.trim();
  if (query.statuses?.length) out.statuses = [...query.statuses];
  if (query.kinds?.length) out.kinds = [...query.kinds];
  if (query.subjectId) out.subjectId = query.subjectId;
  if (query.organId) out.organId = query.organId;
  if (query.overdue) out.overdue = true;
  if (query.origin) out.origin = query.origin;
  if (query.registeredFrom) out.registeredFrom = query.registeredFrom;
  if (query.registeredTo) out.registeredTo = query.registeredTo;
  if (query.category) out.category = query.category;
  if (query.unitId) out.unitId = query.unitId;
  if (query.sort && query.sort !== 'updated') out.sort = query.sort;
  if (query.direction && query.direction !== defaultDirection(query.sort ?? 'updated')) out.direction = query.direction;
  return out;
}

export function defaultDirection(sort: SortKey): 'asc' | 'desc' {
  return sort === 'due' ? 'asc' : 'desc';
}
