import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { APP_SCHEME, mimeTypeFor, resolveAppPath } from './app-url';
import type { ProtocolRoute } from './evidence-route';

/** Must run before `app` is ready: app:// behaves like https (secure, standard origin). */
export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Serves the built renderer from app://desk/ with the CSP on every response; `routes` answer first. */
export function serveRenderer(rendererDir: string, routes: ProtocolRoute[] = []): void {
  protocol.handle(APP_SCHEME, async (request) => {
    for (const route of routes) {
      const answer = await route(new URL(request.url));
      if (answer) return answer;
    }
    const path = resolveAppPath(rendererDir, request.url);
    if (!path) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(path);
      return new Response(body, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': mimeTypeFor(path) } });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
