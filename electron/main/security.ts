import type { Session, WebContents } from 'electron';
import { isAppUrl } from './app-url';

/**
 * Applied to every webContents the app creates: no navigation away from the app, no
 * new windows, no <webview>. In-app routing uses the URL hash, which never navigates.
 */
export function hardenWebContents(contents: WebContents, devServerUrl?: string): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Permissions the app itself uses; everything else is denied. */
const ALLOWED_PERMISSIONS = new Set<string>(['clipboard-sanitized-write']);

export function installPermissionHandlers(session: Session, devServerUrl?: string): void {
  session.setPermissionRequestHandler((contents, permission, callback) => {
    callback(ALLOWED_PERMISSIONS.has(permission) && isAppUrl(contents.getURL(), devServerUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => {
    return ALLOWED_PERMISSIONS.has(permission) && isAppUrl(requestingOrigin, devServerUrl);
  });
  // Nothing in the app downloads; a drag-dropped link must not start one.
  session.on('will-download', (event) => event.preventDefault());
}
