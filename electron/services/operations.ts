import { AppError } from '../../shared/ipc/errors';

/**
 * Long work (export, import, batch documents, backup) runs under an opId chosen by the
 * renderer; `ops.cancel` aborts it through this registry.
 */
export class OperationRegistry {
  private readonly running = new Map<string, AbortController>();

  /** Runs `work` with an AbortSignal that `cancel(opId)` trips. */
  async run<T>(opId: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.running.has(opId)) throw new AppError('CONFLICT', `Operation ${opId} is already running`);
    const controller = new AbortController();
    this.running.set(opId, controller);
    try {
      return await work(controller.signal);
    } finally {
      this.running.delete(opId);
    }
  }

  cancel(opId: string): boolean {
    const controller = this.running.get(opId);
    if (!controller) return false;
    controller.abort();
    return true;
  }
}

/** Throws the contract's CANCELLED error if the operation was cancelled. */
export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new AppError('CANCELLED', 'The operation was cancelled');
}
