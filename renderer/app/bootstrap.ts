import type { Locale } from '../../shared/domain/locale';
import type { OfficeIdentity } from '../../shared/domain/office';
import { call } from '../api/client';
import { selectDatabase } from '../db/active-name';

export interface InitialSettings {
  locale: Locale;
  office: OfficeIdentity | null;
  version: string;
}

export async function loadInitialSettings(): Promise<InitialSettings> {
  const [settings, info] = await Promise.all([call('settings.get'), call('app.info'), selectDatabase()]);
  return { ...settings, version: info.version };
}
