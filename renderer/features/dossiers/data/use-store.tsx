import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkingCalendar } from '../../../../shared/calendar/working-days';
import type { WorkflowSettings } from '../../../../shared/workflow/settings';
import { useSession } from '../../../app/session';
import { type DeskDatabase, db } from '../../../db/database';
import { repairInterruptedWrites, type StoreEnv, todayOf } from '../../../db/dossiers/store';
import { clerkName, loadCalendar, loadWorkflowSettings } from './env';

interface DossierContext {
  db: DeskDatabase;
  env: StoreEnv;
  calendar: WorkingCalendar;
  settings: WorkflowSettings;
  today: string;
}

const Context = createContext<DossierContext | null>(null);

/** Loads what every dossier screen needs (calendar, rules, clerk) once for the feature. */
export function DossierProvider({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const { office } = useSession();
  const { t } = useTranslation('dossiers');
  const [loaded, setLoaded] = useState<{ calendar: WorkingCalendar; settings: WorkflowSettings } | null>(null);
  useEffect(() => {
    let live = true;
    // A demo seed cut short leaves its search terms and tallies to write: finish them first.
    void repairInterruptedWrites(db())
      .then(() => Promise.all([loadCalendar(db()), loadWorkflowSettings(db())]))
      .then(([calendar, settings]) => {
        if (live) setLoaded({ calendar, settings });
      });
    return () => {
      live = false;
    };
  }, []);
  const value = useMemo<DossierContext | null>(() => {
    if (!loaded || !office) return null;
    const database = db();
    return {
      db: database,
      calendar: loaded.calendar,
      settings: loaded.settings,
      today: todayOf(new Date()),
      env: {
        db: database,
        office: { name: office.name, shortName: office.shortName },
        actor: clerkName() || t('clerk.unknown'),
        calendar: loaded.calendar,
        settings: loaded.settings,
      },
    };
  }, [loaded, office, t]);
  if (!value) return <>{fallback}</>;
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useDossiers(): DossierContext {
  const value = useContext(Context);
  if (!value) throw new Error('useDossiers outside DossierProvider');
  return value;
}
