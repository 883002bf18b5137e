import { describe, expect, it } from 'vitest';
import { bigrams, jaccard, likelyDuplicates, textSimilarity } from '../../../shared/clues/similarity';

const base = {
  title: '反映县市场监管局对小餐馆顶格罚款',
  content: '市民来电反映，青山县市场监督管理局对城关镇一家小餐馆首次违法即处以顶格罚款五万元，未说明裁量理由。',
  subjectIds: ['s-market'],
  supervisedOrganIds: [],
};

describe('text similarity over character pairs', () => {
  it('ignores punctuation, spaces and width, and is 1 for the same text', () => {
    expect([...bigrams('顶格 罚款！')]).toEqual(['顶格', '格罚', '罚款']);
    expect(textSimilarity('ＡＢＣ，abc', 'abcabc')).toBe(1);
    expect(jaccard(new Set(), new Set())).toBe(0);
    expect(textSimilarity('一', '一')).toBe(1);
  });

  it('scores a retelling of the same matter well above an unrelated complaint', () => {
    const retold = '群众反映：县市场监督管理局对城关镇小餐馆第一次违法就顶格罚款5万元，没有说明理由。';
    const other = '企业反映县交通运输执法大队在高速路口重复检查货车，影响正常经营。';
    const same = textSimilarity(base.content, retold);
    const unrelated = textSimilarity(base.content, other);
    expect(same).toBeGreaterThan(0.3);
    expect(unrelated).toBeLessThan(0.15);
  });
});

describe('likely duplicates at registration', () => {
  const existing = [
    {
      id: 'c-retold',
      title: '小餐馆被顶格罚款',
      content: '群众反映：青山县市场监督管理局对城关镇一家小餐馆首次违法就处以顶格罚款五万元，未说明理由。',
      subjectIds: ['s-market'],
      supervisedOrganIds: [],
    },
    {
      id: 'c-other-subject',
      title: base.title,
      content: base.content,
      subjectIds: ['s-transport'],
      supervisedOrganIds: [],
    },
    {
      id: 'c-same-subject-other-matter',
      title: '市场监管局执法人员未出示证件',
      content: '商户反映市场监管局执法人员检查时未出示执法证件，态度粗暴。',
      subjectIds: ['s-market'],
      supervisedOrganIds: [],
    },
  ];

  it('points out a clue on the same subject that reads alike, and nothing on another subject', () => {
    const hints = likelyDuplicates(base, existing);
    expect(hints.map((h) => h.id)).toEqual(['c-retold']);
    expect(hints[0]?.sharedSubjectIds).toEqual(['s-market']);
  });

  it('matches on the same enterprise by credit code even without a subject in common', () => {
    const code = '91350100M000100Y43';
    const hints = likelyDuplicates({ ...base, subjectIds: [], creditCode: code }, [
      { ...existing[0], id: 'c-firm', subjectIds: [], creditCode: code } as (typeof existing)[number],
      { ...existing[0], id: 'c-no-code', subjectIds: [] } as (typeof existing)[number],
    ]);
    expect(hints.map((h) => [h.id, h.sameEnterprise])).toEqual([['c-firm', true]]);
  });

  it('leaves out the clue itself and honours the threshold', () => {
    expect(likelyDuplicates({ ...base, id: 'c-retold' }, existing)).toEqual([]);
    expect(likelyDuplicates(base, existing, { threshold: 0.99 })).toEqual([]);
  });
});
