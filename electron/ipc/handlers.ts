import type { Handlers } from './dispatch';
import { type AppHandlerDeps, appHandlers } from './handlers/app';
import { type KeysHandlerDeps, keysHandlers } from './handlers/keys';
import { type PackagesHandlerDeps, packagesHandlers } from './handlers/packages';

/** Everything the handlers need, built by the composition root (or the e2e harness). */
export type HandlerDeps = AppHandlerDeps & KeysHandlerDeps & PackagesHandlerDeps;

/** One handler per contract channel; each feature contributes its own slice. */
export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    ...appHandlers(deps),
    ...keysHandlers(deps),
    ...packagesHandlers(deps),
  } satisfies Handlers;
}
