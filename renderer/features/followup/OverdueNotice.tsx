import { App, Button } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { WORK_KINDS, type WorkKind } from '../../../shared/followup/overdue';
import { db } from '../../db/database';
import { todayOf } from '../../db/dossiers/store';
import { overdueSummary } from '../../db/work/followup';

let shown = false;

/**
 * At start-up, once per window: a notice when anything is overdue, with the counts by
 * kind and the way to the follow-up page. Counted from the catalogue and the clue
 * indexes, after the first screen is up.
 */
export default function OverdueNotice() {
  const { t } = useTranslation('followup');
  const { notification } = App.useApp();
  const navigate = useNavigate();
  useEffect(() => {
    if (shown) return;
    const timer = setTimeout(() => {
      shown = true;
      void overdueSummary(db(), todayOf(new Date()))
        .then((summary) => {
          if (summary.total === 0) return;
          const count = (k: WorkKind) =>
            k === 'clue_assessment'
              ? summary.clueAssessments
              : k === 'clue_referral_reply'
                ? summary.clueReplies
                : summary.dossiers[k];
          notification.warning({
            key: 'overdue',
            title: t('notice.title', { count: summary.total }),
            description: (
              <div data-testid="overdue-notice">
                {WORK_KINDS.filter((k) => count(k) > 0).map((k) => (
                  <div key={k}>{t('notice.line', { kind: t(`kinds.${k}`), count: count(k) })}</div>
                ))}
              </div>
            ),
            actions: (
              <Button
                type="primary"
                size="small"
                onClick={() => {
                  notification.destroy('overdue');
                  navigate('/followup');
                }}
                data-testid="overdue-notice-open"
              >
                {t('notice.open')}
              </Button>
            ),
            duration: 12,
            placement: 'bottomRight',
          });
        })
        .catch((error: unknown) => console.error(error));
    }, 1200);
    return () => clearTimeout(timer);
  }, [navigate, notification, t]);
  return null;
}
