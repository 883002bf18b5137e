import type { Messages } from '../types';
import type { followup as zh } from '../zh-CN/followup';

export const followup: Messages<typeof zh> = {
  tabs: { overdue: 'Overdue', reviews: 'Review requests' },
  kinds: {
    rectification: 'Rectification overdue',
    handling: 'Handling overdue',
    referral_reply: 'Dossier referral replies',
    review_decision: 'Review decisions',
    clue_assessment: 'Clue assessments',
    clue_referral_reply: 'Clue referral replies',
  },
  items: {
    rectification: '{{count}} finding(s) overdue (first due {{due}})',
    handling: 'Handling deadline {{due}} passed',
    referral_reply: 'Referral reply was due by {{due}}',
    review_decision: 'Review decision was due by {{due}}',
    clue_assessment: 'Assessment deadline {{due}} passed',
    clue_referral_reply: '{{to}} should have replied by {{due}}',
  },
  overdue: {
    nothing: 'Nothing is overdue.',
    noneOfKind: 'Nothing of this kind is overdue.',
    what: 'What is late',
    days: 'Late',
    daysCell: '{{days}} days',
    shown: '{{shown}} of {{total}} shown',
    more: 'Load more',
    escalate: 'Escalate',
  },
  reviews: {
    intro:
      'Register of review requests against supervision opinions and decisions: requests within the period are accepted and reviewed; late ones are handled by the office rule.',
    dossier: 'Dossier',
    empty: 'No review requests yet.',
  },
  notice: {
    title: '{{count}} items are overdue',
    line: '{{kind}}: {{count}}',
    open: 'Open follow-up',
  },
  settings: {
    title: 'Clues, enterprise inspections and review rules',
    description:
      'Rules differ between provinces; set the ones your office follows. The review request and decision periods are set in the deadlines card above.',
    assessmentDays: 'Clue assessment period (working days)',
    maxInspections: 'Most inspections by one field',
    windowDays: 'Within (days)',
    jointWindowDays: 'Joint-inspection window (days, 0 = off)',
    lateReview: 'Late review requests',
    lateReviewPolicies: { refuse: 'Refuse (default)', accept_marked: 'Accept, marked late' },
    saved: 'Saved',
  },
};
