import {
  AlertOutlined,
  CheckCircleOutlined,
  ClockCircleOutlined,
  FieldTimeOutlined,
  FileSearchOutlined,
  FolderOpenOutlined,
  InboxOutlined,
} from '@ant-design/icons';
import { Button, Card, Empty, Segmented, Select, Tooltip, Typography } from 'antd';
import { type ReactNode, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { DOSSIER_KINDS, DOSSIER_STATUSES } from '../../../shared/domain/dossier';
import type { Locale } from '../../../shared/domain/locale';
import { CATEGORY_KEYS, OTHER_CATEGORY, onTimeRate, rectificationRate } from '../../../shared/results/tally';
import { FINDING_TAXONOMY, labelOf } from '../../../shared/taxonomy/findings';
import { call } from '../../api/client';
import { useErrorMessage } from '../../components/use-error-message';
import { db } from '../../db/database';
import type { DossierQuery } from '../../db/dossiers/filters';
import { todayOf } from '../../db/dossiers/store';
import { compareUnits, type DashboardData, loadDashboard } from '../../db/results/dashboard';
import { documentPath, draftDocumentFromSource } from '../documents/draft-from-source';
import { matchesLabel } from '../dossiers/data/names';
import { paramsFromQuery } from '../dossiers/list/query-params';
import { Chart, type ChartHit } from './charts/Chart';
import { PALETTE } from './charts/palette';
import { horizontalBars, monthBars, monthEnd, monthRange, percentText } from './options';
import { isPeriodKey, PERIODS, type PeriodKey, periodFor } from './period';
import { workReportStatistics } from './work-report';
import './dashboard.css';

const monthQuery = (month: string): DossierQuery => ({ registeredFrom: `${month}-01`, registeredTo: monthEnd(month) });

/** Marks a span for the benchmark: from `start` to the next painted frame. */
function measureAfterPaint(name: string, start: number): void {
  requestAnimationFrame(() => performance.measure(name, { start, end: performance.now() }));
}

/** 工作台: the office's figures at a glance; every number opens the dossiers behind it. */
export default function DashboardPage() {
  const { t, i18n } = useTranslation(['results', 'dossiers']);
  const locale: Locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const periodParam = params.get('period');
  const periodKey: PeriodKey = isPeriodKey(periodParam) ? periodParam : 'all';
  const within = params.get('within') ?? undefined;
  const today = useMemo(() => todayOf(new Date()), []);
  const period = useMemo(() => periodFor(periodKey, today), [periodKey, today]);
  const [data, setData] = useState<DashboardData | null>(null);
  const started = useRef(0);

  useEffect(() => {
    let live = true;
    started.current = performance.now();
    void loadDashboard(db(), today, period).then((loaded) => {
      performance.measure('desk:dashboard:data', { start: started.current, end: performance.now() });
      if (live) setData(loaded);
    });
    return () => {
      live = false;
    };
  }, [today, period]);

  // The work report (工作报告) of the period shown: its statistics are this page's figures.
  const showError = useErrorMessage();
  const [drafting, setDrafting] = useState(false);
  const draftWorkReport = async () => {
    if (!data) return;
    setDrafting(true);
    try {
      const [reviewFiles, documents] = await Promise.all([db().reviewFiles.toArray(), call('documents.list', {})]);
      const statistics = workReportStatistics({
        period,
        dossiers: data.dossiers,
        findings: data.findings,
        reviewFiles,
        documents,
      });
      const draft = await draftDocumentFromSource('annual_report', { statistics });
      navigate(documentPath(draft.id));
    } catch (error) {
      showError(error);
    } finally {
      setDrafting(false);
    }
  };

  // The benchmark reads this span: from the page asking for its figures to the charts painted.
  useLayoutEffect(() => {
    if (data) measureAfterPaint('desk:dashboard:load', started.current);
  }, [data]);

  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  /** Opens the dossier list filtered as the clicked figure counts. */
  const open = useCallback(
    (query: DossierQuery) => {
      const withPeriod: DossierQuery = {
        registeredFrom: period.from,
        registeredTo: period.to,
        ...query,
      };
      navigate(`/dossiers?${paramsFromQuery(withPeriod).toString()}`);
    },
    [navigate, period],
  );

  const comparison = useMemo(() => (data ? compareUnits(data.dossiers, data.directory, within) : null), [data, within]);

  const charts = useMemo(() => {
    if (!data) return null;
    const d = data.dossiers;
    const f = data.findings;
    const kindOrder = DOSSIER_KINDS.map((k, i) => ({ k, n: d.byKind[i] ?? 0 })).sort((a, b) => b.n - a.n);
    const categoryLabel = (i: number) =>
      i === OTHER_CATEGORY ? t('results:dashboard.otherCategory') : labelOf(FINDING_TAXONOMY[i], locale);
    const categories = CATEGORY_KEYS.map((_, i) => i)
      .concat(f.byCategory[OTHER_CATEGORY] ? [OTHER_CATEGORY] : [])
      .map((i) => ({ i, findings: f.byCategory[i] ?? 0, dossiers: d.byCategory[i] ?? 0 }))
      .filter((c) => c.findings > 0 || c.dossiers > 0)
      .sort((a, b) => b.findings - a.findings);
    const monthKeys = [...d.byMonth.keys()];
    const firstMonth = period.from?.slice(0, 7) ?? monthKeys[0];
    const lastMonth = period.to?.slice(0, 7) ?? monthKeys.at(-1);
    const months = firstMonth && lastMonth ? monthRange(firstMonth, lastMonth) : [];
    const findingMonths = new Map(f.months.map((m) => [m.month, m]));
    const overdueKinds = DOSSIER_KINDS.map((k, i) => ({ k, n: d.overdueByKind[i] ?? 0 }))
      .filter((x) => x.n > 0)
      .sort((a, b) => b.n - a.n);
    const groups = comparison?.groups.slice(0, 14) ?? [];
    return {
      kindOrder,
      categories,
      months,
      overdueKinds,
      groups,
      kind: horizontalBars(
        kindOrder.map((x) => t(`dossiers:kinds.${x.k}`)),
        [{ name: t('results:dashboard.matters'), values: kindOrder.map((x) => x.n), color: PALETTE.primary }],
      ),
      status: horizontalBars(
        DOSSIER_STATUSES.map((s) => t(`dossiers:statuses.${s}`)),
        [
          {
            name: t('results:dashboard.matters'),
            values: DOSSIER_STATUSES.map((_, i) => d.byStatus[i] ?? 0),
            color: PALETTE.secondary,
          },
        ],
        { labelWidth: 90 },
      ),
      month: monthBars(months, [
        {
          name: t('results:dashboard.registered'),
          values: months.map((m) => d.byMonth.get(m)?.count ?? 0),
          color: PALETTE.primary,
        },
        {
          name: t('results:dashboard.overdueNow'),
          values: months.map((m) => d.byMonth.get(m)?.overdue ?? 0),
          color: PALETTE.late,
        },
      ]),
      category: horizontalBars(
        categories.map((c) => categoryLabel(c.i)),
        [
          { name: t('results:dashboard.findings'), values: categories.map((c) => c.findings), color: PALETTE.primary },
          { name: t('results:dashboard.mattersWith'), values: categories.map((c) => c.dossiers), color: PALETTE.muted },
        ],
        { labelWidth: 130 },
      ),
      rectification: monthBars(
        months,
        [
          {
            name: t('results:dashboard.onTime'),
            values: months.map((m) => findingMonths.get(m)?.onTime ?? 0),
            color: PALETTE.good,
            stack: 'due',
          },
          {
            name: t('results:dashboard.late'),
            values: months.map((m) => findingMonths.get(m)?.late ?? 0),
            color: PALETTE.warn,
            stack: 'due',
          },
          {
            name: t('results:dashboard.overdueFindings'),
            values: months.map((m) => findingMonths.get(m)?.overdue ?? 0),
            color: PALETTE.late,
            stack: 'due',
          },
        ],
        {
          name: t('results:dashboard.onTimeRate'),
          values: months.map((m) => {
            const x = findingMonths.get(m);
            return x ? onTimeRate(x) : null;
          }),
          color: PALETTE.primary,
        },
      ),
      overdue: horizontalBars(
        overdueKinds.map((x) => t(`dossiers:kinds.${x.k}`)),
        [{ name: t('results:dashboard.overdueMatters'), values: overdueKinds.map((x) => x.n), color: PALETTE.late }],
      ),
      organs: horizontalBars(
        groups.map((g) => (g.itself ? t('results:dashboard.itself', { name: g.name }) : g.name)),
        [
          { name: t('results:dashboard.own'), values: groups.map((g) => g.own), color: PALETTE.primary, stack: 'n' },
          {
            name: t('results:dashboard.received'),
            values: groups.map((g) => g.received),
            color: PALETTE.received,
            stack: 'n',
          },
          { name: t('results:dashboard.overdueMatters'), values: groups.map((g) => g.overdue), color: PALETTE.late },
        ],
        { labelWidth: 150 },
      ),
    };
  }, [data, comparison, locale, period, t]);

  const hits = useMemo(() => {
    if (!charts) return null;
    return {
      kind: ({ dataIndex }: ChartHit) => {
        const k = charts.kindOrder[dataIndex];
        if (k) open({ kinds: [k.k] });
      },
      status: ({ dataIndex }: ChartHit) => {
        const s = DOSSIER_STATUSES[dataIndex];
        if (s) open({ statuses: [s] });
      },
      month: ({ seriesIndex, dataIndex }: ChartHit) => {
        const m = charts.months[dataIndex];
        if (m) open({ ...monthQuery(m), ...(seriesIndex === 1 ? { overdue: true } : {}) });
      },
      category: ({ dataIndex }: ChartHit) => {
        const c = charts.categories[dataIndex];
        if (c) open({ category: c.i === OTHER_CATEGORY ? 'other' : CATEGORY_KEYS[c.i] });
      },
      rectification: ({ seriesIndex, dataIndex }: ChartHit) => {
        const m = charts.months[dataIndex];
        if (m) open({ ...monthQuery(m), ...(seriesIndex === 2 ? { overdue: true } : {}) });
      },
      overdue: ({ dataIndex }: ChartHit) => {
        const k = charts.overdueKinds[dataIndex];
        if (k) open({ kinds: [k.k], overdue: true });
      },
      organs: ({ seriesIndex, dataIndex }: ChartHit) => {
        const g = charts.groups[dataIndex];
        if (!g || g.itself) return;
        if (seriesIndex === 2) open({ unitId: g.id, overdue: true });
        else open({ unitId: g.id, origin: seriesIndex === 0 ? 'own' : 'received' });
      },
    };
  }, [charts, open]);

  const periodControl = (
    <Segmented<PeriodKey>
      value={periodKey}
      onChange={(v) => setParam('period', v === 'all' ? undefined : v)}
      options={PERIODS.map((p) => ({ value: p, label: t(`results:dashboard.periods.${p}`) }))}
      data-testid="dashboard-period"
    />
  );

  if (data && data.dossiers.total === 0 && periodKey === 'all') {
    return (
      <Card className="dashboard-empty" data-testid="dashboard-empty">
        <Empty description={t('results:dashboard.empty')}>
          <Button type="primary" onClick={() => navigate('/dossiers/new')}>
            {t('results:dashboard.registerFirst')}
          </Button>
          <Button type="link" onClick={() => navigate('/settings')}>
            {t('results:dashboard.demoData')}
          </Button>
        </Empty>
      </Card>
    );
  }

  const d = data?.dossiers;
  const f = data?.findings;
  const organOptions = data
    ? data.directory.units
        .filter((u) => data.directory.tree.has(u.id))
        .flatMap((u) => data.directory.tree.pathOf(u.id))
        .filter((id, i, all) => all.indexOf(id) === i)
        .map((id) => ({ value: id, label: data.directory.tree.get(id)?.name ?? id }))
    : [];

  return (
    <div className="dashboard" data-testid={data ? 'dashboard' : 'dashboard-loading'}>
      <div className="dashboard-toolbar">
        <Typography.Text type="secondary">
          {period.from
            ? t('results:dashboard.periodRange', { from: period.from, to: period.to })
            : t('results:dashboard.periodAll')}
        </Typography.Text>
        <span style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
          <Button onClick={draftWorkReport} loading={drafting} disabled={!data} data-testid="draft-work-report">
            {t('results:dashboard.draftReport')}
          </Button>
          <Button onClick={() => navigate('/dashboard/scorecards')} data-testid="open-scorecards">
            {t('results:scorecard.open')}
          </Button>
          {periodControl}
        </span>
      </div>

      <div className="kpi-grid">
        <Kpi
          icon={<FolderOpenOutlined />}
          label={t('results:dashboard.kpi.matters')}
          value={d?.total}
          testId="kpi-matters"
          onClick={() => open({})}
        />
        <Kpi
          icon={<InboxOutlined />}
          label={t('results:dashboard.kpi.received')}
          value={d?.received}
          testId="kpi-received"
          onClick={() => open({ origin: 'received' })}
        />
        <Kpi
          icon={<AlertOutlined />}
          label={t('results:dashboard.kpi.overdue')}
          value={d?.overdue}
          tone="danger"
          testId="kpi-overdue"
          onClick={() => open({ overdue: true })}
        />
        <Kpi
          icon={<FileSearchOutlined />}
          label={t('results:dashboard.kpi.findings')}
          value={f?.findings}
          testId="kpi-findings"
          hint={t('results:dashboard.kpi.findingsHint')}
        />
        <Kpi
          icon={<CheckCircleOutlined />}
          label={t('results:dashboard.kpi.rectificationRate')}
          value={f && percentText(rectificationRate(f))}
          testId="kpi-rectification"
          hint={f && t('results:dashboard.kpi.rectificationHint', { rectified: f.rectified, requiring: f.requiring })}
          tone="good"
        />
        <Kpi
          icon={<FieldTimeOutlined />}
          label={t('results:dashboard.kpi.onTimeRate')}
          value={f && percentText(onTimeRate(f))}
          testId="kpi-on-time"
          hint={f && t('results:dashboard.kpi.onTimeHint', { onTime: f.onTime, late: f.late, overdue: f.overdue })}
        />
        <Kpi
          icon={<ClockCircleOutlined />}
          label={t('results:dashboard.kpi.overdueFindings')}
          value={f?.overdue}
          tone={f && f.overdue > 0 ? 'danger' : undefined}
          testId="kpi-overdue-findings"
          hint={t('results:dashboard.kpi.overdueFindingsHint')}
        />
      </div>

      <div className="chart-grid">
        <ChartCard title={t('results:dashboard.charts.month')} wide>
          <Chart
            option={charts?.month ?? null}
            height={260}
            label={t('results:dashboard.charts.month')}
            testId="chart-month"
            onHit={hits?.month}
          />
        </ChartCard>
        <ChartCard title={t('results:dashboard.charts.kind')}>
          <Chart
            option={charts?.kind ?? null}
            height={300}
            label={t('results:dashboard.charts.kind')}
            testId="chart-kind"
            onHit={hits?.kind}
          />
        </ChartCard>
        <ChartCard title={t('results:dashboard.charts.status')}>
          <Chart
            option={charts?.status ?? null}
            height={300}
            label={t('results:dashboard.charts.status')}
            testId="chart-status"
            onHit={hits?.status}
          />
        </ChartCard>
        <ChartCard title={t('results:dashboard.charts.category')} extra={t('results:dashboard.charts.categoryNote')}>
          <Chart
            option={charts?.category ?? null}
            height={340}
            label={t('results:dashboard.charts.category')}
            testId="chart-category"
            onHit={hits?.category}
          />
        </ChartCard>
        <ChartCard title={t('results:dashboard.charts.overdue')}>
          {charts && charts.overdueKinds.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('results:dashboard.noOverdue')} />
          ) : (
            <Chart
              option={charts?.overdue ?? null}
              height={340}
              label={t('results:dashboard.charts.overdue')}
              testId="chart-overdue"
              onHit={hits?.overdue}
            />
          )}
        </ChartCard>
        <ChartCard
          title={t('results:dashboard.charts.rectification')}
          extra={t('results:dashboard.charts.rectificationNote')}
          wide
        >
          <Chart
            option={charts?.rectification ?? null}
            height={280}
            label={t('results:dashboard.charts.rectification')}
            testId="chart-rectification"
            onHit={hits?.rectification}
          />
        </ChartCard>
        <ChartCard
          title={t('results:dashboard.charts.organs')}
          wide
          extra={
            <Select
              showSearch
              allowClear
              size="small"
              style={{ width: 240 }}
              placeholder={t('results:dashboard.within')}
              aria-label={t('results:dashboard.within')}
              value={within ?? comparison?.root ?? undefined}
              onChange={(v) => setParam('within', v)}
              options={organOptions}
              filterOption={matchesLabel}
              data-testid="dashboard-within"
            />
          }
        >
          {charts && charts.groups.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('results:dashboard.noOrgans')} />
          ) : (
            <Chart
              option={charts?.organs ?? null}
              height={Math.max(200, (charts?.groups.length ?? 0) * 30 + 48)}
              label={t('results:dashboard.charts.organs')}
              testId="chart-organs"
              onHit={hits?.organs}
            />
          )}
        </ChartCard>
      </div>
    </div>
  );
}

function ChartCard(props: { title: string; extra?: ReactNode; wide?: boolean; children: ReactNode }) {
  return (
    <Card
      size="small"
      className={`chart-card${props.wide ? ' chart-card-wide' : ''}`}
      title={props.title}
      extra={
        typeof props.extra === 'string' ? (
          <Typography.Text type="secondary">{props.extra}</Typography.Text>
        ) : (
          props.extra
        )
      }
    >
      {props.children}
    </Card>
  );
}

function Kpi(props: {
  icon: ReactNode;
  label: string;
  value: number | string | undefined;
  hint?: string;
  tone?: 'danger' | 'good';
  testId: string;
  onClick?: () => void;
}) {
  const body = (
    <>
      <span className={`kpi-icon${props.tone ? ` kpi-${props.tone}` : ''}`}>{props.icon}</span>
      <span className="kpi-text">
        <span className="kpi-label">{props.label}</span>
        <span className={`kpi-value${props.tone ? ` kpi-${props.tone}` : ''}`} data-testid={`${props.testId}-value`}>
          {props.value === undefined
            ? '…'
            : typeof props.value === 'number'
              ? props.value.toLocaleString()
              : props.value}
        </span>
      </span>
    </>
  );
  const content = props.onClick ? (
    <button type="button" className="kpi kpi-link" onClick={props.onClick} data-testid={props.testId}>
      {body}
    </button>
  ) : (
    <div className="kpi" data-testid={props.testId}>
      {body}
    </div>
  );
  return props.hint ? <Tooltip title={props.hint}>{content}</Tooltip> : content;
}
