import {
  judgeReviewRequest,
  type LateReviewPolicy,
  type ReviewRequest,
  type ReviewRequestDraft,
} from '../../../shared/review-requests/review-request';
import type { Refusal } from '../../../shared/workflow/machine';
import type { DeskDatabase } from '../database';
import type { DossierRecord } from '../dossiers/layout';
import { getDossier, type StoreEnv, takeAction, writeTables } from '../dossiers/store';

export type ReviewRequestOutcome =
  | { ok: true; request: ReviewRequest; record?: DossierRecord }
  | { ok: false; refusals: Refusal[] };

class Refused extends Error {
  constructor(readonly refusals: Refusal[]) {
    super('refused');
  }
}

/**
 * Registers a review request (复查申请) against a dossier's served document. Inside the
 * window — or late, where the office accepts late requests marked as such — the dossier
 * moves to review_requested with the decision deadline counted from receipt; outside it
 * the request is recorded as refused, with the reason. Register entry and dossier change
 * commit together.
 */
export async function registerReviewRequest(
  env: StoreEnv,
  dossierId: string,
  draft: ReviewRequestDraft,
  policy: LateReviewPolicy,
): Promise<ReviewRequestOutcome> {
  const { db } = env;
  const at = (env.now ?? (() => new Date()))().toISOString();
  try {
    return await db.transaction('rw', [...writeTables(db), db.reviewRequests], async () => {
      const record = await getDossier(db, dossierId);
      const servedOn = record?.dossier.workflow.service?.servedOn;
      if (!record || !servedOn) throw new Refused([{ code: 'notServed' }]);
      const judged = judgeReviewRequest(servedOn, draft.receivedOn, env.calendar, env.settings);
      const accept = judged.inside || policy === 'accept_marked';
      const base = {
        id: (globalThis.crypto as Crypto).randomUUID(),
        dossierId,
        ...draft,
        servedOn,
        windowUntil: judged.until,
        inWindow: judged.inside,
        late: !judged.inside,
        createdAt: at,
        createdBy: env.actor,
      };
      if (!accept) {
        const request: ReviewRequest = {
          ...base,
          status: 'refused',
          refusalReason: `超过复查申请期限（${judged.until}届满），不予受理`,
        };
        await db.reviewRequests.add(request);
        return { ok: true as const, request };
      }
      const outcome = await takeAction(env, dossierId, {
        action: 'request_review',
        reason: draft.reason,
        requestedOn: draft.receivedOn,
        requester: draft.requester,
        ...(judged.inside ? {} : { acceptLate: true }),
      });
      if (!outcome.ok) throw new Refused(outcome.refusals);
      const request: ReviewRequest = { ...base, status: 'accepted', decideBy: judged.decideBy };
      await db.reviewRequests.add(request);
      return { ok: true as const, request, record: outcome.record };
    });
  } catch (error) {
    if (error instanceof Refused) return { ok: false, refusals: error.refusals };
    throw error;
  }
}

export async function reviewRequestsOf(db: DeskDatabase, dossierId: string): Promise<ReviewRequest[]> {
  const rows = await db.reviewRequests.where('dossierId').equals(dossierId).toArray();
  return rows.sort((a, b) => b.receivedOn.localeCompare(a.receivedOn) || b.createdAt.localeCompare(a.createdAt));
}

/** The register of review requests, newest received first. */
export async function recentReviewRequests(db: DeskDatabase, limit = 500): Promise<ReviewRequest[]> {
  return db.reviewRequests.orderBy('receivedOn').reverse().limit(limit).toArray();
}
