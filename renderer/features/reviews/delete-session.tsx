import type { ButtonProps } from 'antd';
import { App, Button, Typography } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { db } from '../../db/database';
import {
  type CircularLookup,
  checkSessionDeletion,
  deleteSession,
  ReviewStoreError,
  restoreSession,
} from '../../db/review/store';

/** How long the undo offer stays after a deletion. */
const UNDO_SECONDS = 8;

/** The circulars' states from the documents in the main process. */
export const lookupCirculars: CircularLookup = async (ids) => {
  const documents = new Map((await call('documents.list', { type: 'review_circular' })).map((d) => [d.id, d]));
  return ids.map((id) => {
    const d = documents.get(id);
    return d ? { id, status: d.status, number: d.number } : { id, status: 'missing', number: null };
  });
};

/**
 * Deleting a review session made by mistake: refused, with the reasons, when its results
 * have been used; otherwise confirmed (naming the session and its files), then offered
 * for undo for a few seconds.
 */
export function useDeleteSession(onDeleted?: () => void): (sessionId: string) => Promise<void> {
  const { t, i18n } = useTranslation(['results', 'common', 'errors']);
  const { modal, message } = App.useApp();
  const lang = i18n.language === 'en' ? 'en' : 'zh';

  const reasonOf = useCallback(
    (error: ReviewStoreError) =>
      t(`results:review.errors.${error.code}`, {
        ...error.params,
        item: lang === 'en' ? error.params.itemEn : error.params.itemZh,
      }),
    [t, lang],
  );

  const refuse = useCallback(
    (name: string, refusals: readonly ReviewStoreError[]) =>
      modal.warning({
        title: t('results:review.cannotDeleteTitle', { name }),
        content: (
          <ul className="review-refusals" data-testid="delete-session-refused">
            {refusals.map((r) => (
              <li key={r.code}>{reasonOf(r)}</li>
            ))}
          </ul>
        ),
        okText: t('common:ok'),
        okButtonProps: { 'data-testid': 'delete-session-refused-ok' } as ButtonProps,
      }),
    [modal, t, reasonOf],
  );

  const fail = useCallback(
    (error: unknown) => {
      if (error instanceof ReviewStoreError) return void message.error(reasonOf(error));
      console.error(error);
      void message.error(t('errors:codes.INTERNAL'));
    },
    [message, reasonOf, t],
  );

  return useCallback(
    async (sessionId: string) => {
      let check: Awaited<ReturnType<typeof checkSessionDeletion>>;
      try {
        check = await checkSessionDeletion(db(), sessionId, lookupCirculars);
      } catch (error) {
        return fail(error);
      }
      const { name } = check.session;
      if (check.refusals.length > 0) return void refuse(name, check.refusals);

      const undo = async (removed: Awaited<ReturnType<typeof deleteSession>>, key: string) => {
        message.destroy(key);
        try {
          await restoreSession(db(), removed);
          void message.success(t('results:review.restored', { name }));
        } catch (error) {
          void message.error(
            t('results:review.restoreFailed', {
              reason: error instanceof ReviewStoreError ? reasonOf(error) : String(error),
            }),
          );
        }
      };

      modal.confirm({
        title: t('results:review.deleteTitle', { name }),
        content: (
          <div data-testid="delete-session-confirm">
            <p>
              {check.files > 0
                ? t('results:review.deleteBody', { files: check.files, scored: check.scored })
                : t('results:review.deleteBodyEmpty')}
            </p>
            {check.draftCirculars > 0 && <p>{t('results:review.deleteDrafts', { count: check.draftCirculars })}</p>}
            <Typography.Text type="secondary">
              {t('results:review.deleteUndoHint', { seconds: UNDO_SECONDS })}
            </Typography.Text>
          </div>
        ),
        okText: t('results:review.deleteOk'),
        okButtonProps: { danger: true, 'data-testid': 'delete-session-ok' } as ButtonProps,
        cancelText: t('common:cancel'),
        cancelButtonProps: { 'data-testid': 'delete-session-cancel' } as ButtonProps,
        // A destructive step: Enter right after opening keeps the session.
        autoFocusButton: 'cancel',
        onOk: async () => {
          try {
            const removed = await deleteSession(db(), sessionId, lookupCirculars);
            onDeleted?.();
            const key = `review-session-deleted-${sessionId}`;
            void message.open({
              key,
              type: 'success',
              duration: UNDO_SECONDS,
              content: (
                <span data-testid="session-deleted">
                  {t('results:review.deleted', { name })}
                  <Button
                    type="link"
                    size="small"
                    onClick={() => void undo(removed, key)}
                    data-testid="undo-delete-session"
                  >
                    {t('results:review.undo')}
                  </Button>
                </span>
              ),
            });
          } catch (error) {
            if (
              error instanceof ReviewStoreError &&
              (error.code === 'FINDINGS_RECORDED' || error.code === 'CIRCULAR_ISSUED')
            )
              return void refuse(name, [error]);
            fail(error);
          }
        },
      });
    },
    [fail, message, modal, onDeleted, reasonOf, refuse, t],
  );
}
