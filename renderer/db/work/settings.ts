import { DEFAULT_CLUE_SETTINGS } from '../../../shared/clues/assessment';
import {
  DEFAULT_INSPECTION_RULES,
  type InspectionRules,
  inspectionRulesSchema,
} from '../../../shared/enterprise/inspections';
import { LATE_REVIEW_POLICIES, type LateReviewPolicy } from '../../../shared/review-requests/review-request';
import type { DeskDatabase } from '../database';

/** The office's figures for clues, enterprise inspections and review requests. */
export interface WorkSettings {
  clueAssessmentWorkingDays: number;
  inspectionRules: InspectionRules;
  lateReviewPolicy: LateReviewPolicy;
}

export const DEFAULT_WORK_SETTINGS: WorkSettings = {
  clueAssessmentWorkingDays: DEFAULT_CLUE_SETTINGS.assessmentWorkingDays,
  inspectionRules: DEFAULT_INSPECTION_RULES,
  lateReviewPolicy: 'refuse',
};

const KEYS = {
  assessment: 'work:clueAssessmentWorkingDays',
  maxInspections: 'work:inspections:maxInspections',
  windowDays: 'work:inspections:windowDays',
  jointWindowDays: 'work:inspections:jointWindowDays',
  lateReview: 'work:lateReviewPolicy',
} as const;

export async function loadWorkSettings(db: DeskDatabase): Promise<WorkSettings> {
  const [assessment, maxInspections, windowDays, jointWindowDays, lateReview] = await db.meta.bulkGet([
    KEYS.assessment,
    KEYS.maxInspections,
    KEYS.windowDays,
    KEYS.jointWindowDays,
    KEYS.lateReview,
  ]);
  const rules = inspectionRulesSchema.safeParse({
    maxInspections: maxInspections?.v ?? DEFAULT_INSPECTION_RULES.maxInspections,
    windowDays: windowDays?.v ?? DEFAULT_INSPECTION_RULES.windowDays,
    jointWindowDays: jointWindowDays?.v ?? DEFAULT_INSPECTION_RULES.jointWindowDays,
  });
  const days = assessment?.v;
  return {
    clueAssessmentWorkingDays:
      typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= 60
        ? days
        : DEFAULT_WORK_SETTINGS.clueAssessmentWorkingDays,
    inspectionRules: rules.success ? rules.data : DEFAULT_INSPECTION_RULES,
    lateReviewPolicy: LATE_REVIEW_POLICIES[lateReview?.v ?? 0] ?? 'refuse',
  };
}

export async function saveWorkSettings(db: DeskDatabase, settings: WorkSettings): Promise<void> {
  const rules = inspectionRulesSchema.parse(settings.inspectionRules);
  await db.meta.bulkPut([
    { k: KEYS.assessment, v: settings.clueAssessmentWorkingDays },
    { k: KEYS.maxInspections, v: rules.maxInspections },
    { k: KEYS.windowDays, v: rules.windowDays },
    { k: KEYS.jointWindowDays, v: rules.jointWindowDays },
    { k: KEYS.lateReview, v: LATE_REVIEW_POLICIES.indexOf(settings.lateReviewPolicy) },
  ]);
}
