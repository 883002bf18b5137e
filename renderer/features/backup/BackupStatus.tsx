import { WarningFilled } from '@ant-design/icons';
import { Tooltip } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { call } from '../../api/client';

type Status = ChannelOutput<'backup.status'>;

const CHECK_EVERY_MS = 5 * 60_000;
/** Dispatched on window by Settings → Backup after a manual backup, so the status bar updates at once. */
export const BACKUP_STATUS_CHANGED = 'desk:backup-status-changed';

/**
 * The last successful backup in the status bar, with a warning once it is older than
 * the schedule allows. It also runs automatic backups when due: the database lives in
 * this renderer, so the backup can only be made while the app is open. The transfer
 * code (and Dexie) load only when a backup actually runs.
 */
export function BackupStatus() {
  const { t, i18n, ready } = useTranslation('backup', { useSuspense: false });
  const [status, setStatus] = useState<Status | null>(null);
  const [running, setRunning] = useState(false);
  const runningRef = useRef(false);

  useEffect(() => {
    let alive = true;
    const check = async () => {
      let next: Status;
      try {
        next = await call('backup.status');
      } catch {
        return;
      }
      if (!alive) return;
      setStatus(next);
      if (!next.due || runningRef.current) return;
      runningRef.current = true;
      setRunning(true);
      try {
        const { runBackup } = await import('./transfer');
        await runBackup({ opId: `auto-backup-${Date.now().toString(36)}`, mode: 'auto' });
      } catch {
        // Recorded by the main process (lastError) and shown in Settings → Backup.
      } finally {
        runningRef.current = false;
        if (alive) {
          setRunning(false);
          setStatus(await call('backup.status').catch(() => next));
        }
      }
    };
    void check();
    const timer = setInterval(() => void check(), CHECK_EVERY_MS);
    const onChanged = () => void check();
    window.addEventListener(BACKUP_STATUS_CHANGED, onChanged);
    return () => {
      alive = false;
      clearInterval(timer);
      window.removeEventListener(BACKUP_STATUS_CHANGED, onChanged);
    };
  }, []);

  if (!ready || !status) return null;
  if (running) return <span data-testid="backup-status">{t('status.running')}</span>;
  const time = status.lastSuccessAt ? new Date(status.lastSuccessAt).toLocaleString(i18n.language) : null;
  const text = status.stale
    ? t('status.stale', { time: time ?? t('status.never') })
    : time
      ? t('status.last', { time })
      : t('status.never');
  return (
    <Tooltip title={status.lastError ? t('auto.lastError', { error: status.lastError }) : undefined}>
      <span data-testid="backup-status" style={status.stale ? { color: '#c0392b', fontWeight: 600 } : undefined}>
        {status.stale && <WarningFilled style={{ marginRight: 4 }} />}
        {text}
      </span>
    </Tooltip>
  );
}
