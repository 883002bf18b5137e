import { WarningFilled } from '@ant-design/icons';
import { Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../shared/format/bytes';
import { call } from '../api/client';

interface StorageInfo {
  free: number;
  total: number;
  used: number | null;
  persisted: boolean;
}

/** Low when less than 2 GiB or 5 % of the disk is left: time to warn before work fails. */
export function isDiskLow(free: number, total: number): boolean {
  return free < 2 * 1024 ** 3 || (total > 0 && free / total < 0.05);
}

async function readStorage(): Promise<StorageInfo> {
  const [disk, estimate, persisted] = await Promise.all([
    call('storage.status'),
    navigator.storage?.estimate?.().catch(() => undefined),
    navigator.storage?.persisted?.().catch(() => false) ?? false,
  ]);
  return { ...disk, used: estimate?.usage ?? null, persisted };
}

/** Disk space in the status bar, with a warning before it runs out. */
export function StorageStatus() {
  const { t } = useTranslation('shell');
  const [info, setInfo] = useState<StorageInfo | null>(null);

  useEffect(() => {
    let alive = true;
    // Ask once for persistent storage so Chromium never evicts the office's records.
    void navigator.storage?.persist?.().catch(() => false);
    const refresh = () =>
      readStorage().then(
        (next) => alive && setInfo(next),
        () => undefined,
      );
    void refresh();
    const timer = setInterval(refresh, 60_000);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, []);

  if (!info) return null;
  const low = isDiskLow(info.free, info.total);
  const details = [
    info.used !== null ? t('status.dataUsage', { used: formatBytes(info.used) }) : null,
    info.persisted ? t('status.persisted') : t('status.notPersisted'),
  ].filter(Boolean);
  return (
    <Tooltip title={details.join(' ')}>
      <span data-testid="disk-status" style={low ? { color: '#c0392b', fontWeight: 600 } : undefined}>
        {low && <WarningFilled style={{ marginRight: 4 }} />}
        {low
          ? t('status.diskLow', { free: formatBytes(info.free) })
          : t('status.diskFree', { free: formatBytes(info.free) })}
      </span>
    </Tooltip>
  );
}
