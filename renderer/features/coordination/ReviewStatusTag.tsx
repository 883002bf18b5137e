import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReviewRequest } from '../../../shared/review-requests/review-request';

/** 受理 / 逾期受理 / 不予受理, with the reason on hover. */
export function ReviewStatusTag({ request }: { request: ReviewRequest }) {
  const { t } = useTranslation('coordination');
  if (request.status === 'refused') {
    return (
      <Tooltip title={t('review.refusedReason', { until: request.windowUntil })}>
        <Tag color="red" data-testid="review-status">
          {t('review.statuses.refused')}
        </Tag>
      </Tooltip>
    );
  }
  if (request.late) {
    return (
      <Tag color="orange" data-testid="review-status">
        {t('review.statuses.acceptedLate')}
      </Tag>
    );
  }
  return (
    <Tag color="green" data-testid="review-status">
      {t('review.statuses.accepted')}
    </Tag>
  );
}
