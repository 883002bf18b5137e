import type { Handlers } from './dispatch';
import { type AppHandlerDeps, appHandlers } from './handlers/app';
import { type DocumentHandlerDeps, documentHandlers } from './handlers/documents';
import { type EvidenceHandlerDeps, evidenceHandlers } from './handlers/evidence';
import { type KeysHandlerDeps, keysHandlers } from './handlers/keys';
import { type PackagesHandlerDeps, packagesHandlers } from './handlers/packages';
import { type RegistryHandlerDeps, registryHandlers } from './handlers/registry';

/** Everything the handlers need, built by the composition root (or the e2e harness). */
export type HandlerDeps = AppHandlerDeps &
  DocumentHandlerDeps &
  RegistryHandlerDeps &
  EvidenceHandlerDeps &
  KeysHandlerDeps &
  PackagesHandlerDeps;

/** One handler per contract channel; each feature contributes its own slice. */
export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    ...appHandlers(deps),
    ...documentHandlers(deps),
    ...registryHandlers(deps),
    ...evidenceHandlers(deps),
    ...keysHandlers(deps),
    ...packagesHandlers(deps),
  } satisfies Handlers;
}
