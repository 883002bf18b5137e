import { describe, expect, it } from 'vitest';
import { type DemoWorker, inlineDemoSource, workerSourceWith } from '../../../renderer/db/dossiers/demo-source';
import { DEFAULT_HOLIDAY_YEARS } from '../../../shared/calendar';
import {
  type DemoBatchParams,
  type DemoWorkerReply,
  type DemoWorkerRequest,
  demoDossierContext,
  demoRegistryOf,
  generateDossierBatch,
} from '../../../shared/demo/dossier-batches';
import type { GeneratedDossier } from '../../../shared/demo/dossiers';
import { DEFAULT_WORKFLOW_SETTINGS } from '../../../shared/workflow';

const params: DemoBatchParams = {
  seed: 5,
  at: '2026-11-27T01:00:00.000Z',
  today: '2026-11-27',
  spanDays: 400,
  count: 10,
  office: { shortName: '青司', divisionCode: '330122' },
  holidayYears: DEFAULT_HOLIDAY_YEARS,
  settings: DEFAULT_WORKFLOW_SETTINGS,
  counters: [],
};

/** A worker run on this thread; replies are held until the test releases them, in any order. */
class FakeWorker implements DemoWorker {
  onmessage: ((event: MessageEvent<DemoWorkerReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  readonly held: DemoWorkerReply[] = [];
  private context: ReturnType<typeof demoDossierContext> | undefined;

  postMessage(message: DemoWorkerRequest): void {
    if (message.type === 'start') {
      // Through a structured clone, as a real worker receives it.
      const p = structuredClone(message.params);
      this.context = demoDossierContext(p, demoRegistryOf(p));
      return;
    }
    const records = generateDossierBatch(this.context as NonNullable<typeof this.context>, message.from, message.to);
    this.held.push({ type: 'batch', from: message.from, records, ms: 1 });
  }

  release(index: number): void {
    const [reply] = this.held.splice(index, 1);
    this.onmessage?.({ data: structuredClone(reply) } as MessageEvent<DemoWorkerReply>);
  }

  terminate(): void {
    this.terminated = true;
  }
}

async function drain(next: () => Promise<GeneratedDossier[] | null>): Promise<GeneratedDossier[]> {
  const out: GeneratedDossier[] = [];
  for (let batch = await next(); batch; batch = await next()) out.push(...batch);
  return out;
}

describe('demo dossier sources', () => {
  it('the worker gives the same dossiers, in order, as inline generation, whatever order its replies come in', async () => {
    const registry = demoRegistryOf(params);
    const inline = await drain(inlineDemoSource(params, registry, 3).next);

    const fake = new FakeWorker();
    const source = workerSourceWith(() => fake)(params, registry, 3);
    // Two batches are asked for at once; the second answers first.
    expect(fake.held.map((r) => r.type === 'batch' && r.from)).toEqual([0, 3]);
    fake.release(1);
    const first = source.next();
    fake.release(0);
    const got = [...((await first) ?? [])];
    for (;;) {
      const pending = source.next();
      while (fake.held.length > 0) fake.release(fake.held.length - 1);
      const batch = await pending;
      if (!batch) break;
      got.push(...batch);
    }
    expect(got.map((g) => g.dossier.number)).toEqual(inline.map((g) => g.dossier.number));
    expect(got).toEqual(inline);
    source.close();
    expect(fake.terminated).toBe(true);
  });

  it('a failing worker rejects the batch the writer waits for, and every later one', async () => {
    const fake = new FakeWorker();
    const source = workerSourceWith(() => fake)(params, demoRegistryOf(params), 4);
    const waiting = source.next();
    fake.onerror?.({ message: 'out of memory' } as ErrorEvent);
    await expect(waiting).rejects.toThrow('out of memory');
    await expect(source.next()).rejects.toThrow('out of memory');
  });
});
