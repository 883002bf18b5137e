import { Button, Progress, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { type OperationState, percentOf } from './operation';

/** A fingerprint as six groups of five digits, large enough to read aloud over the phone. */
export function FingerprintGroups({ groups, testId }: { groups: readonly string[]; testId?: string }) {
  return (
    <span className="fingerprint-groups" data-testid={testId ?? 'fingerprint-groups'}>
      {groups.map((g, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: groups repeat and keep their position
        <code key={i} className="fingerprint-group">
          {g}
        </code>
      ))}
    </span>
  );
}

export function OperationProgress({ progress, onCancel }: { progress: OperationState; onCancel?: () => void }) {
  const { t } = useTranslation('packages');
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="package-progress">
      <Typography.Text type="secondary">{progress.phase ? t(progress.phase) : '…'}</Typography.Text>
      <Space style={{ width: '100%' }} align="center">
        <Progress percent={percentOf(progress)} style={{ width: 420 }} />
        {onCancel && (
          <Button onClick={onCancel} data-testid="package-cancel">
            {t('export.cancel')}
          </Button>
        )}
      </Space>
    </Space>
  );
}

/** A time for lists: local date and minutes. */
export function formatTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** The contract's error code and its parameters, for a localized message. */
export function errorText(
  t: (key: string, params?: Record<string, string | number>) => string,
  error: { code: string; params?: Record<string, string | number> } | unknown,
): string {
  if (error instanceof ApiError) return t(`errors:codes.${error.code}`, error.params);
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') {
    const params = 'params' in error ? (error.params as Record<string, string | number> | undefined) : undefined;
    return t(`errors:codes.${error.code}`, params ?? {});
  }
  return t('errors:codes.INTERNAL');
}
