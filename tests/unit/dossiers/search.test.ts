import { describe, expect, it } from 'vitest';
import {
  bigramTerm,
  decodePostings,
  encodePostings,
  highlightRanges,
  intersectSorted,
  parseQuery,
  splitByRanges,
  termsOf,
  unionSorted,
} from '../../../shared/search';

const cp = (s: string) => s.codePointAt(0) as number;
const bi = (s: string) => bigramTerm(cp(s.charAt(0)), cp(s.charAt(1)));

describe('index terms', () => {
  it('indexes Chinese as overlapping bigrams, words lower-cased, full-width folded', () => {
    const terms = termsOf(['未告知听证权利 Evergreen Ｌｏｇｉｓｔｉｃｓ １２３４５热线']);
    for (const b of ['未告', '告知', '知听', '听证', '证权', '权利', '热线']) expect(terms.has(bi(b)), b).toBe(true);
    expect(terms.has('evergreen')).toBe(true);
    expect(terms.has('logistics')).toBe(true);
    expect(terms.has('12345')).toBe(true);
    expect(terms.has(bi('利E'))).toBe(false);
    // Packed bigrams are small integers; a bigram outside the packed block is a string.
    expect(Number.isInteger(bi('听证')) && (bi('听证') as number) < 2 ** 30).toBe(true);
    expect(termsOf(['𠀀𠀁']).has('𠀀𠀁')).toBe(true);
  });

  it('keeps a lone character, so 号 in 青司监〔2026〕12号 can be found', () => {
    const terms = termsOf(['青司监〔2026〕12号']);
    expect([...terms]).toEqual([bi('青司'), bi('司监'), '2026', '12', -cp('号')]);
  });

  it('a two-character Chinese query becomes the one bigram; English words match by prefix', () => {
    expect(parseQuery('听证')).toEqual([{ kind: 'cjk', text: '听证', terms: [bi('听证')] }]);
    expect(parseQuery('  综合执法 Rectif 2026 ')).toEqual([
      { kind: 'cjk', text: '综合执法', terms: [bi('综合'), bi('合执'), bi('执法')] },
      { kind: 'word', text: 'rectif', prefix: true },
      { kind: 'word', text: '2026', prefix: false },
    ]);
    expect(parseQuery('县')).toEqual([{ kind: 'cjkChar', text: '县', codePoint: cp('县') }]);
    expect(parseQuery('，。！')).toEqual([]);
  });
});

describe('postings', () => {
  it('round-trips ascending numbers through gap varints', () => {
    const list = [0, 1, 2, 127, 128, 300, 16_384, 2_000_000, 4_000_000_000];
    expect(decodePostings(encodePostings(list))).toEqual(list);
    expect(encodePostings([5, 6, 7]).length).toBe(3);
  });

  it('intersects lists', () => {
    expect(
      intersectSorted([
        [1, 3, 5, 7, 9],
        [3, 4, 5, 9],
        [0, 3, 9, 12],
      ]),
    ).toEqual([3, 9]);
    expect(intersectSorted([[1, 2], []])).toEqual([]);
  });

  it('unites lists without repeating a number', () => {
    expect(unionSorted([[1, 5, 9], [2, 5, 10], [], [0, 9], [11]])).toEqual([0, 1, 2, 5, 9, 10, 11]);
    const only = [3, 4];
    const united = unionSorted([only]);
    expect(united).toEqual([3, 4]);
    united.push(5);
    expect(only).toEqual([3, 4]);
  });
});

describe('highlighting', () => {
  it('marks whole matches, case-insensitively, in the original text', () => {
    const text = '青山县市场监管局未告知听证权利，Evergreen 物流';
    const ranges = highlightRanges(text, parseQuery('听证 evergreen'));
    expect(
      splitByRanges(text, ranges)
        .filter((p) => p.hit)
        .map((p) => p.text),
    ).toEqual(['听证', 'Evergreen']);
  });

  it('marks the bigrams of a phrase that only matched in pieces', () => {
    const text = '综合行政执法队';
    const ranges = highlightRanges(text, parseQuery('综合执法'));
    expect(
      splitByRanges(text, ranges)
        .filter((p) => p.hit)
        .map((p) => p.text),
    ).toEqual(['综合', '执法']);
  });
});

describe('dense posting lists', () => {
  it('keep every value as a bitmap, and a bitmap only where it is no larger than the list', async () => {
    const { bitmapHas, bitmapValues, encodeBitmap, worthABitmap } = await import('../../../shared/search/postings');
    const values = [0, 7, 8, 9, 63, 64, 1000];
    const bits = encodeBitmap(values);
    expect(bitmapValues(bits)).toEqual(values);
    expect(bitmapHas(bits, 9)).toBe(true);
    expect(bitmapHas(bits, 10)).toBe(false);
    expect(bitmapHas(bits, 5000)).toBe(false);
    expect(worthABitmap(20_000, 99_999)).toBe(true);
    expect(worthABitmap(300, 99_999)).toBe(false);
  });
});
