/// <reference lib="webworker" />
import {
  type DemoWorkerReply,
  type DemoWorkerRequest,
  demoDossierContext,
  demoRegistryOf,
  generateDossierBatch,
} from '../../../shared/demo/dossier-batches';
import type { DemoDossierContext } from '../../../shared/demo/dossiers';

// The demo seed's generator (demo-source.ts): batches are asked for in order and
// generated one after another, so dossier numbers are given out as inline.
let context: DemoDossierContext | undefined;

const reply = (message: DemoWorkerReply) => postMessage(message);

addEventListener('message', (event: MessageEvent<DemoWorkerRequest>) => {
  const request = event.data;
  try {
    if (request.type === 'start') {
      context = demoDossierContext(request.params, demoRegistryOf(request.params));
      return;
    }
    if (!context) throw new Error('The demo generator was not started');
    const started = performance.now();
    const records = generateDossierBatch(context, request.from, request.to);
    reply({ type: 'batch', from: request.from, records, ms: performance.now() - started });
  } catch (error) {
    reply({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
