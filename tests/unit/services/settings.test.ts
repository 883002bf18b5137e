import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { describe, expect, it } from 'vitest';
import { SETTINGS_DEFAULTS, type SettingsSchema, SettingsService } from '../../../electron/services/settings';

// The service runs over `conf` here exactly as over electron-store in the app.
function open(dir = mkdtempSync(join(tmpdir(), 'desk-settings-'))) {
  const store = new Conf<SettingsSchema>({ cwd: dir, configName: 'settings', defaults: SETTINGS_DEFAULTS });
  return { dir, service: new SettingsService(store) };
}

const office = {
  name: '青山县司法局',
  shortName: '青司',
  level: 'county' as const,
  kind: 'judicial' as const,
  divisionCode: '330104',
  superior: { name: '江州市司法局', divisionCode: '330100' },
};

describe('settings', () => {
  it('starts in Chinese with no office and no window state', () => {
    const { service } = open();
    expect(service.locale()).toBe('zh-CN');
    expect(service.office()).toBeNull();
    expect(service.windowState()).toBeNull();
  });

  it('keeps locale, office and window state across a reopen', () => {
    const { dir, service } = open();
    service.setLocale('en');
    service.setOffice(office);
    service.setWindowState({ x: 5, y: 6, width: 1300, height: 900, maximized: false });
    const again = open(dir).service;
    expect(again.locale()).toBe('en');
    expect(again.office()).toEqual(office);
    expect(again.windowState()).toEqual({ x: 5, y: 6, width: 1300, height: 900, maximized: false });
  });

  it('falls back to defaults when the file was edited into nonsense', () => {
    const { dir, service } = open();
    service.setOffice(office);
    const path = join(dir, 'settings.json');
    const raw = JSON.parse(readFileSync(path, 'utf8'));
    writeFileSync(
      path,
      JSON.stringify({
        ...raw,
        locale: 'klingon',
        office: { ...office, divisionCode: 'abc' },
        windowState: { width: 'big' },
      }),
    );
    const again = open(dir).service;
    expect(again.locale()).toBe('zh-CN');
    expect(again.office()).toBeNull();
    expect(again.windowState()).toBeNull();
  });
});
