import type { Locale } from '../domain/locale';
import { backup as enBackup } from './en/backup';
import { campaigns as enCampaigns } from './en/campaigns';
import { clues as enClues } from './en/clues';
import { common as enCommon } from './en/common';
import { coordination as enCoordination } from './en/coordination';
import { documents as enDocuments } from './en/documents';
import { dossiers as enDossiers } from './en/dossiers';
import { enterprise as enEnterprise } from './en/enterprise';
import { errors as enErrors } from './en/errors';
import { evidence as enEvidence } from './en/evidence';
import { followup as enFollowup } from './en/followup';
import { menu as enMenu } from './en/menu';
import { packages as enPackages } from './en/packages';
import { registries as enRegistries } from './en/registries';
import { results as enResults } from './en/results';
import { settings as enSettings } from './en/settings';
import { shell as enShell } from './en/shell';
import { wizard as enWizard } from './en/wizard';
import type { Messages } from './types';
import { backup } from './zh-CN/backup';
import { campaigns } from './zh-CN/campaigns';
import { clues } from './zh-CN/clues';
import { common } from './zh-CN/common';
import { coordination } from './zh-CN/coordination';
import { documents } from './zh-CN/documents';
import { dossiers } from './zh-CN/dossiers';
import { enterprise } from './zh-CN/enterprise';
import { errors } from './zh-CN/errors';
import { evidence } from './zh-CN/evidence';
import { followup } from './zh-CN/followup';
import { menu } from './zh-CN/menu';
import { packages } from './zh-CN/packages';
import { registries } from './zh-CN/registries';
import { results } from './zh-CN/results';
import { settings } from './zh-CN/settings';
import { shell } from './zh-CN/shell';
import { wizard } from './zh-CN/wizard';

/** Catalogue namespaces; each feature adds one file per language and a line here. */
const zhCN = {
  common,
  shell,
  wizard,
  settings,
  menu,
  errors,
  documents,
  registries,
  evidence,
  dossiers,
  packages,
  backup,
  results,
  clues,
  campaigns,
  enterprise,
  coordination,
  followup,
};
export type Catalogue = typeof zhCN;

const en: Messages<Catalogue> = {
  common: enCommon,
  shell: enShell,
  wizard: enWizard,
  settings: enSettings,
  menu: enMenu,
  errors: enErrors,
  documents: enDocuments,
  registries: enRegistries,
  evidence: enEvidence,
  packages: enPackages,
  dossiers: enDossiers,
  backup: enBackup,
  results: enResults,
  clues: enClues,
  campaigns: enCampaigns,
  enterprise: enEnterprise,
  coordination: enCoordination,
  followup: enFollowup,
};

export const CATALOGUES: Record<Locale, Messages<Catalogue>> = { 'zh-CN': zhCN, en };

/** Looks up "namespace.key.path" and fills {{placeholders}}; for the main process and CLI. */
export function translate(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  let node: unknown = CATALOGUES[locale];
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return key;
    node = (node as Record<string, unknown>)[part];
  }
  if (typeof node !== 'string') return key;
  return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? `{{${name}}}`));
}
