import { describe, expect, it, vi } from 'vitest';
import { hardenWebContents, installPermissionHandlers } from '../../../electron/main/security';

type Listener = (event: { url: string; preventDefault: () => void }) => void;

function fakeContents(url = 'app://desk/index.html') {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  return {
    on: (name: string, fn: Listener) => listeners.set(name, fn),
    setWindowOpenHandler: (fn: typeof openHandler) => {
      openHandler = fn;
    },
    getURL: () => url,
    fire(name: string, target: string) {
      const event = { url: target, preventDefault: vi.fn() };
      listeners.get(name)?.(event);
      return event.preventDefault;
    },
    open: (target: string) => openHandler?.({ url: target }),
  };
}

describe('window hardening', () => {
  it('refuses navigation away from the app and allows app:// pages', () => {
    const contents = fakeContents();
    hardenWebContents(contents as never);
    expect(contents.fire('will-navigate', 'https://example.com/phish')).toHaveBeenCalled();
    expect(contents.fire('will-navigate', 'file:///etc/passwd')).toHaveBeenCalled();
    expect(contents.fire('will-redirect', 'http://localhost:8080/')).toHaveBeenCalled();
    expect(contents.fire('will-navigate', 'app://desk/index.html#/dossiers')).not.toHaveBeenCalled();
    expect(contents.fire('will-attach-webview', 'app://desk/x')).toHaveBeenCalled();
  });

  it('denies every new window, even one for the app itself', () => {
    const contents = fakeContents();
    hardenWebContents(contents as never);
    expect(contents.open('https://example.com')).toEqual({ action: 'deny' });
    expect(contents.open('app://desk/index.html')).toEqual({ action: 'deny' });
  });

  it('allows the dev server only when one is configured', () => {
    const contents = fakeContents();
    hardenWebContents(contents as never, 'http://localhost:5173');
    expect(contents.fire('will-navigate', 'http://localhost:5173/')).not.toHaveBeenCalled();
    const prod = fakeContents();
    hardenWebContents(prod as never);
    expect(prod.fire('will-navigate', 'http://localhost:5173/')).toHaveBeenCalled();
  });
});

describe('permissions', () => {
  function install() {
    let request: ((c: unknown, p: string, cb: (ok: boolean) => void, d: unknown) => void) | undefined;
    let check: ((c: unknown, p: string, origin: string, d: unknown) => boolean) | undefined;
    const downloads: ((event: { preventDefault: () => void }) => void)[] = [];
    const session = {
      setPermissionRequestHandler: (fn: typeof request) => {
        request = fn;
      },
      setPermissionCheckHandler: (fn: typeof check) => {
        check = fn;
      },
      on: (_name: string, fn: (typeof downloads)[number]) => downloads.push(fn),
    };
    installPermissionHandlers(session as never);
    const ask = (permission: string, url = 'app://desk/index.html') => {
      let granted: boolean | undefined;
      request?.(
        { getURL: () => url },
        permission,
        (ok) => {
          granted = ok;
        },
        {},
      );
      return granted;
    };
    return { ask, check: (p: string, origin: string) => check?.(null, p, origin, {}), downloads };
  }

  it('denies by default: camera, location, notifications, USB, anything unknown', () => {
    const { ask } = install();
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'midi',
      'openExternal',
      'fileSystem',
      'unknown',
    ]) {
      expect(ask(permission), permission).toBe(false);
    }
  });

  it('grants clipboard writing only to the app itself', () => {
    const { ask, check } = install();
    expect(ask('clipboard-sanitized-write')).toBe(true);
    expect(ask('clipboard-sanitized-write', 'https://example.com/')).toBe(false);
    expect(check('clipboard-sanitized-write', 'app://desk')).toBe(true);
    expect(check('clipboard-read', 'app://desk')).toBe(false);
  });

  it('cancels downloads', () => {
    const { downloads } = install();
    const event = { preventDefault: vi.fn() };
    for (const fn of downloads) fn(event);
    expect(event.preventDefault).toHaveBeenCalled();
  });
});
