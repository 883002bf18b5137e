import {
  DOSSIER_KINDS,
  DOSSIER_STATUSES,
  type DossierKind,
  type DossierStatus,
} from '../../../../shared/domain/dossier';
import type { SortKey } from '../../../db/dossiers/catalog';
import { type DossierQuery, normalizeQuery } from '../../../db/dossiers/filters';

/** The list's query lives in the URL, so back/forward, links and saved filters all work. */
export function queryFromParams(params: URLSearchParams): DossierQuery {
  const list = <T extends string>(key: string, allowed: readonly T[]) =>
    (params.get(key) ?? '').split(',').filter((v): v is T => (allowed as readonly string[]).includes(v));
  const sort = params.get('sort');
  const dir = params.get('dir');
  const origin = params.get('origin');
  const date = (key: string) => {
    const v = params.get(key);
    return v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined;
  };
  return normalizeQuery({
    text: params.get('q') ?? undefined,
    statuses: list<DossierStatus>('status', DOSSIER_STATUSES),
    kinds: list<DossierKind>('kind', DOSSIER_KINDS),
    subjectId: params.get('subject') ?? undefined,
    organId: params.get('organ') ?? undefined,
    overdue: params.get('overdue') === '1',
    origin: origin === 'own' || origin === 'received' ? origin : undefined,
    registeredFrom: date('from'),
    registeredTo: date('to'),
    category: params.get('category') ?? undefined,
    unitId: params.get('unit') ?? undefined,
    sort: sort === 'registered' || sort === 'due' ? (sort as SortKey) : undefined,
    direction: dir === 'asc' || dir === 'desc' ? dir : undefined,
  });
}

export function paramsFromQuery(query: DossierQuery): URLSearchParams {
  const q = normalizeQuery(query);
  const params = new URLSearchParams();
  if (q.text) params.set('q', q.text);
  if (q.statuses) params.set('status', q.statuses.join(','));
  if (q.kinds) params.set('kind', q.kinds.join(','));
  if (q.subjectId) params.set('subject', q.subjectId);
  if (q.organId) params.set('organ', q.organId);
  if (q.overdue) params.set('overdue', '1');
  if (q.origin) params.set('origin', q.origin);
  if (q.registeredFrom) params.set('from', q.registeredFrom);
  if (q.registeredTo) params.set('to', q.registeredTo);
  if (q.category) params.set('category', q.category);
  if (q.unitId) params.set('unit', q.unitId);
  if (q.sort) params.set('sort', q.sort);
  if (q.direction) params.set('dir', q.direction);
  return params;
}
