import { describe, expect, it } from 'vitest';
import {
  assessClue,
  assessmentDue,
  clueDeadline,
  DEFAULT_CLUE_SETTINGS,
  isClueOverdue,
  recordReferralReply,
  referralLate,
} from '../../../shared/clues/assessment';
import { clueDraftSchema, formatClueNumber } from '../../../shared/clues/clue';
import { clueReferralSource, dossierDraftFromClue } from '../../../shared/clues/handoff';
import { maskedReporterLine, maskName, maskPhone, maskReporter, redactReporter } from '../../../shared/clues/reporter';
import { dossierDraftSchema } from '../../../shared/dossiers/draft';
import { calendar, clue, clueContext } from './fixtures';

describe('clue registration', () => {
  it('numbers clues in the office style and counts the assessment period in working days', () => {
    expect(formatClueNumber('青司', 2026, 5)).toBe('青司线〔2026〕5号');
    expect(() => formatClueNumber('青司', 2026, 0)).toThrow();
    // Received Monday 2 November 2026: ten working days later is Monday 16 November.
    expect(assessmentDue('2026-11-02', calendar, DEFAULT_CLUE_SETTINGS)).toBe('2026-11-16');
    // Received on the eve of the National Day holiday: the week off does not count.
    expect(assessmentDue('2026-09-30', calendar, DEFAULT_CLUE_SETTINGS) > '2026-10-14').toBe(true);
  });

  it('refuses a bad credit code, a reporter with nothing to reach them by, and classified text', () => {
    const base = {
      source: 'enterprise_appeal',
      receivedOn: '2026-11-02',
      title: '企业反映重复检查',
      content: '企业反映一个月内被检查三次',
    } as const;
    const bad = clueDraftSchema.safeParse({ ...base, enterpriseName: '青山精密', creditCode: '91350100M000100Y44' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toContain('creditCode');
    const good = clueDraftSchema.parse({ ...base, enterpriseName: '青山精密', creditCode: '91350100m000100y43' });
    expect(good.creditCode).toBe('91350100M000100Y43');
    const nobody = clueDraftSchema.safeParse({ ...base, reporter: { anonymous: false } });
    expect(nobody.error?.issues.map((i) => i.message)).toContain('clue.reporterMissing');
    expect(clueDraftSchema.safeParse({ ...base, reporter: { anonymous: true } }).success).toBe(true);
    const secret = clueDraftSchema.safeParse({ ...base, content: '秘密★1年 内容' });
    expect(secret.error?.issues.map((i) => i.message)).toContain('dossier.classifiedMarking');
  });
});

describe('assessment', () => {
  it('opens a dossier: the clue records it and owes nothing more', () => {
    const result = assessClue(clue(), { outcome: 'opened', dossierId: 'd-9' }, clueContext());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.clue).toMatchObject({
      status: 'opened',
      dossierId: 'd-9',
      version: 2,
      assessment: { outcome: 'opened', on: '2026-11-27', by: '李明' },
    });
    expect(clueDeadline(result.clue)).toBeNull();
  });

  it('refers with a reply due ten working days later, and flags a late reply', () => {
    const referred = assessClue(
      clue(),
      { outcome: 'referred', to: '青山县纪委监委', reason: '涉及公职人员违纪' },
      clueContext(),
    );
    if (!referred.ok) throw new Error('refused');
    // Referred Friday 27 November: due Friday 11 December.
    expect(referred.clue.referral).toMatchObject({ to: '青山县纪委监委', on: '2026-11-27', replyDue: '2026-12-11' });
    expect(referred.clue.replyDue).toBe('2026-12-11');
    expect(isClueOverdue(referred.clue, '2026-12-11')).toBe(false);
    expect(isClueOverdue(referred.clue, '2026-12-14')).toBe(true);
    expect(referralLate(referred.clue, '2026-12-14')).toBe(true);

    const onTime = recordReferralReply(
      referred.clue,
      { on: '2026-12-10', summary: '已立案调查' },
      clueContext({ today: '2026-12-15' }),
    );
    expect(onTime.ok && onTime.clue.referral?.reply).toMatchObject({ on: '2026-12-10', late: false });
    const late = recordReferralReply(
      referred.clue,
      { on: '2026-12-14', summary: '已立案调查' },
      clueContext({ today: '2026-12-15' }),
    );
    if (!late.ok) throw new Error('refused');
    expect(late.clue.status).toBe('replied');
    expect(late.clue.referral?.reply?.late).toBe(true);
    expect(late.clue.replyDue).toBeUndefined();
    expect(referralLate(late.clue, '2027-01-01')).toBe(true);
    expect(isClueOverdue(late.clue, '2027-01-01')).toBe(false);
  });

  it('refuses what the outcome needs but lacks, and a second assessment', () => {
    expect(assessClue(clue(), { outcome: 'not_opened', reason: ' ' }, clueContext())).toEqual({
      ok: false,
      refusals: [{ code: 'reasonRequired', field: 'reason' }],
    });
    expect(assessClue(clue(), { outcome: 'referred', to: '', reason: '' }, clueContext())).toMatchObject({
      ok: false,
      refusals: [{ code: 'targetRequired' }, { code: 'reasonRequired' }],
    });
    const declined = assessClue(clue(), { outcome: 'not_opened', reason: '反映问题已由复议机关处理' }, clueContext());
    if (!declined.ok) throw new Error('refused');
    expect(declined.clue.assessment?.note).toBe('反映问题已由复议机关处理');
    expect(assessClue(declined.clue, { outcome: 'opened', dossierId: 'd-1' }, clueContext())).toEqual({
      ok: false,
      refusals: [{ code: 'notPending' }],
    });
  });

  it('refuses a reply dated before the referral or after today, or on a clue not referred', () => {
    const referred = assessClue(clue(), { outcome: 'referred', to: '县检察院', reason: '依职责移送' }, clueContext());
    if (!referred.ok) throw new Error('refused');
    const ctx = clueContext({ today: '2026-12-01' });
    expect(recordReferralReply(referred.clue, { on: '2026-11-26', summary: '已处理' }, ctx)).toMatchObject({
      ok: false,
      refusals: [{ code: 'dateInvalid', field: 'on' }],
    });
    expect(recordReferralReply(referred.clue, { on: '2026-12-02', summary: '已处理' }, ctx).ok).toBe(false);
    expect(recordReferralReply(clue(), { on: '2026-11-27', summary: '已处理' }, ctx)).toMatchObject({
      ok: false,
      refusals: [{ code: 'notReferred' }],
    });
  });

  it('a pending clue is overdue the day after its assessment deadline', () => {
    const c = clue();
    expect(isClueOverdue(c, '2026-11-16')).toBe(false);
    expect(isClueOverdue(c, '2026-11-17')).toBe(true);
  });
});

describe('the reporter is protected', () => {
  it('masks names, phones and contacts', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('李四')).toBe('李*');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0571-8888')).toBe('******88');
    expect(maskReporter({ anonymous: false, name: '张三丰', phone: '13812345678', contact: '幸福路8号' })).toEqual({
      anonymous: false,
      name: '张**',
      phone: '138****5678',
      contact: '***',
    });
    expect(maskedReporterLine({ anonymous: true, name: '', phone: '', contact: '' })).toBe('');
    expect(maskedReporterLine(clue().reporter)).toBe('张** 138****5678');
  });

  it('keeps the reporter out of the dossier opened from a clue and out of the referral letter', () => {
    const c = clue({
      referral: { to: '县纪委监委', reason: '移送', on: '2026-11-27', replyDue: '2026-12-11' },
      status: 'referred',
      content: '市民张三丰（电话13812345678）反映县市场监管局顶格罚款。',
    });
    const draft = dossierDraftSchema.parse(
      dossierDraftFromClue(c, {
        kind: 'clue',
        handlerIds: ['h-1', 'h-2'],
        subjectIds: c.subjectIds,
        supervisedOrganIds: [],
        registeredOn: '2026-11-27',
      }),
    );
    expect(draft.clueId).toBe('c-1');
    expect(draft.source).toBe('hotline_12345');
    const letter = clueReferralSource(c);
    for (const text of [JSON.stringify(draft), JSON.stringify(letter)]) {
      expect(text).not.toContain('张三丰');
      expect(text).not.toContain('13812345678');
      expect(text).not.toContain('幸福路');
    }
    expect(letter.facts).toContain('张**');
    expect(letter.recipient?.name).toBe('县纪委监委');
    expect(letter.deadlines?.reply).toBe('2026-12-11');
    expect(letter.matter?.source).toBe('12345热线（2026年11月2日收到）');
    expect(redactReporter('无关内容', undefined)).toBe('无关内容');
  });
});
