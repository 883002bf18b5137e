import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';

const electron = await vi.hoisted(async () => (await import('./electron-mock')).createElectronMock());
vi.mock('electron', () => electron.module);

const { registerAppSchemePrivileges, serveRenderer } = await import('../../../electron/main/protocol');
const { resolveAppPath } = await import('../../../electron/main/app-url');
const { CONTENT_SECURITY_POLICY } = await import('../../../shared/security/csp');

describe('app:// scheme', () => {
  const dir = mkdtempSync(join(tmpdir(), 'desk-protocol-'));
  beforeAll(() => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>x</title>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(tmpdir(), 'outside.txt'), 'secret');
    serveRenderer(dir);
  });
  const fetchApp = (url: string) => {
    const handler = electron.protocolHandlers.get('app');
    if (!handler) throw new Error('app:// not handled');
    return handler(new Request(url));
  };

  it('is registered as a standard, secure scheme before ready', () => {
    registerAppSchemePrivileges();
    expect(electron.privileged).toContainEqual(
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    );
  });

  it('serves the renderer with the CSP and the right content type', async () => {
    const response = await fetchApp('app://desk/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('Content-Type')).toContain('text/html');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    const script = await fetchApp('app://desk/assets/app.js');
    expect(script.headers.get('Content-Type')).toContain('text/javascript');
  });

  it('refuses paths that escape the renderer folder and unknown hosts', async () => {
    expect((await fetchApp('app://desk/../outside.txt')).status).toBe(404);
    expect((await fetchApp('app://desk/%2e%2e/outside.txt')).status).toBe(404);
    expect((await fetchApp('app://desk/assets/..%2f..%2foutside.txt')).status).toBe(404);
    expect((await fetchApp('app://other/index.html')).status).toBe(404);
    expect((await fetchApp('app://desk/missing.js')).status).toBe(404);
    expect(resolveAppPath(dir, 'app://desk/a\\..\\..\\outside.txt')).toBeNull();
  });
});

describe('content security policy', () => {
  it('allows no remote origins, no eval and no inline scripts', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
  });
});
