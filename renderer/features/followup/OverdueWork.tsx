import { Button, Card, Empty, Space, Spin, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Clue } from '../../../shared/clues/clue';
import type { DocumentSource } from '../../../shared/documents/source';
import { isRectificationOverdue } from '../../../shared/domain/dossier';
import { type DossierWorkKind, type OverdueSummary, WORK_KINDS, type WorkKind } from '../../../shared/followup/overdue';
import { findCategory } from '../../../shared/taxonomy/findings';
import { useSession } from '../../app/session';
import type { PageCursor } from '../../db/dossiers/catalog';
import type { DossierRecord } from '../../db/dossiers/layout';
import { getDossier } from '../../db/dossiers/store';
import { type OverdueDossierRow, overdueClueRows, overdueDossiers, overdueSummary } from '../../db/work/followup';
import { DraftDocumentButton } from '../documents/draft-from-source';
import { STATUS_COLORS } from '../dossiers/components/labels';
import { useNames } from '../dossiers/data/names';
import { useDossiers } from '../dossiers/data/use-store';
import { ActionDialog } from '../dossiers/detail/ActionBar';
import { lateDays } from './use-work';

const CLUE_KINDS = { clue_assessment: 'assessment', clue_referral_reply: 'referral_reply' } as const;
const isDossierKind = (k: WorkKind): k is DossierWorkKind => !(k in CLUE_KINDS);

/** 逾期工作: counts by kind, and the overdue items of the chosen kind, most overdue first. */
export function OverdueWork() {
  const { t } = useTranslation('followup');
  const { db, today } = useDossiers();
  const [params, setParams] = useSearchParams();
  const [summary, setSummary] = useState<OverdueSummary | null>(null);
  const [version, setVersion] = useState(0);
  const kindParam = params.get('kind') as WorkKind | null;

  // biome-ignore lint/correctness/useExhaustiveDependencies: version counts the changes made here
  useEffect(() => {
    void overdueSummary(db, today).then(setSummary);
  }, [db, today, version]);

  const count = (k: WorkKind) =>
    !summary
      ? 0
      : k === 'clue_assessment'
        ? summary.clueAssessments
        : k === 'clue_referral_reply'
          ? summary.clueReplies
          : summary.dossiers[k];
  // Without a choice, the first kind that has something overdue.
  const kind: WorkKind = kindParam ?? WORK_KINDS.find((k) => count(k) > 0) ?? 'rectification';

  if (!summary) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  return (
    <div className="work-page" data-testid="overdue-work">
      <div className="work-stats">
        {WORK_KINDS.map((k) => (
          <button
            type="button"
            key={k}
            className={`work-stat${k === kind ? ' active' : ''}`}
            onClick={() => setParams({ kind: k }, { replace: true })}
            data-testid={`overdue-stat-${k}`}
          >
            <div className="label">{t(`kinds.${k}`)}</div>
            <div className={`value${count(k) > 0 ? ' danger' : ''}`}>{count(k).toLocaleString()}</div>
          </button>
        ))}
      </div>
      {summary.total === 0 ? (
        <Card>
          <Empty description={t('overdue.nothing')} />
        </Card>
      ) : isDossierKind(kind) ? (
        <DossierRows key={`${kind}${version}`} kind={kind} onChanged={() => setVersion((v) => v + 1)} />
      ) : (
        <ClueRows key={kind} kind={CLUE_KINDS[kind]} />
      )}
    </div>
  );
}

function DossierRows({ kind, onChanged }: { kind: DossierWorkKind; onChanged(): void }) {
  const { t } = useTranslation(['followup', 'dossiers']);
  const { db, today } = useDossiers();
  const [rows, setRows] = useState<OverdueDossierRow[] | null>(null);
  const [total, setTotal] = useState(0);
  const [next, setNext] = useState<PageCursor | undefined>(undefined);
  const [escalating, setEscalating] = useState<DossierRecord | null>(null);

  const load = useCallback(
    async (cursor?: PageCursor) => {
      const page = await overdueDossiers(db, kind, today, cursor ? { cursor } : {});
      setRows((prev) => (cursor ? [...(prev ?? []), ...page.rows] : page.rows));
      setTotal(page.total);
      setNext(page.next);
    },
    [db, kind, today],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const overdueText = (row: OverdueDossierRow) =>
    row.items.map((item) => (
      <div key={item.kind} className="text-danger">
        {t(`followup:items.${item.kind}`, { count: item.count, due: item.due, days: item.days })}
      </div>
    ));

  return (
    <Card styles={{ body: { padding: 0 } }}>
      <Table<OverdueDossierRow>
        className="work-table"
        rowKey={(r) => r.card.id}
        loading={!rows}
        dataSource={rows ?? []}
        pagination={false}
        locale={{ emptyText: t('followup:overdue.noneOfKind') }}
        onRow={() => ({ 'data-testid': 'overdue-row' }) as never}
        footer={() => (
          <Space>
            <Typography.Text type="secondary">
              {t('followup:overdue.shown', { shown: rows?.length ?? 0, total })}
            </Typography.Text>
            {next && (
              <Button size="small" onClick={() => void load(next)}>
                {t('followup:overdue.more')}
              </Button>
            )}
          </Space>
        )}
        columns={[
          {
            key: 'number',
            title: t('dossiers:list.columns.number'),
            width: 150,
            render: (_, r) => (
              <Link className="work-number" to={`/dossiers/${encodeURIComponent(r.card.id)}`}>
                {r.card.number}
              </Link>
            ),
          },
          {
            key: 'title',
            title: t('dossiers:list.columns.title'),
            render: (_, r) => (
              <>
                {r.card.title}
                <span className="sub">{t(`dossiers:kinds.${r.card.kind}`)}</span>
              </>
            ),
          },
          {
            key: 'status',
            title: t('dossiers:list.columns.status'),
            width: 96,
            render: (_, r) => <Tag color={STATUS_COLORS[r.card.status]}>{t(`dossiers:statuses.${r.card.status}`)}</Tag>,
          },
          { key: 'what', title: t('followup:overdue.what'), width: 230, render: (_, r) => overdueText(r) },
          {
            key: 'days',
            title: t('followup:overdue.days'),
            width: 80,
            render: (_, r) => (
              <span className="text-danger work-number">
                {t('followup:overdue.daysCell', { days: r.items[0]?.days ?? lateDays(r.card.dueOn ?? today, today) })}
              </span>
            ),
          },
          {
            key: 'actions',
            width: 160,
            render: (_, r) => <RowActions row={r} onEscalate={setEscalating} />,
          },
        ]}
      />
      {escalating && (
        <ActionDialog
          action="escalate"
          record={escalating}
          onClose={() => setEscalating(null)}
          onDone={() => {
            setEscalating(null);
            onChanged();
          }}
        />
      )}
    </Card>
  );
}

function RowActions({ row, onEscalate }: { row: OverdueDossierRow; onEscalate(record: DossierRecord): void }) {
  const { t } = useTranslation('followup');
  const { db, calendar, today } = useDossiers();
  const { office } = useSession();
  const [loading, setLoading] = useState(false);
  const names = useNames(
    db,
    { organs: row.card.supervisedOrganIds, subjects: row.card.subjectIds },
    office?.name ?? '',
  );
  const source = async (): Promise<DocumentSource> => {
    const record = await getDossier(db, row.card.id);
    if (!record) return {};
    return urgingSource(
      record,
      names.organ(row.card.supervisedOrganIds[0] ?? '') || names.subject(row.card.subjectIds[0] ?? ''),
      today,
      calendar.addWorkingDays(today, 10),
    );
  };
  // Stacked, so the title keeps its room in a 1280-wide window.
  return (
    <Space size={4} orientation="vertical" align="start">
      {row.canEscalate && (
        <Button
          size="small"
          type="primary"
          ghost
          loading={loading}
          onClick={async () => {
            setLoading(true);
            const record = await getDossier(db, row.card.id);
            setLoading(false);
            if (record) onEscalate(record);
          }}
          data-testid="overdue-escalate"
        >
          {t('overdue.escalate')}
        </Button>
      )}
      <DraftDocumentButton source={source} types={['urging_letter', 'talk_notice']} />
    </Space>
  );
}

/** The urging letter (督办函) about what is overdue on a dossier. */
function urgingSource(record: DossierRecord, recipient: string, today: string, replyBy: string): DocumentSource {
  const d = record.dossier;
  const late = record.findings.filter((f) => isRectificationOverdue(f, today));
  return {
    dossierId: d.id,
    ...(recipient && recipient !== '…' ? { recipient: { name: recipient } } : {}),
    matter: { title: d.title, number: d.number, ...(d.legalBasis ? { basis: d.legalBasis } : {}) },
    facts: d.summary,
    findings: late.map((f) => ({
      category: findCategory(f.category)?.zh ?? f.category,
      description: f.description,
      ruleBreached: f.ruleBreached,
      rectification: f.rectificationRequirement,
      ...(f.deadline ? { deadline: f.deadline.due } : {}),
    })),
    ...(d.workflow.service?.documentNumber ? { priorDocumentNumber: d.workflow.service.documentNumber } : {}),
    deadlines: { reply: replyBy },
  };
}

function ClueRows({ kind }: { kind: 'assessment' | 'referral_reply' }) {
  const { t } = useTranslation(['followup', 'clues', 'dossiers']);
  const { db, today } = useDossiers();
  const [data, setData] = useState<{ clues: Clue[]; total: number } | null>(null);
  useEffect(() => {
    void overdueClueRows(db, kind, today).then(setData);
  }, [db, kind, today]);
  return (
    <Card styles={{ body: { padding: 0 } }}>
      <Table<Clue>
        className="work-table"
        rowKey="id"
        loading={!data}
        dataSource={data?.clues ?? []}
        pagination={false}
        locale={{ emptyText: t('followup:overdue.noneOfKind') }}
        onRow={() => ({ 'data-testid': 'overdue-clue-row' }) as never}
        columns={[
          {
            key: 'number',
            title: t('clues:columns.number'),
            width: 170,
            render: (_, c) => (
              <Link className="work-number" to={`/clues/${c.id}`}>
                {c.number}
              </Link>
            ),
          },
          {
            key: 'title',
            title: t('clues:columns.title'),
            render: (_, c) => (
              <>
                {c.title}
                <span className="sub">{t(`dossiers:sources.${c.source}`)}</span>
              </>
            ),
          },
          {
            key: 'what',
            title: t('followup:overdue.what'),
            width: 300,
            render: (_, c) =>
              kind === 'assessment'
                ? t('followup:items.clue_assessment', { due: c.assessDue })
                : t('followup:items.clue_referral_reply', { to: c.referral?.to ?? '', due: c.replyDue ?? '' }),
          },
          {
            key: 'days',
            title: t('followup:overdue.days'),
            width: 80,
            render: (_, c) => (
              <span className="text-danger work-number">
                {t('followup:overdue.daysCell', {
                  days: lateDays((kind === 'assessment' ? c.assessDue : c.replyDue) ?? today, today),
                })}
              </span>
            ),
          },
        ]}
      />
    </Card>
  );
}
