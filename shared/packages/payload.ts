import { dossierSchema, evidenceSchema, findingSchema, timelineEventSchema } from '../domain/dossier';
import type { FieldIssue } from '../ipc/errors';
import { verifyChain } from '../timeline/chain';
import { z } from '../zod-setup';

/**
 * What `data/content.json` of a dossier package holds (schemaVersion `dossier-bundle/1`):
 * dossiers as the sending office keeps them, each with its findings, its sealed
 * timeline and its evidence metadata. The evidence bytes travel beside it as package
 * files named by SHA-256. The sender's own `origin` is carried but not believed: the
 * recipient marks each dossier as received from the organ that signed the package.
 */
export const DOSSIER_BUNDLE_SCHEMA_VERSION = 'dossier-bundle/1';

/** More dossiers than a clerk would send at once; keeps content.json well under its limit. */
export const MAX_BUNDLE_DOSSIERS = 500;

export const bundledDossierSchema = z.object({
  dossier: dossierSchema,
  findings: z.array(findingSchema).max(2000),
  events: z.array(timelineEventSchema).max(10_000),
  evidence: z.array(evidenceSchema).max(2000),
});
export type BundledDossier = z.infer<typeof bundledDossierSchema>;

const nameMap = z.record(z.string().min(1).max(64), z.string().max(200));

/**
 * The sender's registry names for the ids the dossiers use (subjects, organs,
 * supervisors): the recipient's registry does not know the sender's ids.
 */
export const bundleNamesSchema = z.object({
  subjects: nameMap.default({}),
  organs: nameMap.default({}),
  supervisors: nameMap.default({}),
});

export const dossierBundleSchema = z.object({
  dossiers: z.array(bundledDossierSchema).min(1).max(MAX_BUNDLE_DOSSIERS),
  names: bundleNamesSchema.optional(),
});
export type DossierBundle = z.infer<typeof dossierBundleSchema>;

function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({
    path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
    message: i.message,
  }));
}

/**
 * Everything wrong with a bundle, as field paths: the schema, then what the schema
 * cannot say — records that belong to another dossier, a dossier twice, a timeline
 * whose hash chain breaks, live evidence whose file the package does not carry.
 */
export function dossierBundleIssues(data: unknown, files: readonly { sha256: string; size: number }[]): FieldIssue[] {
  const parsed = dossierBundleSchema.safeParse(data);
  if (!parsed.success) return zodIssues(parsed.error);
  const issues: FieldIssue[] = [];
  const carried = new Map(files.map((f) => [f.sha256, f.size]));
  const seen = new Set<string>();
  parsed.data.dossiers.forEach((entry, i) => {
    const id = entry.dossier.id;
    if (seen.has(id)) issues.push({ path: ['dossiers', i, 'dossier', 'id'], message: 'duplicate dossier' });
    seen.add(id);
    entry.findings.forEach((f, j) => {
      if (f.dossierId !== id)
        issues.push({ path: ['dossiers', i, 'findings', j, 'dossierId'], message: 'other dossier' });
    });
    entry.evidence.forEach((e, j) => {
      if (e.dossierId !== id)
        issues.push({ path: ['dossiers', i, 'evidence', j, 'dossierId'], message: 'other dossier' });
      if (e.removed) return;
      const size = carried.get(e.sha256);
      if (size === undefined) issues.push({ path: ['dossiers', i, 'evidence', j, 'sha256'], message: 'file missing' });
      else if (size !== e.size) issues.push({ path: ['dossiers', i, 'evidence', j, 'size'], message: 'size differs' });
    });
    const verdict = verifyChain(id, entry.events);
    if (!verdict.ok) {
      issues.push({ path: ['dossiers', i, 'events', Math.max(0, verdict.brokenAt - 1)], message: 'timeline broken' });
    }
  });
  return issues;
}

/** The check the main process runs on the data of every package it writes or reads. */
export const dossierBundlePayload = {
  schemaVersion: DOSSIER_BUNDLE_SCHEMA_VERSION,
  validate(schemaVersion: string, data: unknown, files: readonly { sha256: string; size: number }[]): FieldIssue[] {
    if (schemaVersion !== DOSSIER_BUNDLE_SCHEMA_VERSION) {
      return [{ path: ['schemaVersion'], message: `unknown schema ${schemaVersion}` }];
    }
    return dossierBundleIssues(data, files);
  },
};
