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

export interface RegistryOptions {
  organs: NamedOption[];
  subjects: NamedOption[];
  supervisors: NamedOption[];
}

let optionsCache: Promise<RegistryOptions> | undefined;

/** Forgets the option lists (after the registries change, e.g. demo data). */
export function dropRegistryOptions(): void {
  optionsCache = undefined;
}

function loadOptions(db: DeskDatabase): Promise<RegistryOptions> {
  optionsCache ??= Promise.all([db.organs.toArray(), db.subjects.toArray(), db.supervisors.toArray()]).then(
    ([organs, subjects, supervisors]) => {
      // One collator for the whole sort: localeCompare with a locale builds one per call.
      const collator = new Intl.Collator('zh-CN');
      const toOptions = (rows: { id: string; name: string }[]) =>
        rows.map((r) => ({ value: r.id, label: r.name })).sort((a, b) => collator.compare(a.label, b.label));
      for (const o of organs) cache.organs.set(o.id, o.name);
      for (const s of subjects) cache.subjects.set(s.id, s.name);
      for (const p of supervisors) cache.supervisors.set(p.id, p.name);
      return { organs: toOptions(organs), subjects: toOptions(subjects), supervisors: toOptions(supervisors) };
    },
  );
  return optionsCache;
}

const NO_OPTIONS: RegistryOptions = { organs: [], subjects: [], supervisors: [] };

/** A Select's search over the registry options: the typed text anywhere in the name. */
export function matchesLabel(input: string, option?: { label?: unknown }): boolean {
  return String(option?.label ?? '').includes(input);
}

/**
 * Every organ, subject and supervisor as options for filters and forms, read once.
 * `ready` lets a screen fetch what it shows first and the option lists after.
 */
export function useRegistryOptions(db: DeskDatabase, ready = true): RegistryOptions {
  const [options, setOptions] = useState<RegistryOptions>(NO_OPTIONS);
  useEffect(() => {
    if (!ready) return;
    let live = true;
    void loadOptions(db).then((loaded) => {
      if (live) setOptions(loaded);
    });
    return () => {
      live = false;
    };
  }, [db, ready]);
  return options;
}
