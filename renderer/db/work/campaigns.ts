import {
  type CampaignDraft,
  type CampaignPlan,
  campaignPlanSchema,
  childDossierDraft,
  parentDossierDraft,
  subjectsWithoutChild,
} from '../../../shared/campaigns/campaign';
import type { CampaignChild } from '../../../shared/campaigns/progress';
import type { Dossier, Finding } from '../../../shared/domain/dossier';
import { dossierDraftSchema } from '../../../shared/dossiers/draft';
import type { DeskDatabase } from '../database';
import type { DossierCard, DossierRecord } from '../dossiers/layout';
import { createDossier, getCards, getDossier, type StoreEnv, todayOf, writeTables } from '../dossiers/store';

const clock = (env: Pick<StoreEnv, 'now'>) => (env.now ?? (() => new Date()))();

/**
 * Starts a campaign: its parent dossier (kind special or inspection) and its plan, in
 * one transaction. Child dossiers come later, when the clerk creates them.
 */
export async function createCampaign(env: StoreEnv, draft: CampaignDraft): Promise<CampaignPlan> {
  const { db } = env;
  const now = clock(env);
  const at = now.toISOString();
  const today = todayOf(now);
  const parentDraft = dossierDraftSchema.parse(parentDossierDraft(draft, today));
  return db.transaction('rw', [...writeTables(db), db.campaigns], async () => {
    const parent = await createDossier(env, parentDraft);
    const plan = campaignPlanSchema.parse({
      dossierId: parent.dossier.id,
      scope: draft.scope,
      legalBasis: draft.legalBasis,
      periodFrom: draft.periodFrom,
      periodTo: draft.periodTo,
      subjectIds: draft.subjectIds,
      checklist: draft.checklist.map((item, i) => ({ ...item, id: `k${i + 1}` })),
      children: [],
      createdAt: at,
      updatedAt: at,
    });
    await db.campaigns.put(plan);
    return plan;
  });
}

export async function getCampaign(db: DeskDatabase, dossierId: string): Promise<CampaignPlan | undefined> {
  return db.campaigns.get(dossierId);
}

/**
 * Creates the child dossier of every subject of the plan that has none yet, all in one
 * transaction: either every child is there afterwards, linked both ways, or none is.
 */
export async function createChildDossiers(env: StoreEnv, dossierId: string): Promise<{ created: string[] }> {
  const { db } = env;
  const now = clock(env);
  const today = todayOf(now);
  return db.transaction('rw', [...writeTables(db), db.campaigns], async () => {
    const plan = await db.campaigns.get(dossierId);
    const parent = await getDossier(db, dossierId);
    if (!plan || !parent) throw new Error(`no campaign ${dossierId}`);
    const missing = subjectsWithoutChild(plan);
    const subjects = await db.subjects.bulkGet(missing);
    const created: string[] = [];
    const children = [...plan.children];
    for (const [i, subjectId] of missing.entries()) {
      const subject = subjects[i];
      const draft = dossierDraftSchema.parse(
        childDossierDraft(
          parent.dossier,
          plan,
          {
            id: subjectId,
            name: subject?.name ?? subjectId,
            ...(subject?.organId ? { organId: subject.organId } : {}),
          },
          today,
        ),
      );
      const child = await createDossier(env, draft);
      children.push({ subjectId, dossierId: child.dossier.id });
      created.push(child.dossier.id);
    }
    await db.campaigns.put({ ...plan, children, updatedAt: now.toISOString() });
    return { created };
  });
}

export interface CampaignRow {
  plan: CampaignPlan;
  parent: DossierCard | undefined;
}

/** Every campaign with its parent's list row, newest first. */
export async function listCampaigns(db: DeskDatabase): Promise<CampaignRow[]> {
  const plans = await db.campaigns.toArray();
  const cards = new Map(
    (
      await getCards(
        db,
        plans.map((p) => p.dossierId),
      )
    ).map((c) => [c.id, c]),
  );
  return plans
    .map((plan) => ({ plan, parent: cards.get(plan.dossierId) }))
    .sort((a, b) => b.plan.createdAt.localeCompare(a.plan.createdAt));
}

/** A child dossier with everything the progress view and the batch of documents need. */
export interface CampaignChildRecord extends CampaignChild {
  dossier: Dossier;
  findings: Finding[];
}

/** The children's records (findings included) for the progress view; one read each, in one transaction. */
export async function campaignChildren(db: DeskDatabase, plan: CampaignPlan): Promise<CampaignChildRecord[]> {
  const records = await db.transaction('r', [db.cards, db.bodies], () =>
    Promise.all(plan.children.map((c) => getDossier(db, c.dossierId))),
  );
  return plan.children.flatMap((c, i) => {
    const r = records[i] as DossierRecord | undefined;
    return r ? [{ subjectId: c.subjectId, dossier: r.dossier, findings: r.findings }] : [];
  });
}
