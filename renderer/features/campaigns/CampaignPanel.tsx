import { ApartmentOutlined, FileDoneOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Modal,
  Progress,
  Row,
  Space,
  Spin,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CampaignPlan } from '../../../shared/campaigns/campaign';
import {
  type CampaignProgress,
  type ChildProgress,
  campaignProgress,
  campaignReportSource,
} from '../../../shared/campaigns/progress';
import type { DocumentSource } from '../../../shared/documents/source';
import { DOSSIER_STATUSES } from '../../../shared/domain/dossier';
import { translate } from '../../../shared/i18n';
import { findCategory, labelOf } from '../../../shared/taxonomy/findings';
import { useSession } from '../../app/session';
import type { DossierRecord } from '../../db/dossiers/layout';
import { type CampaignChildRecord, campaignChildren, createChildDossiers, getCampaign } from '../../db/work/campaigns';
import { DraftDocumentButton, startDocumentBatch } from '../documents/draft-from-source';
import { STATUS_COLORS } from '../dossiers/components/labels';
import { useNames } from '../dossiers/data/names';
import { useDossiers } from '../dossiers/data/use-store';
import type { DossierPanelProps } from '../dossiers/detail/extra-panels';
import { useStoreError } from '../dossiers/detail/use-store-error';
// Dossier panels load without the work pages: they bring the styles they use.
import '../followup/work.css';

/**
 * A campaign's plan and progress: the children (one per subject), findings per
 * checklist item, and the figures of the campaign report, with the report to draft.
 */
export default function CampaignPanel({ record, readOnly }: DossierPanelProps) {
  const { t } = useTranslation(['campaigns', 'dossiers', 'common']);
  const { db, env, today } = useDossiers();
  const { office, locale } = useSession();
  const { modal, message } = App.useApp();
  const showStoreError = useStoreError();
  const parent = record.dossier;
  const [plan, setPlan] = useState<CampaignPlan | null | undefined>(undefined);
  const [children, setChildren] = useState<CampaignChildRecord[]>([]);
  const [creating, setCreating] = useState(false);

  const load = useCallback(async () => {
    const p = await getCampaign(db, parent.id);
    setPlan(p ?? null);
    if (p) setChildren(await campaignChildren(db, p));
  }, [db, parent.id]);
  useEffect(() => {
    void load();
  }, [load]);

  const names = useNames(db, { subjects: plan?.subjectIds ?? [] }, office?.name ?? '');
  if (plan === undefined) return <Spin style={{ display: 'block', margin: '32px auto' }} />;
  if (plan === null) return <Empty description={t('campaigns:panel.noPlan')} />;

  const progress = campaignProgress(plan, children, today);
  const missing = progress.missing.length;

  const createChildren = () =>
    modal.confirm({
      title: t('campaigns:panel.createTitle', { count: missing }),
      content: t('campaigns:panel.createConfirm', { count: missing }),
      okText: t('campaigns:panel.create', { count: missing }),
      cancelText: t('common:cancel'),
      onOk: async () => {
        setCreating(true);
        try {
          const { created } = await createChildDossiers(env, parent.id);
          void message.success(t('campaigns:panel.created', { count: created.length }));
          await load();
        } catch (error) {
          showStoreError(error);
        } finally {
          setCreating(false);
        }
      },
    });

  const kindZh = translate('zh-CN', `dossiers.kinds.${parent.kind}`);
  const reportSource = (): DocumentSource => campaignReportSource(parent, plan, progress, kindZh);
  const percent = progress.total ? Math.round((progress.done / progress.total) * 100) : 0;

  return (
    <div className="work-page" data-testid="campaign-panel">
      <Descriptions
        bordered
        size="small"
        column={2}
        items={[
          {
            key: 'period',
            label: t('campaigns:form.fields.period'),
            children: `${plan.periodFrom} ~ ${plan.periodTo}`,
          },
          {
            key: 'subjects',
            label: t('campaigns:form.fields.subjects'),
            children: t('campaigns:panel.subjectsCount', { count: plan.subjectIds.length }),
          },
          { key: 'scope', label: t('campaigns:form.fields.scope'), children: plan.scope, span: 2 },
          { key: 'basis', label: t('campaigns:form.fields.legalBasis'), children: plan.legalBasis, span: 2 },
        ]}
      />

      {missing > 0 && !readOnly && (
        <Alert
          type="info"
          showIcon
          icon={<ApartmentOutlined />}
          title={t('campaigns:panel.missing', { count: missing })}
          description={progress.missing.map(names.subject).join(t('dossiers:list.separator'))}
          action={
            <Button type="primary" loading={creating} onClick={createChildren} data-testid="campaign-create-children">
              {t('campaigns:panel.create', { count: missing })}
            </Button>
          }
        />
      )}

      <Card size="small" title={t('campaigns:panel.progress')}>
        <Row gutter={24} align="middle">
          <Col flex="220px">
            <Progress
              type="dashboard"
              percent={percent}
              size={120}
              format={() => (
                <span data-testid="campaign-done">
                  {progress.done}/{progress.total}
                </span>
              )}
            />
            <div className="text-muted" style={{ textAlign: 'center', marginTop: -8 }}>
              {t('campaigns:panel.doneLabel')}
            </div>
          </Col>
          <Col flex="1">
            <Space size={[6, 8]} wrap>
              {DOSSIER_STATUSES.filter((s) => progress.byStatus[s]).map((s) => (
                <Tag key={s} color={STATUS_COLORS[s]}>
                  {t(`dossiers:statuses.${s}`)} {progress.byStatus[s]}
                </Tag>
              ))}
            </Space>
            <Row gutter={16} style={{ marginTop: 16 }}>
              <Col span={6}>
                <Statistic title={t('campaigns:panel.findings')} value={progress.rectification.total} />
              </Col>
              <Col span={6}>
                <Statistic
                  title={t('campaigns:panel.awaiting')}
                  value={progress.rectification.awaiting + progress.rectification.reported}
                />
              </Col>
              <Col span={6}>
                <Statistic title={t('campaigns:panel.verified')} value={progress.rectification.verified} />
              </Col>
              <Col span={6}>
                <Statistic
                  title={t('campaigns:panel.overdue')}
                  value={progress.rectification.overdue}
                  styles={progress.rectification.overdue ? { content: { color: '#c0392b' } } : undefined}
                />
              </Col>
            </Row>
          </Col>
        </Row>
      </Card>

      <Card size="small" title={t('campaigns:panel.children')}>
        <Table<ChildProgress>
          className="work-table"
          size="small"
          rowKey="dossierId"
          pagination={false}
          dataSource={progress.children}
          locale={{ emptyText: t('campaigns:panel.noChildren') }}
          onRow={() => ({ 'data-testid': 'campaign-child' }) as never}
          columns={[
            {
              key: 'subject',
              title: t('campaigns:panel.columns.subject'),
              render: (_, c) => (
                <>
                  {names.subject(c.subjectId)}
                  <Link className="sub work-number" to={`/dossiers/${encodeURIComponent(c.dossierId)}`}>
                    {c.number}
                  </Link>
                </>
              ),
            },
            {
              key: 'status',
              title: t('campaigns:panel.columns.status'),
              width: 100,
              render: (_, c) => <Tag color={STATUS_COLORS[c.status]}>{t(`dossiers:statuses.${c.status}`)}</Tag>,
            },
            ...plan.checklist.map((item, i) => ({
              key: item.id,
              title: <span title={item.title}>{t('campaigns:panel.itemShort', { n: i + 1 })}</span>,
              width: 64,
              align: 'center' as const,
              render: (_: unknown, c: ChildProgress) =>
                c.byItem[i] ? <Tag color="orange">{c.byItem[i]}</Tag> : <span className="text-muted">·</span>,
            })),
            {
              key: 'findings',
              title: t('campaigns:panel.columns.findings'),
              width: 110,
              render: (_, c) => t('dossiers:list.findingsCell', { open: c.open, total: c.findings }),
            },
            {
              key: 'overdue',
              title: t('campaigns:panel.columns.overdue'),
              width: 90,
              render: (_, c) => (c.overdue ? <span className="text-danger">{c.overdue}</span> : '—'),
            },
          ]}
        />
      </Card>

      <Row gutter={12}>
        <Col span={12}>
          <Card size="small" title={t('campaigns:panel.checklist')} style={{ height: '100%' }}>
            <Table
              className="work-table"
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={[
                ...progress.items.map((item, i) => ({ ...item, n: `${i + 1}` })),
                ...(progress.otherFindings
                  ? [
                      {
                        id: 'other',
                        n: '',
                        title: t('campaigns:panel.otherFindings'),
                        findings: progress.otherFindings,
                        subjects: 0,
                      },
                    ]
                  : []),
              ]}
              columns={[
                { key: 'n', dataIndex: 'n', width: 36 },
                { key: 'title', title: t('campaigns:panel.columns.item'), dataIndex: 'title' },
                { key: 'findings', title: t('campaigns:panel.columns.findings'), dataIndex: 'findings', width: 70 },
                {
                  key: 'subjects',
                  title: t('campaigns:panel.columns.subjects'),
                  width: 80,
                  render: (_, r) => (r.id === 'other' ? '—' : r.subjects),
                },
              ]}
            />
          </Card>
        </Col>
        <Col span={12}>
          <ReportCard
            progress={progress}
            locale={locale}
            reportSource={reportSource}
            childRecords={children}
            parent={record}
          />
        </Col>
      </Row>
    </div>
  );
}

function ReportCard({
  progress,
  locale,
  reportSource,
  childRecords,
  parent,
}: {
  progress: CampaignProgress;
  locale: 'zh-CN' | 'en';
  reportSource(): DocumentSource;
  childRecords: CampaignChildRecord[];
  parent: DossierRecord;
}) {
  const { t } = useTranslation(['campaigns', 'documents', 'common']);
  const [batch, setBatch] = useState<{ done: number; total: number; cancel(): Promise<void> } | null>(null);
  const { message } = App.useApp();
  const withFindings = childRecords.filter((c) => c.findings.some((f) => f.rectificationStatus !== 'not_required'));

  const draftNotices = async () => {
    const sources: DocumentSource[] = withFindings.map((c) => ({
      dossierId: c.dossier.id,
      matter: { title: c.dossier.title, number: c.dossier.number, basis: parent.dossier.legalBasis },
      findings: c.findings
        .filter((f) => f.rectificationStatus !== 'not_required')
        .map((f) => ({
          category: labelOf(findCategory(f.category), 'zh-CN'),
          description: f.description,
          ruleBreached: f.ruleBreached,
          rectification: f.rectificationRequirement,
          ...(f.deadline ? { deadline: f.deadline.due } : {}),
        })),
    }));
    const job = startDocumentBatch('rectification_notice', sources, {
      issue: false,
      onProgress: (done, total) => setBatch((b) => (b ? { ...b, done, total } : b)),
    });
    setBatch({ done: 0, total: sources.length, cancel: job.cancel });
    try {
      const result = await job.result;
      void message.success(t('campaigns:report.batchDone', { count: result.results.filter((r) => r.ok).length }));
    } catch {
      void message.info(t('campaigns:report.batchStopped'));
    } finally {
      setBatch(null);
    }
  };

  return (
    <Card
      size="small"
      title={t('campaigns:report.title')}
      style={{ height: '100%' }}
      extra={<DraftDocumentButton source={reportSource} types={['inspection_report']} />}
      data-testid="campaign-report"
    >
      <Table
        className="work-table"
        size="small"
        rowKey="category"
        pagination={false}
        dataSource={progress.byCategory}
        locale={{ emptyText: t('campaigns:report.noFindings') }}
        columns={[
          {
            key: 'category',
            title: t('campaigns:report.category'),
            render: (_, r) => labelOf(findCategory(r.category), locale),
          },
          { key: 'count', title: t('campaigns:report.count'), dataIndex: 'count', width: 80 },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ margin: '12px 0 8px', fontSize: 12 }}>
        {t('campaigns:report.summary', {
          total: progress.rectification.total,
          verified: progress.rectification.verified,
          overdue: progress.rectification.overdue,
        })}
      </Typography.Paragraph>
      <Button
        icon={<FileDoneOutlined />}
        disabled={withFindings.length === 0 || !!batch}
        onClick={() => void draftNotices()}
        data-testid="campaign-batch"
      >
        {t('campaigns:report.batch', { count: withFindings.length })}
      </Button>
      <Modal
        open={!!batch}
        title={t('campaigns:report.batchTitle')}
        closable={false}
        okButtonProps={{ style: { display: 'none' } }}
        cancelText={t('common:cancel')}
        onCancel={() => void batch?.cancel()}
      >
        <Progress percent={batch?.total ? Math.round((batch.done / batch.total) * 100) : 0} />
        <Typography.Text type="secondary">
          {t('campaigns:report.batchRunning', { done: batch?.done ?? 0, total: batch?.total ?? 0 })}
        </Typography.Text>
      </Modal>
    </Card>
  );
}
