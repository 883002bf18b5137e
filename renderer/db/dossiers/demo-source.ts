import {
  type DemoBatchParams,
  type DemoWorkerReply,
  type DemoWorkerRequest,
  demoDossierContext,
  generateDossierBatch,
} from '../../../shared/demo/dossier-batches';
import type { GeneratedDossier } from '../../../shared/demo/dossiers';
import type { DemoRegistry } from '../../../shared/demo/registry';

/** Where a demo seed's dossiers come from, batch by batch, in order. */
export interface DemoDossierSource {
  /** The next batch, or null once all `count` dossiers are given. */
  next(): Promise<GeneratedDossier[] | null>;
  close(): void;
}

export type OpenDemoSource = (params: DemoBatchParams, registry: DemoRegistry, batch: number) => DemoDossierSource;

/** Generates each batch when asked, on the calling thread (tests; browsers without workers). */
export const inlineDemoSource: OpenDemoSource = (params, registry, batch) => {
  const context = demoDossierContext(params, registry);
  let from = 0;
  return {
    async next() {
      if (from >= params.count) return null;
      const to = Math.min(params.count, from + batch);
      const records = generateDossierBatch(context, from, to);
      from = to;
      return records;
    },
    close() {},
  };
};

/** The part of a Worker the source uses (tests give a fake). */
export interface DemoWorker {
  postMessage(message: DemoWorkerRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<DemoWorkerReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/**
 * Generates in a worker, two batches ahead of the writer: generating a dossier's
 * history and sealing its hash chain costs about as much as storing it, and the two
 * then run side by side on two cores.
 */
export const workerSourceWith =
  (spawn: () => DemoWorker): OpenDemoSource =>
  (params, _registry, batch) => {
    const worker = spawn();
    const arrived = new Map<number, GeneratedDossier[]>();
    const waiting = new Map<number, { resolve(records: GeneratedDossier[]): void; reject(error: Error): void }>();
    let failure: Error | null = null;
    let asked = 0;
    let taken = 0;
    const fail = (error: Error) => {
      failure ??= error;
      for (const w of waiting.values()) w.reject(error);
      waiting.clear();
    };
    const ask = () => {
      if (asked >= params.count) return;
      const to = Math.min(params.count, asked + batch);
      worker.postMessage({ type: 'batch', from: asked, to });
      asked = to;
    };
    worker.onmessage = (event: MessageEvent<DemoWorkerReply>) => {
      const reply = event.data;
      if (reply.type === 'error') return fail(new Error(reply.message));
      const waiter = waiting.get(reply.from);
      if (waiter) {
        waiting.delete(reply.from);
        waiter.resolve(reply.records);
      } else {
        arrived.set(reply.from, reply.records);
      }
    };
    worker.onerror = (event) => fail(new Error(event.message || 'The demo generator stopped'));
    worker.postMessage({ type: 'start', params });
    ask();
    ask();
    return {
      next() {
        if (failure) return Promise.reject(failure);
        if (taken >= params.count) return Promise.resolve(null);
        const from = taken;
        taken = Math.min(params.count, taken + batch);
        ask();
        const ready = arrived.get(from);
        if (ready) {
          arrived.delete(from);
          return Promise.resolve(ready);
        }
        return new Promise((resolve, reject) => waiting.set(from, { resolve, reject }));
      },
      close() {
        worker.terminate();
      },
    };
  };

export const workerDemoSource = workerSourceWith(
  () => new Worker(new URL('./demo.worker.ts', import.meta.url), { type: 'module', name: 'demo-generator' }),
);
