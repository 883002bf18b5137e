import { Alert, Button } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { FormDraft } from './form-draft';

/** Says that a form was filled from a kept draft, and offers to discard it. */
export function DraftNotice({ draft, onDiscard }: { draft: FormDraft | null; onDiscard(): void }) {
  const { t } = useTranslation('common');
  if (!draft) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="draft-restored"
      message={t('draftRestored', { time: dayjs(draft.savedAt).format('YYYY-MM-DD HH:mm') })}
      action={
        <Button size="small" data-testid="draft-discard" onClick={onDiscard}>
          {t('draftDiscard')}
        </Button>
      }
    />
  );
}
