import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import type { ClueRefusal } from '../../../shared/clues/assessment';
import type { Refusal } from '../../../shared/workflow/machine';
import type { DeskDatabase } from '../../db/database';
import { loadWorkSettings, type WorkSettings } from '../../db/work/settings';

let cache: Promise<WorkSettings> | undefined;

/** The office's figures for clues, inspections and review requests, read once. */
export function loadWork(db: DeskDatabase): Promise<WorkSettings> {
  cache ??= loadWorkSettings(db);
  return cache;
}

/** After Settings saved new figures. */
export function dropWork(): void {
  cache = undefined;
}

export function useWorkSettings(db: DeskDatabase): WorkSettings | null {
  const [settings, setSettings] = useState<WorkSettings | null>(null);
  useEffect(() => {
    let live = true;
    void loadWork(db).then((s) => {
      if (live) setSettings(s);
    });
    return () => {
      live = false;
    };
  }, [db]);
  return settings;
}

const CLUE_CODES = new Set(['notPending', 'notReferred', 'dossierRequired', 'alreadyReplied']);

/** A refusal from the clue rules or the dossier workflow, in the clerk's language. */
export function refusalText(t: TFunction, refusal: ClueRefusal | Refusal): string {
  if (CLUE_CODES.has(refusal.code)) return t(`clues:refusals.${refusal.code}`);
  const params = 'params' in refusal ? (refusal.params ?? {}) : {};
  return t(`dossiers:refusals.${refusal.code}`, params);
}

/** Whole days from `due` to `today` when past due, else 0. */
export function lateDays(due: string, today: string): number {
  const ms = Date.parse(`${today}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`);
  return ms > 0 ? Math.round(ms / 86_400_000) : 0;
}
