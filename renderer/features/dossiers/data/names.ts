import { useEffect, useMemo, useState } from 'react';
import { OFFICE_ORGAN_ID } from '../../../../shared/demo/registry';
import type { DeskDatabase } from '../../../db/database';

export interface NamedOption {
  value: string;
  label: string;
}

const cache = {
  subjects: new Map<string, string>(),
  organs: new Map<string, string>(),
  supervisors: new Map<string, string>(),
};
type Kind = keyof typeof cache;

async function fill(db: DeskDatabase, kind: Kind, ids: readonly string[]): Promise<boolean> {
  const missing = [...new Set(ids)].filter((id) => !cache[kind].has(id) && id !== OFFICE_ORGAN_ID);
  if (missing.length === 0) return false;
  const table = kind === 'subjects' ? db.subjects : kind === 'organs' ? db.organs : db.supervisors;
  const rows = await table.bulkGet(missing);
  missing.forEach((id, i) => {
    cache[kind].set(id, rows[i]?.name ?? id);
  });
  return true;
}

/** Registry names for the ids a screen shows, fetched once and remembered. */
export function useNames(
  db: DeskDatabase,
  ids: { subjects?: readonly string[]; organs?: readonly string[]; supervisors?: readonly string[] },
  officeName: string,
): { subject(id: string): string; organ(id: string): string; supervisor(id: string): string } {
  const [version, setVersion] = useState(0);
  const key = JSON.stringify(ids);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the ids
  useEffect(() => {
    let live = true;
    void Promise.all([
      fill(db, 'subjects', ids.subjects ?? []),
      fill(db, 'organs', ids.organs ?? []),
      fill(db, 'supervisors', ids.supervisors ?? []),
    ]).then((changed) => {
      if (live && changed.some(Boolean)) setVersion((v) => v + 1);
    });
    return () => {
      live = false;
    };
  }, [db, key]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: version signals the cache changed
  return useMemo(
    () => ({
      subject: (id: string) => cache.subjects.get(id) ?? '…',
      organ: (id: string) => (id === OFFICE_ORGAN_ID ? officeName : (cache.organs.get(id) ?? '…')),
      supervisor: (id: string) => cache.supervisors.get(id) ?? '…',
    }),
    [version, officeName],
  );
}

/** Every organ, subject and supervisor as options for filters and forms. */
export function useRegistryOptions(db: DeskDatabase): {
  organs: NamedOption[];
  subjects: NamedOption[];
  supervisors: NamedOption[];
} {
  const [options, setOptions] = useState<{
    organs: NamedOption[];
    subjects: NamedOption[];
    supervisors: NamedOption[];
  }>({
    organs: [],
    subjects: [],
    supervisors: [],
  });
  useEffect(() => {
    let live = true;
    void Promise.all([db.organs.toArray(), db.subjects.toArray(), db.supervisors.toArray()]).then(
      ([organs, subjects, supervisors]) => {
        if (!live) return;
        const toOptions = (rows: { id: string; name: string; active?: boolean }[]) =>
          rows.map((r) => ({ value: r.id, label: r.name })).sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
        for (const o of organs) cache.organs.set(o.id, o.name);
        for (const s of subjects) cache.subjects.set(s.id, s.name);
        for (const p of supervisors) cache.supervisors.set(p.id, p.name);
        setOptions({ organs: toOptions(organs), subjects: toOptions(subjects), supervisors: toOptions(supervisors) });
      },
    );
    return () => {
      live = false;
    };
  }, [db]);
  return options;
}
