import type { CampaignPlan } from '../../../shared/campaigns/campaign';
import type { Coordination } from '../../../shared/coordination/coordination';
import type { EnterpriseInspection } from '../../../shared/enterprise/inspections';
import type { ReviewRequest } from '../../../shared/review-requests/review-request';

/** Who showed a clue's reporter identity, and when (查看举报人记录). */
export interface ClueAccess {
  id: string;
  clueId: string;
  at: string;
  by: string;
}

export type StoredCampaign = CampaignPlan;
export type StoredCoordination = Coordination;
export type StoredReviewRequest = ReviewRequest;

export interface StoredInspection extends EnterpriseInspection {
  createdAt: string;
  createdBy: string;
}
