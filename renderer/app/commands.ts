import { useEffect } from 'react';
import type { MenuCommand } from '../../shared/ipc/events';

type Listener = () => void;
const listeners = new Map<MenuCommand, Set<Listener>>();

/**
 * Application commands arrive from the menu (via the main process) or from keyboard
 * shortcuts; pages register for the ones they handle (the open form handles "save").
 */
export function emitCommand(command: MenuCommand): boolean {
  const set = listeners.get(command);
  if (!set || set.size === 0) return false;
  // The most recently registered listener is the innermost page: it alone handles it.
  const last = [...set].at(-1);
  last?.();
  return true;
}

export function useCommand(command: MenuCommand, listener: Listener | undefined): void {
  useEffect(() => {
    if (!listener) return;
    let set = listeners.get(command);
    if (!set) {
      set = new Set();
      listeners.set(command, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }, [command, listener]);
}

/** Ctrl/Cmd + key shortcuts owned by the renderer (the menu only displays them). */
const SHORTCUTS: Record<string, MenuCommand> = { n: 'new', f: 'search', s: 'save', ',': 'settings' };

export function shortcutFor(event: KeyboardEvent): MenuCommand | undefined {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return undefined;
  return SHORTCUTS[event.key.toLowerCase()];
}
