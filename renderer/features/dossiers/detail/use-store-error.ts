import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { DossierStoreError } from '../../../db/dossiers/store';

/** Shows a store refusal (conflict, read-only…) in the clerk's language. */
export function useStoreError(): (error: unknown) => void {
  const { message } = App.useApp();
  const { t } = useTranslation(['dossiers', 'errors']);
  return useCallback(
    (error: unknown) => {
      if (error instanceof DossierStoreError) {
        void message.error(t(`dossiers:errors.${error.code}`));
        return;
      }
      console.error(error);
      void message.error(t('errors:codes.INTERNAL'));
    },
    [message, t],
  );
}
