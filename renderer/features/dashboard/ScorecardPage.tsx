import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Segmented, Select, Space, Statistic, Table, Typography } from 'antd';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { Locale } from '../../../shared/domain/locale';
import {
  comparisonSheet,
  percent,
  type Scorecard,
  type SheetLabels,
  scorecardSheets,
} from '../../../shared/results/scorecard';
import { CATEGORY_KEYS, OTHER_CATEGORY, onTimeRate, rectificationRate } from '../../../shared/results/tally';
import { GRADES } from '../../../shared/review/rubric';
import { FINDING_TAXONOMY, labelOf } from '../../../shared/taxonomy/findings';
import { call } from '../../api/client';
import { useErrorMessage } from '../../components/use-error-message';
import { db } from '../../db/database';
import { todayOf } from '../../db/dossiers/store';
import { loadScorecard, loadSubjectScorecards } from '../../db/results/scorecard';
import { useRegistryOptions } from '../dossiers/data/names';
import { GradeTag } from '../reviews/GradeTag';
import { Chart } from './charts/Chart';
import { PALETTE } from './charts/palette';
import { monthBars, percentText } from './options';
import { isPeriodKey, PERIODS, type PeriodKey, periodFor } from './period';

type Kind = 'subject' | 'organ';

/** 成绩单: one subject's or subordinate organ's figures, exportable for the annual report. */
export default function ScorecardPage() {
  const { t, i18n } = useTranslation(['results', 'dossiers']);
  const locale: Locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const kind: Kind = params.get('kind') === 'organ' ? 'organ' : 'subject';
  const id = params.get('id') ?? undefined;
  const periodParam = params.get('period');
  const periodKey: PeriodKey = isPeriodKey(periodParam) ? periodParam : 'year';
  const today = useMemo(() => todayOf(new Date()), []);
  const period = useMemo(() => periodFor(periodKey, today), [periodKey, today]);
  const options = useRegistryOptions(db());
  const [card, setCard] = useState<Scorecard | null>(null);
  const started = useRef(0);

  useEffect(() => {
    if (!id) {
      setCard(null);
      return;
    }
    let live = true;
    started.current = performance.now();
    void loadScorecard(db(), { kind, id }, period, today).then((loaded) => {
      performance.measure('desk:scorecard:data', { start: started.current, end: performance.now() });
      if (live) setCard(loaded);
    });
    return () => {
      live = false;
    };
  }, [kind, id, period, today]);

  // The benchmark reads this span: from asking for the figures to the scorecard painted.
  useLayoutEffect(() => {
    if (!card) return;
    const start = started.current;
    requestAnimationFrame(() => performance.measure('desk:scorecard:load', { start, end: performance.now() }));
  }, [card]);

  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  const categoryLabel = (i: number) =>
    i === OTHER_CATEGORY ? t('results:dashboard.otherCategory') : labelOf(FINDING_TAXONOMY[i], locale);
  const labels: SheetLabels = {
    category: categoryLabel,
    grade: (g) => t(`results:review.grades.${g}`),
    columns: t('results:scorecard.columns', { returnObjects: true }) as SheetLabels['columns'],
    summary: t('results:scorecard.summary', { returnObjects: true }) as SheetLabels['summary'],
    sheets: t('results:scorecard.sheets', { returnObjects: true }) as SheetLabels['sheets'],
  };
  const periodText = period.from
    ? t('results:dashboard.periodRange', { from: period.from, to: period.to })
    : t('results:dashboard.periodAll');

  const exportCard = async () => {
    if (!card) return;
    try {
      const result = await call('registry.exportXlsx', {
        defaultName: t('results:scorecard.fileName', { name: card.name }),
        sheets: scorecardSheets(card, periodText, labels),
      });
      if (result.saved) void message.success(t('results:scorecard.exported', { name: result.fileName ?? '' }));
    } catch (error) {
      showError(error);
    }
  };
  const exportAll = async () => {
    try {
      const cards = await loadSubjectScorecards(db(), period, today);
      const result = await call('registry.exportXlsx', {
        defaultName: t('results:scorecard.allFileName'),
        sheets: [comparisonSheet(cards, labels)],
      });
      if (result.saved) void message.success(t('results:scorecard.exported', { name: result.fileName ?? '' }));
    } catch (error) {
      showError(error);
    }
  };

  const trend = useMemo(() => {
    if (!card) return null;
    const months = card.tally.months.map((m) => m.month);
    return monthBars(
      months,
      [
        {
          name: t('results:scorecard.columns.findings'),
          values: card.tally.months.map((m) => m.findings),
          color: PALETTE.primary,
        },
        {
          name: t('results:scorecard.columns.rectified'),
          values: card.tally.months.map((m) => m.rectified),
          color: PALETTE.good,
        },
      ],
      {
        name: t('results:dashboard.onTimeRate'),
        values: card.tally.months.map((m) => onTimeRate(m)),
        color: PALETTE.late,
      },
    );
  }, [card, t]);

  const categories = card
    ? CATEGORY_KEYS.map((_, i) => i)
        .concat([OTHER_CATEGORY])
        .map((i) => ({ i, n: card.tally.byCategory[i] ?? 0 }))
        .filter((c) => c.n > 0)
        .sort((a, b) => b.n - a.n)
    : [];

  return (
    <div className="dashboard" data-testid="scorecard-page">
      <div className="dashboard-toolbar">
        <Space wrap>
          <Button onClick={() => navigate('/dashboard')}>{t('results:scorecard.back')}</Button>
          <Segmented<Kind>
            value={kind}
            onChange={(v) => set({ kind: v, id: undefined })}
            options={[
              { value: 'subject', label: t('results:scorecard.subject') },
              { value: 'organ', label: t('results:scorecard.organ') },
            ]}
          />
          <Select
            showSearch
            style={{ width: 320 }}
            placeholder={t('results:scorecard.choose')}
            optionFilterProp="label"
            value={id}
            onChange={(v) => set({ id: v })}
            options={kind === 'subject' ? options.subjects : options.organs}
            data-testid="scorecard-target"
          />
        </Space>
        <Space wrap>
          <Segmented<PeriodKey>
            value={periodKey}
            onChange={(v) => set({ period: v })}
            options={PERIODS.map((p) => ({ value: p, label: t(`results:dashboard.periods.${p}`) }))}
          />
          <Button
            icon={<DownloadOutlined />}
            disabled={!card}
            onClick={() => void exportCard()}
            data-testid="scorecard-export"
          >
            {t('results:scorecard.export')}
          </Button>
          <Button onClick={() => void exportAll()} data-testid="scorecard-export-all">
            {t('results:scorecard.exportAll')}
          </Button>
        </Space>
      </div>

      {!id || !card ? (
        <Card>
          <Empty description={t('results:scorecard.none')} />
        </Card>
      ) : (
        <>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="scorecard-name">
            {card.name}
          </Typography.Title>
          <Typography.Text type="secondary">{periodText}</Typography.Text>
          <div className="review-stats scorecard-stats">
            <Card size="small">
              <Statistic title={t('results:scorecard.summary.matters')} value={card.tally.dossiers} />
            </Card>
            <Card size="small">
              <Statistic title={t('results:scorecard.summary.findings')} value={card.tally.findings} />
            </Card>
            <Card size="small">
              <Statistic
                title={t('results:dashboard.kpi.rectificationRate')}
                value={percentText(rectificationRate(card.tally))}
              />
            </Card>
            <Card size="small">
              <Statistic title={t('results:dashboard.kpi.onTimeRate')} value={percentText(onTimeRate(card.tally))} />
            </Card>
            <Card size="small">
              <Statistic title={t('results:scorecard.summary.overdue')} value={card.tally.overdue} />
            </Card>
            <Card size="small">
              <Statistic title={t('results:scorecard.summary.reviewed')} value={card.reviews.files} />
            </Card>
            <Card size="small">
              <Statistic title={t('results:scorecard.summary.average')} value={card.reviews.average ?? '—'} />
            </Card>
          </div>
          <div className="chart-grid">
            <Card size="small" className="chart-card chart-card-wide" title={t('results:scorecard.trend')}>
              <Chart option={trend} height={260} label={t('results:scorecard.trend')} testId="scorecard-trend" />
            </Card>
            <Card size="small" className="chart-card" title={t('results:scorecard.categories')}>
              {categories.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('results:scorecard.noFindings')} />
              ) : (
                <Table
                  rowKey="i"
                  size="small"
                  pagination={false}
                  dataSource={categories}
                  columns={[
                    { title: t('results:scorecard.columns.category'), render: (_, c) => categoryLabel(c.i) },
                    { title: t('results:scorecard.columns.findings'), dataIndex: 'n', align: 'right' },
                    {
                      title: t('results:scorecard.columns.share'),
                      align: 'right',
                      render: (_, c) => percent(card.tally.findings ? c.n / card.tally.findings : null),
                    },
                  ]}
                />
              )}
            </Card>
            <Card size="small" className="chart-card" title={t('results:scorecard.reviews')}>
              {card.reviews.files === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('results:scorecard.noReviews')} />
              ) : (
                <Space orientation="vertical">
                  {GRADES.map((g) => (
                    <Space key={g}>
                      <GradeTag grade={g} />
                      <span>{card.reviews.byGrade[g]}</span>
                    </Space>
                  ))}
                  <span>
                    {t('results:scorecard.summary.vetoed')}: {card.reviews.vetoed}
                  </span>
                </Space>
              )}
            </Card>
          </div>
        </>
      )}
    </div>
  );
}
