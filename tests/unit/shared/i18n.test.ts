import { describe, expect, it } from 'vitest';
import { CATALOGUES, translate } from '../../../shared/i18n';
import { ERROR_CODES } from '../../../shared/ipc/errors';

function leaves(node: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  const zh = leaves(CATALOGUES['zh-CN']);
  const en = leaves(CATALOGUES.en);

  it('have the same keys in Chinese and English', () => {
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it('have no empty messages and the same placeholders in both languages', () => {
    for (const [key, text] of zh) {
      expect(text.trim(), key).not.toBe('');
      expect(en.get(key)?.trim(), key).not.toBe('');
      expect(placeholders(en.get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('keep Chinese out of the English catalogue, except the notation of official documents', () => {
    // Heading markers 一、（一）, numbers like 〔2026〕3号 and the holiday calendar's
    // 休/班 day marks are notation the clerk types or reads, not language.
    const notation = /[一、（）〔〕号休班]/g;
    for (const [key, text] of en) {
      expect(text.replace(notation, ''), key).not.toMatch(/[\u3400-\u9fff]/);
    }
  });

  it('explain every error code in both languages', () => {
    for (const code of ERROR_CODES) {
      expect(zh.has(`errors.codes.${code}`), code).toBe(true);
      expect(en.has(`errors.codes.${code}`), code).toBe(true);
    }
  });

  it('fills placeholders for the main process', () => {
    expect(translate('en', 'shell.about.version', { version: '1.2.3' })).toBe('Version 1.2.3');
    expect(translate('zh-CN', 'menu.file')).toBe('文件');
    expect(translate('en', 'no.such.key')).toBe('no.such.key');
  });
});
