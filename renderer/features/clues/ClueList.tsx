import { ExportOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Select, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { clueDeadline } from '../../../shared/clues/assessment';
import { CLUE_SOURCES, CLUE_STATUSES, type Clue, type ClueStatus } from '../../../shared/clues/clue';
import { maskedReporterLine } from '../../../shared/clues/reporter';
import { call } from '../../api/client';
import { useSession } from '../../app/session';
import { useErrorMessage } from '../../components/use-error-message';
import { getCards } from '../../db/dossiers/store';
import { type CluePage, listClues } from '../../db/work/clues';
import { useNames } from '../dossiers/data/names';
import { useDossiers } from '../dossiers/data/use-store';
import { lateDays } from '../followup/use-work';
import { CLUE_STATUS_COLORS } from './labels';

type Filter = ClueStatus | 'all' | 'overdue';

/** 线索登记簿: every clue, newest first, with what is owed on each and by when. */
export function ClueList() {
  const { t } = useTranslation(['clues', 'dossiers', 'common']);
  const { db, today } = useDossiers();
  const { office } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = (params.get('status') ?? 'all') as Filter;
  const source = (params.get('source') ?? undefined) as Clue['source'] | undefined;
  const [text, setText] = useState(params.get('q') ?? '');
  const [page, setPage] = useState<CluePage | null>(null);
  const showError = useErrorMessage();
  const { message } = App.useApp();

  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const q = params.get('q') ?? '';
  useEffect(() => {
    let live = true;
    void listClues(
      db,
      {
        ...(filter === 'overdue' ? { overdue: true } : filter !== 'all' ? { status: filter } : {}),
        ...(source ? { source } : {}),
        text: q,
      },
      { today, limit: 5000 },
    ).then((p) => {
      if (live) setPage(p);
    });
    return () => {
      live = false;
    };
  }, [db, filter, source, q, today]);

  const [numbers, setNumbers] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    const ids = (page?.clues ?? []).flatMap((c) => (c.dossierId ? [c.dossierId] : []));
    if (ids.length === 0) return;
    let live = true;
    void getCards(db, ids).then((cards) => {
      if (live) setNumbers(new Map(cards.map((c) => [c.id, c.number])));
    });
    return () => {
      live = false;
    };
  }, [db, page]);

  const subjectIds = useMemo(() => [...new Set(page?.clues.flatMap((c) => c.subjectIds) ?? [])], [page]);
  const organIds = useMemo(() => [...new Set(page?.clues.flatMap((c) => c.supervisedOrganIds) ?? [])], [page]);
  const names = useNames(db, { subjects: subjectIds, organs: organIds }, office?.name ?? '');
  const sep = t('dossiers:list.separator');

  const exportRegister = async () => {
    if (!page) return;
    try {
      const header = (k: string) => t(`clues:columns.${k}`);
      const result = await call('registry.exportXlsx', {
        defaultName: `${t('clues:export.fileName')}-${today}.xlsx`,
        sheets: [
          {
            name: t('clues:export.sheet'),
            columns: [
              { header: header('number'), width: 22 },
              { header: header('receivedOn'), width: 12 },
              { header: header('source'), width: 14 },
              { header: header('title'), width: 40 },
              { header: header('subjects'), width: 36 },
              { header: header('reporter'), width: 20 },
              { header: header('status'), width: 12 },
              { header: header('due'), width: 12 },
              { header: header('result'), width: 30 },
            ],
            // The reporter goes out masked: an export is a copy that leaves the app.
            rows: page.clues.map((c) => [
              c.number,
              c.receivedOn,
              t(`dossiers:sources.${c.source}`),
              c.title,
              subjectsText(c),
              c.reporter?.anonymous ? t('clues:reporter.anonymous') : maskedReporterLine(c.reporter),
              t(`clues:statuses.${c.status}`),
              clueDeadline(c)?.due ?? '',
              resultText(c),
            ]),
          },
        ],
      });
      if (result.saved) void message.success(t('clues:export.saved', { name: result.fileName ?? '' }));
    } catch (error) {
      showError(error);
    }
  };

  const subjectsText = (c: Clue) =>
    [
      ...c.subjectIds.map(names.subject),
      ...c.supervisedOrganIds.map(names.organ),
      ...(c.enterprise ? [c.enterprise.name] : []),
    ].join(sep);
  const resultText = (c: Clue) =>
    c.status === 'opened'
      ? (numbers.get(c.dossierId ?? '') ?? '')
      : c.status === 'referred' || c.status === 'replied'
        ? t('clues:list.referredTo', { to: c.referral?.to ?? '' })
        : c.status === 'not_opened'
          ? (c.assessment?.note ?? '')
          : '';

  const chip = (key: Filter, label: string, count: number, danger = false) => (
    <Tag.CheckableTag
      key={key}
      checked={filter === key}
      className={danger && count > 0 ? 'chip-danger' : undefined}
      onChange={() => set('status', key === 'all' ? undefined : key)}
      data-testid={`clue-filter-${key}`}
    >
      {label} <span className="chip-count">{count.toLocaleString()}</span>
    </Tag.CheckableTag>
  );

  return (
    <div className="work-page" data-testid="clue-list">
      <div className="work-toolbar">
        <Input
          allowClear
          size="large"
          prefix={<SearchOutlined />}
          placeholder={t('clues:list.searchPlaceholder')}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            if (!e.target.value) set('q', undefined);
          }}
          onPressEnter={() => set('q', text.trim() || undefined)}
          style={{ flex: 1, minWidth: 280 }}
          data-testid="clue-search"
        />
        <Button
          type="primary"
          size="large"
          icon={<PlusOutlined />}
          onClick={() => navigate('/clues/new')}
          data-testid="clue-new"
        >
          {t('clues:list.new')}
        </Button>
      </div>
      <div className="work-toolbar">
        <div className="work-chips" role="tablist" aria-label={t('clues:columns.status')}>
          {chip('all', t('clues:list.all'), page?.counts.all ?? 0)}
          {CLUE_STATUSES.map((s) => chip(s, t(`clues:statuses.${s}`), page?.counts[s] ?? 0))}
          {chip('overdue', t('clues:list.overdue'), page?.counts.overdue ?? 0, true)}
        </div>
        <span className="spacer" />
        <Select
          allowClear
          placeholder={t('clues:list.anySource')}
          value={source}
          onChange={(v) => set('source', v)}
          style={{ width: 170 }}
          options={CLUE_SOURCES.map((s) => ({ value: s, label: t(`dossiers:sources.${s}`) }))}
          data-testid="clue-source-filter"
        />
        <Tooltip title={t('clues:export.hint')}>
          <Button icon={<ExportOutlined />} onClick={() => void exportRegister()} disabled={!page?.clues.length}>
            {t('clues:export.button')}
          </Button>
        </Tooltip>
      </div>
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Clue>
          className="work-table"
          rowKey="id"
          size="middle"
          loading={!page}
          dataSource={page?.clues ?? []}
          pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (n) => t('clues:list.total', { count: n }) }}
          locale={{ emptyText: page?.counts.all ? t('clues:list.empty') : t('clues:list.emptyAll') }}
          onRow={(c) => ({ 'data-testid': 'clue-row', onDoubleClick: () => navigate(`/clues/${c.id}`) }) as never}
          columns={[
            {
              key: 'number',
              title: t('clues:columns.number'),
              width: 170,
              // Number, then when and how it came in: the title keeps the room it needs.
              render: (_, c) => (
                <>
                  <Link className="work-number" to={`/clues/${c.id}`}>
                    {c.number}
                  </Link>
                  <span className="sub">
                    {c.receivedOn} · {t(`dossiers:sources.${c.source}`)}
                  </span>
                </>
              ),
            },
            {
              key: 'title',
              title: t('clues:columns.title'),
              render: (_, c) => (
                <>
                  <Link to={`/clues/${c.id}`}>{c.title}</Link>
                  <span className="sub">{subjectsText(c) || t('clues:list.noSubject')}</span>
                </>
              ),
            },
            {
              key: 'reporter',
              title: t('clues:columns.reporter'),
              width: 130,
              render: (_, c) =>
                !c.reporter ? (
                  <span className="text-muted">—</span>
                ) : c.reporter.anonymous ? (
                  <span className="text-muted">{t('clues:reporter.anonymous')}</span>
                ) : (
                  <span data-testid="reporter-masked">{maskedReporterLine(c.reporter)}</span>
                ),
            },
            {
              key: 'status',
              title: t('clues:columns.status'),
              width: 96,
              render: (_, c) => <Tag color={CLUE_STATUS_COLORS[c.status]}>{t(`clues:statuses.${c.status}`)}</Tag>,
            },
            {
              key: 'due',
              title: t('clues:columns.due'),
              width: 140,
              render: (_, c) => <DueCell clue={c} today={today} />,
            },
            {
              key: 'result',
              title: t('clues:columns.result'),
              width: 170,
              render: (_, c) => <ResultCell clue={c} number={c.dossierId ? numbers.get(c.dossierId) : undefined} />,
            },
          ]}
        />
      </Card>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('clues:list.reporterNote')}
      </Typography.Text>
    </div>
  );
}

function DueCell({ clue, today }: { clue: Clue; today: string }) {
  const { t } = useTranslation('clues');
  const d = clueDeadline(clue);
  if (!d) {
    if (clue.referral?.reply?.late) return <Tag color="red">{t('list.repliedLate')}</Tag>;
    return <span className="text-muted">—</span>;
  }
  const late = lateDays(d.due, today);
  return (
    <>
      <span className={late > 0 ? 'text-danger' : undefined}>{d.due}</span>
      <span className="sub">
        {t(`deadlines.${d.kind}`)}
        {late > 0 && ` · ${t('list.lateDays', { days: late })}`}
      </span>
    </>
  );
}

function ResultCell({ clue, number }: { clue: Clue; number: string | undefined }) {
  const { t } = useTranslation('clues');
  if (clue.status === 'opened' && clue.dossierId) {
    return (
      <Link className="work-number" to={`/dossiers/${encodeURIComponent(clue.dossierId)}`}>
        {number ?? t('list.openDossier')}
      </Link>
    );
  }
  if (clue.referral) return <span>{t('list.referredTo', { to: clue.referral.to })}</span>;
  if (clue.status === 'not_opened') return <span className="text-muted">{clue.assessment?.note}</span>;
  return <span className="text-muted">—</span>;
}
