import { describe, expect, it } from 'vitest';
import { findClassifiedMarking } from '../../../shared/domain/dossier';
import { formatDossierNumber, parseDossierNumber } from '../../../shared/dossiers/numbering';

describe('dossier numbers', () => {
  it('writes 卷宗号 with hexagonal brackets and no leading zeros', () => {
    expect(formatDossierNumber('青司', 2026, 12)).toBe('青司监〔2026〕12号');
    expect(parseDossierNumber('青司监〔2026〕12号')).toEqual({ shortName: '青司', year: 2026, sequence: 12 });
    expect(parseDossierNumber('青司监〔2026〕012号')).toBeNull();
    expect(parseDossierNumber('青司监[2026]12号')).toBeNull();
    expect(() => formatDossierNumber('青司', 2026, 0)).toThrow();
  });
});

describe('classified matter', () => {
  it('recognises classification markings and ignores ordinary use of the words', () => {
    expect(findClassifiedMarking('机密★5年\n关于……')).toBe('机密');
    expect(findClassifiedMarking('秘密 ★ 1年')).toBe('秘密');
    expect(findClassifiedMarking('绝密\n正文')).toBe('绝密');
    expect(findClassifiedMarking('当事人泄露商业秘密的行为未依法处理')).toBeNull();
    expect(findClassifiedMarking('保守国家秘密法')).toBeNull();
  });
});
