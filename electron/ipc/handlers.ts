import type { Handlers } from './dispatch';
import { type AppHandlerDeps, appHandlers } from './handlers/app';

/** Everything the handlers need, built by the composition root (or the e2e harness). */
export type HandlerDeps = AppHandlerDeps;

/** One handler per contract channel; each feature contributes its own slice. */
export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    ...appHandlers(deps),
  } satisfies Handlers;
}
