import { describe, expect, it } from 'vitest';
import { coordinationDocumentSource, coordinationDraftSchema } from '../../../shared/coordination/coordination';
import { draftFromSource } from '../../../shared/documents/draft';
import { judgeReviewRequest, reviewDecisionSource } from '../../../shared/review-requests/review-request';
import { applyAction, DEFAULT_WORKFLOW_SETTINGS } from '../../../shared/workflow';
import { calendar, context, dossier, dossierIn } from '../dossiers/workflow-fixtures';

const office = { name: '青山县司法局', shortName: '青司' } as never;

describe('jurisdiction disputes', () => {
  const parties = [
    { name: '青山县市场监督管理局', position: '该行为属于无证经营，应由城管部门查处' },
    { name: '青山县城市管理局', position: '该行为涉及食品安全，应由市场监管部门查处。' },
  ];

  it('needs two distinct parties, and an opinion and the competent organ once settled', () => {
    const one = coordinationDraftSchema.safeParse({ parties: parties.slice(0, 1), disputedMatter: '流动摊贩管辖' });
    expect(one.error?.issues.map((i) => i.message)).toContain('coordination.parties');
    const twice = coordinationDraftSchema.safeParse({ parties: [parties[0], parties[0]], disputedMatter: '流动摊贩' });
    expect(twice.error?.issues.map((i) => i.path.join('.'))).toEqual(['parties.1.name']);
    const settled = coordinationDraftSchema.safeParse({
      parties,
      disputedMatter: '流动摊贩管辖',
      outcome: 'designated',
    });
    expect(settled.error?.issues.map((i) => i.message).sort()).toEqual([
      'coordination.competentRequired',
      'coordination.decidedOnRequired',
      'coordination.opinionRequired',
    ]);
    expect(
      coordinationDraftSchema.safeParse({
        parties,
        disputedMatter: '流动摊贩管辖',
        opinion: '由市场监管部门牵头查处',
        outcome: 'designated',
        competentOrgan: '青山县市场监督管理局',
        decidedOn: '2026-11-20',
      }).success,
    ).toBe(true);
  });

  it('fills the coordination opinion with every party, the positions and one point per line', () => {
    const source = coordinationDocumentSource(dossier({ kind: 'coordination', title: '流动摊贩管辖争议' }), {
      parties: parties.map((p) => ({ ...p, organId: '' })),
      disputedMatter: '城关镇流动摊贩售卖自制熟食的查处职责',
      opinion: '一、由青山县市场监督管理局牵头查处\n（二）城市管理局配合做好占道经营管理',
    });
    expect(source.recipient?.name).toBe('青山县市场监督管理局、青山县城市管理局');
    expect(source.facts).toContain('青山县城市管理局认为：该行为涉及食品安全，应由市场监管部门查处。');
    const fields = draftFromSource('coordination_opinion', source, office, { today: '2026-11-27' });
    expect(fields.opinions).toEqual(['由青山县市场监督管理局牵头查处', '城市管理局配合做好占道经营管理']);
  });
});

describe('review requests', () => {
  // Served Monday 23 November 2026: the tenth working day after is Monday 7 December.
  it('judges the window on the day the request arrived, and counts the decision from then', () => {
    const inside = judgeReviewRequest('2026-11-23', '2026-12-07', calendar, DEFAULT_WORKFLOW_SETTINGS);
    expect(inside).toMatchObject({ until: '2026-12-07', inside: true, workingDaysLate: 0 });
    const late = judgeReviewRequest('2026-11-23', '2026-12-09', calendar, DEFAULT_WORKFLOW_SETTINGS);
    expect(late).toMatchObject({ inside: false, workingDaysLate: 2, decideBy: '2026-12-30' });
    const shorter = judgeReviewRequest('2026-11-23', '2026-12-01', calendar, {
      ...DEFAULT_WORKFLOW_SETTINGS,
      reviewWindowWorkingDays: 5,
    });
    expect(shorter).toMatchObject({ until: '2026-11-30', inside: false, workingDaysLate: 1 });
  });

  it('accepts a request received in time though recorded after the window, deciding 15 working days from receipt', () => {
    const result = applyAction(
      { dossier: dossierIn('rectifying'), findings: [] },
      { action: 'request_review', reason: '对认定事实有异议', requestedOn: '2026-12-04', requester: '县市场监管局' },
      context({ today: '2026-12-10' }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.refusals));
    // Friday 4 December + 15 working days = Friday 25 December.
    expect(result.dossier.workflow.review).toMatchObject({ requestedOn: '2026-12-04', decideBy: '2026-12-25' });
    expect(result.event.data).toMatchObject({ requestedOn: '2026-12-04', requester: '县市场监管局' });
    expect(result.event.data).not.toHaveProperty('late');
  });

  it('refuses a late request, or accepts it marked late when the office allows', () => {
    const state = { dossier: dossierIn('served'), findings: [] };
    const input = { action: 'request_review' as const, reason: '有异议', requestedOn: '2026-12-08' };
    expect(applyAction(state, input, context({ today: '2026-12-08' }))).toEqual({
      ok: false,
      refusals: [{ code: 'reviewWindowClosed', params: { until: '2026-12-07' } }],
    });
    const accepted = applyAction(state, { ...input, acceptLate: true }, context({ today: '2026-12-08' }));
    expect(accepted.ok && accepted.event.data).toMatchObject({ late: true, windowUntil: '2026-12-07' });
    // A date before service or in the future is not a receipt date.
    expect(applyAction(state, { ...input, requestedOn: '2026-11-20' }, context({ today: '2026-12-08' }))).toMatchObject(
      { ok: false, refusals: [{ code: 'dateInvalid', field: 'requestedOn' }] },
    );
    expect(applyAction(state, { ...input, requestedOn: '2026-12-09' }, context({ today: '2026-12-08' }))).toMatchObject(
      { ok: false },
    );
  });

  it('fills the review decision with the requester and the document reviewed', () => {
    const d = dossierIn('review_requested');
    const source = reviewDecisionSource(
      {
        ...d,
        workflow: {
          ...d.workflow,
          service: { document: 'opinion', servedOn: '2026-11-23', documentNumber: '青司执监意〔2026〕7号' },
        },
      },
      { requester: '青山县市场监督管理局', reason: '认定事实有误' },
    );
    const fields = draftFromSource('review_decision', source, office, { today: '2026-12-10' });
    expect(fields.applicant).toBe('青山县市场监督管理局');
    expect(fields.originalDocument).toBe('青司执监意〔2026〕7号');
  });
});
