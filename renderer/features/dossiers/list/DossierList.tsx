import { PlusOutlined, SearchOutlined, WarningFilled } from '@ant-design/icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { App, Button, Empty, Input, type InputRef, Space, Spin, Tag, Typography } from 'antd';
import { memo, startTransition, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { daysBetween } from '../../../../shared/calendar/dates';
import { DOSSIER_STATUSES } from '../../../../shared/domain/dossier';
import { parseQuery } from '../../../../shared/search/tokenize';
import { useCommand } from '../../../app/commands';
import { useSession } from '../../../app/session';
import type { PageCursor } from '../../../db/dossiers/catalog';
import type { DossierQuery } from '../../../db/dossiers/filters';
import type { DossierCard } from '../../../db/dossiers/layout';
import { holdSearchIndex, listDossiers, type StatusCounts } from '../../../db/dossiers/store';
import { Highlight } from '../components/Highlight';
import { formatInstant, STATUS_COLORS } from '../components/labels';
import { useNames, useRegistryOptions } from '../data/names';
import { useDossiers } from '../data/use-store';
import { FilterBar } from './FilterBar';
import { paramsFromQuery, queryFromParams } from './query-params';

// A screenful and a half: later pages load as the clerk scrolls.
const PAGE = 24;
const ROW_HEIGHT = 62;

interface ListState {
  key: string;
  cards: DossierCard[];
  total: number;
  overdue: number;
  /** How many dossiers each status holds under the other filters (the chips). */
  counts?: StatusCounts['counts'];
  next?: PageCursor;
  loading: boolean;
}

/** Marks a measured span for the benchmarks: from `start` to the next painted frame. */
function measureAfterPaint(name: string, start: number): void {
  requestAnimationFrame(() => {
    performance.measure(name, { start, end: performance.now() });
  });
}

export function DossierList() {
  const { t } = useTranslation('dossiers');
  const { db, today } = useDossiers();
  const { office } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => queryFromParams(params), [params]);
  const queryKey = paramsFromQuery(query).toString();
  const [state, setState] = useState<ListState>({ key: '', cards: [], total: 0, overdue: 0, loading: true });
  const request = useRef(0);
  const pendingMeasure = useRef<{ name: string; start: number } | null>(null);
  const { message } = App.useApp();
  // A read that fails ends the spinner and says so; the next query or scroll tries again.
  const failed = useCallback(
    (error: unknown) => {
      console.error(error);
      setState((s) => ({ ...s, loading: false }));
      void message.error(t('list.loadFailed'));
    },
    [message, t],
  );
  const searchRef = useRef<InputRef>(null);
  const [text, setText] = useState(query.text ?? '');
  // The filters' option lists wait for the first page: the rows come first.
  const options = useRegistryOptions(db, state.key !== '');

  const setQuery = useCallback(
    (next: DossierQuery) => setParams(paramsFromQuery(next), { replace: true }),
    [setParams],
  );

  // First page and the status counts whenever the query changes, shown together: one
  // render, a few milliseconds after the counts alone could be.
  // biome-ignore lint/correctness/useExhaustiveDependencies: queryKey stands for the query
  useEffect(() => {
    const id = ++request.current;
    const start = performance.now();
    // Not an urgent render: run in this effect, it would go before the read's first
    // requests and hold them back.
    startTransition(() => setState((s) => ({ ...s, loading: true })));
    void listDossiers(db, query, { today, limit: PAGE }).then((page) => {
      if (id !== request.current) return;
      performance.measure('desk:dossiers:data', { start, end: performance.now() });
      pendingMeasure.current = { name: query.text ? 'desk:dossiers:search' : 'desk:dossiers:first-page', start };
      setState({
        key: queryKey,
        cards: page.cards,
        total: page.total,
        overdue: page.overdue,
        counts: page.counts,
        ...(page.next ? { next: page.next } : {}),
        loading: false,
      });
    }, failed);
  }, [db, queryKey, today]);

  // Once rows are up, the search index is read into memory for the searches to come,
  // when the page is next idle (again after a write dropped it; nothing to do while it
  // is held). One check at a time, not put off by each new query.
  const holdPending = useRef<number>(undefined);
  useEffect(() => {
    if (state.key === '' || holdPending.current !== undefined) return;
    holdPending.current = requestIdleCallback(
      () => {
        holdPending.current = undefined;
        holdSearchIndex(db).catch((error) => console.warn(error));
      },
      { timeout: 1000 },
    );
  }, [db, state.key]);
  useEffect(() => () => cancelIdleCallback(holdPending.current ?? 0), []);

  // The benchmarks read these spans: from the query to the rows and counts on screen.
  useLayoutEffect(() => {
    const pending = pendingMeasure.current;
    if (pending && !state.loading) {
      pendingMeasure.current = null;
      measureAfterPaint(pending.name, pending.start);
      measureAfterPaint('desk:dossiers:counts', pending.start);
    }
  }, [state]);

  const loadMore = useCallback(() => {
    if (state.loading || !state.next) return;
    const id = ++request.current;
    const cursor = state.next;
    setState((s) => ({ ...s, loading: true }));
    void listDossiers(db, query, { today, limit: PAGE, cursor }).then((page) => {
      if (id !== request.current) return;
      setState((s) => ({
        ...s,
        cards: [...s.cards, ...page.cards],
        next: page.next,
        loading: false,
      }));
    }, failed);
  }, [db, query, today, state.loading, state.next, failed]);

  // Search as the clerk types, a moment after the last key.
  useEffect(() => setText(query.text ?? ''), [query.text]);
  useEffect(() => {
    if ((query.text ?? '') === text.trim()) return;
    const timer = setTimeout(() => setQuery({ ...query, text }), 250);
    return () => clearTimeout(timer);
  }, [text, query, setQuery]);

  useCommand(
    'search',
    useCallback(() => searchRef.current?.focus({ cursor: 'all' }), []),
  );

  const parts = useMemo(() => parseQuery(query.text ?? ''), [query.text]);
  const names = useNames(
    db,
    {
      subjects: state.cards.flatMap((c) => c.subjectIds.slice(0, 3)),
      organs: state.cards.flatMap((c) => (c.subjectIds.length === 0 ? c.supervisedOrganIds.slice(0, 3) : [])),
    },
    office?.name ?? '',
  );

  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = state.cards.length + (state.next ? 1 : 0);
  const virtualizer = useVirtualizer({
    count: rows,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (lastIndex >= state.cards.length - 1 && state.next) loadMore();
  }, [lastIndex, state.cards.length, state.next, loadMore]);
  // A new query starts at the top.
  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll back on every new result set
  useEffect(() => {
    const el = scrollRef.current;
    if (el && el.scrollTop > 0) el.scrollTo({ top: 0 });
  }, [state.key]);

  const statusFilter = query.statuses?.length === 1 ? query.statuses[0] : undefined;
  const statusCounts = state.counts;
  const allCount = statusCounts ? Object.values(statusCounts).reduce((a, b) => a + b, 0) : 0;

  return (
    <div className="dossier-list" data-testid="dossier-list">
      <div className="dossier-list-top">
        <Input
          ref={searchRef}
          allowClear
          size="large"
          prefix={<SearchOutlined />}
          placeholder={t('list.searchPlaceholder')}
          aria-label={t('list.searchPlaceholder')}
          data-testid="dossier-search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onPressEnter={() => setQuery({ ...query, text })}
        />
        <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => navigate('/dossiers/new')}>
          {t('list.new')}
        </Button>
      </div>

      <div className="status-chips" role="tablist" aria-label={t('list.columns.status')} data-testid="status-chips">
        <Tag.CheckableTag
          checked={!statusFilter}
          onChange={() => setQuery({ ...query, statuses: [] })}
          data-testid="status-all"
        >
          {t('list.all')} <span className="chip-count">{allCount.toLocaleString()}</span>
        </Tag.CheckableTag>
        {DOSSIER_STATUSES.map((s) => (
          <Tag.CheckableTag
            key={s}
            checked={statusFilter === s}
            onChange={(checked) => setQuery({ ...query, statuses: checked ? [s] : [] })}
            data-testid={`status-${s}`}
          >
            {t(`statuses.${s}`)} <span className="chip-count">{(statusCounts?.[s] ?? 0).toLocaleString()}</span>
          </Tag.CheckableTag>
        ))}
      </div>

      <FilterBar query={query} onChange={setQuery} options={options} />

      <div className="dossier-table">
        <div className="dossier-row dossier-head">
          <span>{t('list.columns.number')}</span>
          <span>{t('list.columns.title')}</span>
          <span>{t('list.columns.kind')}</span>
          <span>{t('list.columns.status')}</span>
          <span>{t('list.columns.due')}</span>
          <span>{t('list.columns.findings')}</span>
          <span>{t('list.columns.updatedAt')}</span>
        </div>
        <div ref={scrollRef} className="dossier-scroll" data-testid="dossier-scroll">
          {state.cards.length === 0 && !state.loading ? (
            <Empty
              className="dossier-empty"
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={allCount === 0 && !query.text ? t('list.emptyAll') : t('list.empty')}
            />
          ) : (
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {items.map((item) => {
                const card = state.cards[item.index];
                return (
                  <div
                    key={item.key}
                    className="dossier-virtual-row"
                    style={{ transform: `translateY(${item.start}px)`, height: item.size }}
                  >
                    {card ? (
                      <Row card={card} today={today} parts={parts} names={names} />
                    ) : (
                      <div className="dossier-row dossier-loading">
                        <Spin size="small" /> {t('list.loadMore')}
                      </div>
                    )}
                  </div>
                );
              })}
            </div>
          )}
        </div>
        <div className="dossier-foot" data-testid="dossier-total">
          {state.loading && state.cards.length === 0 ? (
            <Spin size="small" />
          ) : (
            <Space size={16}>
              <span>{t('list.total', { count: state.total })}</span>
              {state.overdue > 0 && (
                <Typography.Text type="danger">{t('list.overdueCount', { count: state.overdue })}</Typography.Text>
              )}
            </Space>
          )}
        </div>
      </div>
    </div>
  );
}

const Row = memo(function Row({
  card,
  today,
  parts,
  names,
}: {
  card: DossierCard;
  today: string;
  parts: ReturnType<typeof parseQuery>;
  names: ReturnType<typeof useNames>;
}) {
  const { t } = useTranslation('dossiers');
  const navigate = useNavigate();
  const overdueDays = card.dueOn && card.dueOn < today ? daysBetween(card.dueOn, today) : 0;
  const sent = card.senderNames;
  const supervised =
    card.subjectIds.length > 0
      ? card.subjectIds.slice(0, 3).map((id) => sent?.[id] ?? names.subject(id))
      : card.supervisedOrganIds.slice(0, 3).map((id) => sent?.[id] ?? names.organ(id));
  const more = Math.max(card.subjectIds.length, card.supervisedOrganIds.length) - supervised.length;
  const open = () => navigate(`/dossiers/${encodeURIComponent(card.id)}`);
  return (
    <button type="button" className="dossier-row" data-testid="dossier-row" onClick={open}>
      <span className="cell-number">
        <Highlight text={card.number} parts={parts} />
      </span>
      <span className="cell-title">
        <span className="title-line">
          {card.receivedFrom && (
            <span className="row-tag row-tag-purple" title={card.receivedFrom}>
              {t('list.readOnly')}
            </span>
          )}
          <Highlight text={card.title} parts={parts} />
        </span>
        <span className="subject-line">
          <Highlight
            text={supervised.join(t('list.separator')) + (more > 0 ? t('list.moreSubjects', { count: more }) : '')}
            parts={parts}
          />
        </span>
      </span>
      <span>{t(`kinds.${card.kind}`)}</span>
      <span>
        <span className={`row-tag row-tag-${STATUS_COLORS[card.status]}`}>{t(`statuses.${card.status}`)}</span>
      </span>
      <span className={overdueDays > 0 ? 'cell-overdue' : undefined}>
        {card.dueOn ?? '—'}
        {overdueDays > 0 && (
          <span className="overdue-note">
            <WarningFilled /> {t('list.dueOverdue', { days: overdueDays })}
          </span>
        )}
      </span>
      <span>
        {card.findingCount > 0 ? t('list.findingsCell', { open: card.openFindings, total: card.findingCount }) : '—'}
      </span>
      <span className="cell-muted">{formatInstant(card.updatedAt)}</span>
    </button>
  );
});
