import { describe, expect, it } from 'vitest';
import {
  type CampaignPlan,
  campaignDraftSchema,
  childDossierDraft,
  subjectsWithoutChild,
} from '../../../shared/campaigns/campaign';
import {
  type CampaignChild,
  campaignProgress,
  campaignReportSource,
  checklistItemOf,
  periodLabel,
} from '../../../shared/campaigns/progress';
import { draftFromSource } from '../../../shared/documents/draft';
import { dossierDraftSchema } from '../../../shared/dossiers/draft';
import { dossier, finding } from '../dossiers/workflow-fixtures';

const plan: CampaignPlan = {
  dossierId: 'p-1',
  scope: '全县涉企行政处罚案件',
  legalBasis: '《行政执法监督条例》第十九条',
  periodFrom: '2026-03-01',
  periodTo: '2026-06-30',
  subjectIds: ['s-1', 's-2', 's-3'],
  checklist: [
    { id: 'k-1', title: '是否告知听证权利', category: 'procedure', subcategory: 'no_hearing', basis: '' },
    { id: 'k-2', title: '自由裁量是否规范', category: 'discretion', subcategory: '', basis: '' },
  ],
  children: [
    { subjectId: 's-1', dossierId: 'c-1' },
    { subjectId: 's-2', dossierId: 'c-2' },
  ],
  createdAt: '2026-03-01T09:00:00.000+08:00',
  updatedAt: '2026-03-01T09:00:00.000+08:00',
};

describe('campaign plans', () => {
  it('refuses a period that ends before it starts, no subjects, no checklist, and an unknown category', () => {
    const result = campaignDraftSchema.safeParse({
      title: '涉企行政处罚专项监督',
      kind: 'special',
      scope: '全县',
      legalBasis: '《行政执法监督条例》',
      periodFrom: '2026-06-01',
      periodTo: '2026-05-01',
      subjectIds: [],
      checklist: [],
    });
    const messages = result.error?.issues.map((i) => `${i.path.join('.')}:${i.message}`) ?? [];
    expect(messages).toEqual(
      expect.arrayContaining([
        'subjectIds:campaign.subjects',
        'checklist:campaign.checklist',
        'periodTo:campaign.period',
      ]),
    );
    const wrongItem = campaignDraftSchema.safeParse({
      title: '涉企行政处罚专项监督',
      kind: 'special',
      scope: '全县',
      legalBasis: '《行政执法监督条例》',
      periodFrom: '2026-05-01',
      periodTo: '2026-06-01',
      subjectIds: ['s-1'],
      checklist: [{ title: '听证', category: 'procedure', subcategory: 'ultra_vires' }],
    });
    expect(wrongItem.error?.issues.map((i) => i.path.join('.'))).toEqual(['checklist.0.subcategory']);
  });

  it('makes a valid child dossier per subject, linked to its parent, with the checklist in its summary', () => {
    const parent = dossier({ id: 'p-1', kind: 'special', title: '涉企行政处罚专项监督', summary: '全县涉企处罚' });
    const draft = dossierDraftSchema.parse(
      childDossierDraft(parent, plan, { id: 's-3', name: '青山县应急管理局', organId: 'o-3' }, '2026-03-02'),
    );
    expect(draft).toMatchObject({
      kind: 'special',
      parentId: 'p-1',
      subjectIds: ['s-3'],
      supervisedOrganIds: ['o-3'],
      deadline: '2026-06-30',
      title: '涉企行政处罚专项监督（青山县应急管理局）',
    });
    expect(draft.summary).toContain('1. 是否告知听证权利');
    expect(subjectsWithoutChild(plan)).toEqual(['s-3']);
  });
});

describe('campaign progress and report', () => {
  const children: CampaignChild[] = [
    {
      subjectId: 's-1',
      dossier: { id: 'c-1', number: '青司监〔2026〕2号', title: '一', status: 'rectifying' },
      findings: [
        finding({ category: 'procedure', subcategory: 'no_hearing' }),
        finding({
          category: 'discretion',
          subcategory: 'maximum_without_reason',
          deadline: { from: '2026-04-01', days: 30, unit: 'calendar', due: '2026-05-01' },
        }),
        finding({ category: 'conduct', subcategory: 'rude', rectificationStatus: 'verified' }),
      ],
    },
    {
      subjectId: 's-2',
      dossier: { id: 'c-2', number: '青司监〔2026〕3号', title: '二', status: 'closed' },
      findings: [finding({ category: 'discretion', subcategory: 'disproportionate', rectificationStatus: 'verified' })],
    },
  ];

  it('counts children by status, findings per checklist item and rectification', () => {
    const p = campaignProgress(plan, children, '2026-05-10');
    expect(p.total).toBe(2);
    expect(p.done).toBe(1);
    expect(p.missing).toEqual(['s-3']);
    expect(p.byStatus).toEqual({ rectifying: 1, closed: 1 });
    expect(p.items.map((i) => [i.id, i.findings, i.subjects])).toEqual([
      ['k-1', 1, 1],
      ['k-2', 2, 2],
    ]);
    expect(p.otherFindings).toBe(1);
    expect(p.rectification).toEqual({ total: 4, awaiting: 2, reported: 0, verified: 2, notRequired: 0, overdue: 1 });
    expect(p.byCategory).toEqual([
      { category: 'discretion', count: 2 },
      { category: 'procedure', count: 1 },
      { category: 'conduct', count: 1 },
    ]);
    expect(p.children[0]).toMatchObject({ byItem: [1, 1], other: 1, open: 2, overdue: 1, verified: 1, done: false });
  });

  it('matches a finding to the item naming its exact problem before one naming only its category', () => {
    const checklist = [
      { category: 'procedure', subcategory: '' },
      { category: 'procedure', subcategory: 'no_hearing' },
    ];
    expect(checklistItemOf({ category: 'procedure', subcategory: 'no_hearing' }, checklist)).toBe(1);
    expect(checklistItemOf({ category: 'procedure', subcategory: 'no_notice' }, checklist)).toBe(0);
    expect(checklistItemOf({ category: 'facts', subcategory: 'unclear_facts' }, checklist)).toBe(-1);
  });

  it('feeds the inspection report with the period, children and findings by category', () => {
    expect(periodLabel('2026-03-01', '2026-06-30')).toBe('2026年3月至6月');
    expect(periodLabel('2026-11-01', '2027-02-28')).toBe('2026年11月至2027年2月');
    expect(periodLabel('2026-05-01', '2026-05-31')).toBe('2026年5月');
    const parent = dossier({ id: 'p-1', title: '涉企行政处罚专项监督', legalBasis: '《行政执法监督条例》第十九条' });
    const source = campaignReportSource(parent, plan, campaignProgress(plan, children, '2026-05-10'), '专项监督');
    expect(source.statistics).toMatchObject({
      periodLabel: '2026年3月至6月',
      dossiers: { total: 2, closed: 1 },
      findings: {
        total: 4,
        rectified: 2,
        overdue: 1,
        byCategory: [
          { label: '行政裁量', count: 2 },
          { label: '执法程序', count: 1 },
          { label: '执法作风', count: 1 },
        ],
      },
    });
    const fields = draftFromSource('inspection_report', source, { name: '青山县司法局', shortName: '青司' } as never, {
      today: '2026-07-01',
    });
    expect(String(fields.overview)).toContain('发现行政执法问题4个，已整改2个');
    expect(String(fields.title)).toContain('涉企行政处罚专项监督');
  });
});
