import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/** Shows any failure as a localized message: the contract code decides the text. */
export function useErrorMessage(): (error: unknown) => void {
  const { message } = App.useApp();
  const { t } = useTranslation('errors');
  return useCallback(
    (error: unknown) => {
      const code = error instanceof ApiError ? error.code : 'INTERNAL';
      const params = error instanceof ApiError ? error.params : {};
      void message.error(t(`codes.${code}`, params));
      if (!(error instanceof ApiError)) console.error(error);
    },
    [message, t],
  );
}
