import { useCallback, useRef, useState } from 'react';
import { call, onEvent } from '../../api/client';

export interface OperationState {
  /** Catalogue key within `packages`, e.g. "progress.encrypting". */
  phase: string;
  done: number;
  total: number;
}

/**
 * Runs one long main-process operation under a fresh opId, following its progress
 * events, and lets the clerk cancel it.
 */
export function useOperation() {
  const [progress, setProgress] = useState<OperationState | null>(null);
  const [running, setRunning] = useState(false);
  const current = useRef<string | null>(null);

  const run = useCallback(async <T>(work: (opId: string) => Promise<T>): Promise<T> => {
    const opId = `packages-${crypto.randomUUID()}`;
    current.current = opId;
    // The bar appears with the first progress event: not while a save dialog is open.
    setRunning(true);
    const off = onEvent('op.progress', (p) => {
      if (p.opId !== opId) return;
      setProgress({ phase: p.phase.replace(/^packages\./, ''), done: p.done, total: p.total });
    });
    try {
      return await work(opId);
    } finally {
      off();
      current.current = null;
      setRunning(false);
      setProgress(null);
    }
  }, []);

  const cancel = useCallback(() => {
    const opId = current.current;
    if (opId) void call('ops.cancel', { opId });
  }, []);

  return { progress, running, run, cancel };
}

export function percentOf(progress: OperationState): number {
  return progress.total > 0 ? Math.min(100, Math.floor((progress.done / progress.total) * 100)) : 0;
}
