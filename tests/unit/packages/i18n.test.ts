import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, translate } from '../../../shared/i18n';
import { ERROR_CODES } from '../../../shared/ipc/errors';

const repoRoot = join(import.meta.dirname, '../../..');

describe('messages for packages, keys and trust', () => {
  it('has a Chinese and an English message for every error code', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const codes = CATALOGUES[locale].errors.codes as Record<string, string>;
      const missing = ERROR_CODES.filter((code) => typeof codes[code] !== 'string' || codes[code].length === 0);
      expect(missing, locale).toEqual([]);
    }
  });

  it('has every catalogue key the package and key handlers look up', () => {
    const sources = ['electron/ipc/handlers/packages.ts', 'electron/ipc/handlers/keys.ts']
      .map((f) => readFileSync(join(repoRoot, f), 'utf8'))
      .join('\n');
    const keys = [...sources.matchAll(/'(packages\.(?:dialog|fileTypes)\.[A-Za-z]+)'/g)].map((m) => m[1] as string);
    expect(keys.length).toBeGreaterThan(10);
    const phases = ['verifying', 'decrypting', 'encrypting'].map((p) => `packages.progress.${p}`);
    for (const key of [...keys, ...phases]) {
      for (const locale of ['zh-CN', 'en'] as const) expect(translate(locale, key), `${locale} ${key}`).not.toBe(key);
    }
  });

  it('fills the parameters services send into the message', () => {
    expect(translate('zh-CN', 'errors.codes.PKG_CHUNK_DAMAGED', { chunk: 3, chunks: 9 })).toBe(
      '交换包第 3 段（共 9 段）已损坏或被改动，请让发送机关重新拷贝。',
    );
    expect(translate('en', 'errors.codes.PKG_WRONG_RECIPIENT', { organ: '江州市司法局 (330100)' })).toContain(
      '江州市司法局 (330100)',
    );
  });
});
