import { describe, expect, it } from 'vitest';
import { clueDraftSchema } from '../../../shared/clues/clue';
import { creditCodeCheckChar } from '../../../shared/enterprise/credit-code';
import { clueDraftFromFlag, flagKey } from '../../../shared/enterprise/flag-clue';
import {
  DEFAULT_INSPECTION_RULES,
  type EnterpriseInspection,
  flagInspections,
} from '../../../shared/enterprise/inspections';
import { clueOverdue, countsByWorkKind, dossierOverdue, summarize } from '../../../shared/followup/overdue';
import { dossierIn, finding } from '../dossiers/workflow-fixtures';
import { clue } from './fixtures';

describe('overdue work', () => {
  it('names what is late on a dossier: rectification by finding count, and a review decision', () => {
    const d = dossierIn('review_requested');
    const due = (date: string) => ({ from: '2026-11-23', days: 10, unit: 'calendar' as const, due: date });
    const items = dossierOverdue(
      d,
      [
        finding({ id: 'a', deadline: due('2026-12-03') }),
        finding({ id: 'b', deadline: due('2026-12-10') }),
        finding({ id: 'c', deadline: due('2027-01-10') }),
        finding({ id: 'd', deadline: due('2026-12-01'), rectificationStatus: 'verified' }),
      ],
      '2026-12-20',
    );
    expect(items).toEqual([
      { kind: 'rectification', due: '2026-12-03', days: 17, count: 2 },
      { kind: 'review_decision', due: '2026-12-16', days: 4, count: 1 },
    ]);
    expect(dossierOverdue(dossierIn('closed'), [finding({ deadline: due('2026-12-01') })], '2026-12-20')).toEqual([]);
  });

  it('groups catalogue counts per status into kinds of work, and clue deadlines by kind', () => {
    expect(
      countsByWorkKind({ rectifying: 3, verifying: 1, referred: 2, investigating: 4, review_requested: 1 }),
    ).toEqual({ rectification: 4, handling: 4, referral_reply: 2, review_decision: 1 });
    expect(clueOverdue(clue(), '2026-11-20')).toEqual({ kind: 'clue_assessment', due: '2026-11-16', days: 4 });
    expect(clueOverdue(clue(), '2026-11-16')).toBeNull();
    expect(clueOverdue(clue({ status: 'referred', replyDue: '2026-12-11' }), '2026-12-12')).toMatchObject({
      kind: 'clue_referral_reply',
    });
    expect(summarize({ rectification: 1, handling: 0, referral_reply: 0, review_decision: 2 }, 3, 1).total).toBe(7);
  });
});

describe('an inspection flag becomes a clue', () => {
  const code = (first17: string) => `${first17}${creditCodeCheckChar(first17)}`;
  const ACME = code('91330104MA2B3C4D5');
  const make = (id: string, date: string, over: Partial<EnterpriseInspection> = {}): EnterpriseInspection => ({
    id,
    date,
    enterpriseName: '青山精密机械有限公司',
    creditCode: ACME,
    subjectId: 's-market',
    field: 'market_regulation',
    purpose: '双随机抽查',
    joint: false,
    concerns: [],
    ...over,
  });
  const inspections = [make('i1', '2026-03-02'), make('i2', '2026-03-20'), make('i3', '2026-04-10')];

  it('with the enterprise, the subjects and every inspection, and a key that survives a later inspection', () => {
    const [flag] = flagInspections(inspections, DEFAULT_INSPECTION_RULES);
    if (!flag) throw new Error('no flag');
    const names = new Map([['s-market', '青山县市场监督管理局']]);
    const draft = clueDraftSchema.parse(clueDraftFromFlag(flag, inspections, names, '2026-04-15'));
    expect(draft).toMatchObject({
      source: 'self_found',
      proposedKind: 'enterprise',
      creditCode: ACME,
      enterpriseName: '青山精密机械有限公司',
      subjectIds: ['s-market'],
      origin: { kind: 'inspection_flag', flagKey: flagKey(flag), inspectionIds: ['i1', 'i2', 'i3'] },
    });
    expect(draft.title).toBe('青山精密机械有限公司在2026年3月2日至2026年4月10日期间被市场监管领域检查3次');
    expect(draft.content).toContain('3. 2026年4月10日，青山县市场监督管理局，双随机抽查');
    const later = flagInspections([...inspections, make('i4', '2026-04-20')], DEFAULT_INSPECTION_RULES)[0];
    expect(later && flagKey(later)).toBe(flagKey(flag));
  });
});
