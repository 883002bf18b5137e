import type { Dossier, Evidence, Finding } from '../domain/dossier';
import { dossiers as zhDossiers } from '../i18n/zh-CN/dossiers';
import { findingCategoryLabel } from '../taxonomy/findings';
import type { DocumentSource } from './source';

export interface DossierNames {
  /** Supervised organs' names, in the dossier's order. */
  organs: string[];
  /** Supervised enforcement subjects' names, in the dossier's order. */
  subjects: string[];
}

const chineseMonth = (date: string) => `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月`;

/**
 * What a document drafted from a dossier is filled from. Documents are always in
 * Chinese, whatever language the clerk's screen is in. Deadlines were computed in
 * working days when the findings were recorded; the latest is the document's.
 */
export function documentSourceFromDossier(input: {
  dossier: Dossier;
  findings: readonly Finding[];
  evidence: readonly Evidence[];
  names: DossierNames;
}): DocumentSource {
  const { dossier, names } = input;
  const recipient = names.organs[0] ?? names.subjects[0];
  const dues = input.findings.flatMap((f) => (f.deadline ? [f.deadline.due] : [])).sort();
  const started = dossier.openedOn ?? dossier.registeredOn;
  return {
    dossierId: dossier.id,
    ...(recipient ? { recipient: { name: recipient } } : {}),
    matter: {
      title: dossier.title,
      number: dossier.number,
      ...(dossier.legalBasis ? { basis: dossier.legalBasis } : {}),
      source: zhDossiers.sources[dossier.source],
      period: chineseMonth(started),
    },
    ...(dossier.summary ? { facts: dossier.summary } : {}),
    evidence: input.evidence.filter((e) => !e.removed).map((e) => e.fileName),
    findings: input.findings.map((f) => ({
      category: findingCategoryLabel(f.category, f.subcategory, 'zh-CN').slice(0, 60),
      description: f.description.slice(0, 2000),
      ruleBreached: f.ruleBreached.slice(0, 500),
      rectification: f.rectificationRequirement.slice(0, 1000),
      ...(f.deadline ? { deadline: f.deadline.due } : {}),
    })),
    ...(dues.length > 0 ? { deadlines: { rectification: dues.at(-1) } } : {}),
  };
}
