import type { DeadlineUnit } from '../calendar/working-days';

/** Procedure figures that vary between provinces; the office can change them. */
export interface WorkflowSettings {
  /** Supervisors needed to open a matter (Shandong: at least 2). */
  minHandlers: number;
  /** 复查申请期限: working days after service within which review may be requested. */
  reviewWindowWorkingDays: number;
  /** 复查决定期限: working days to decide a review. */
  reviewDecisionWorkingDays: number;
  /** Working days within which the organ a matter was referred to should reply. */
  referralReplyWorkingDays: number;
  /** Default rectification period (30 days in most provincial rules). */
  defaultRectificationDays: number;
  defaultRectificationUnit: DeadlineUnit;
}

export const DEFAULT_WORKFLOW_SETTINGS: WorkflowSettings = {
  minHandlers: 2,
  reviewWindowWorkingDays: 10,
  reviewDecisionWorkingDays: 15,
  referralReplyWorkingDays: 10,
  defaultRectificationDays: 30,
  defaultRectificationUnit: 'calendar',
};
