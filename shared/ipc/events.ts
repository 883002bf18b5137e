import type { Locale } from '../domain/locale';
import type { EventName } from './channels';

/** Commands the application menu sends to the focused window. */
export const MENU_COMMANDS = ['new', 'search', 'save', 'settings', 'about', 'navigate'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export interface OperationProgress {
  /** Id chosen by the renderer when it started the operation. */
  opId: string;
  /** Catalogue key of the current phase, e.g. "progress.hashing". */
  phase: string;
  done: number;
  total: number;
}

export interface EventPayloads {
  'op.progress': OperationProgress;
  'menu.command': { command: MenuCommand; target?: string };
  'settings.changed': { locale: Locale };
}

export type EventPayload<E extends EventName> = EventPayloads[E];
