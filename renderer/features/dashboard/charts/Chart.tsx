import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ECharts, EChartsCoreOption } from './echarts';

/** What a click on a bar or point carries: which series and which item. */
export interface ChartHit {
  seriesIndex: number;
  dataIndex: number;
}

interface SeriesModelLike {
  getData(): { count(): number; getItemLayout(i: number): unknown };
  getRawValue(i: number): unknown;
}

/**
 * The centre of each drawn item, in pixels within the chart, published on the element
 * (data-points) so that the end-to-end tests can click a bar where a clerk would.
 */
function itemCentres(chart: ECharts): { s: number; i: number; x: number; y: number; v: unknown }[] {
  const model = (
    chart as unknown as { getModel(): { getSeriesByIndex(i: number): SeriesModelLike | undefined } }
  ).getModel();
  const out: { s: number; i: number; x: number; y: number; v: unknown }[] = [];
  for (let s = 0; ; s++) {
    const series = model.getSeriesByIndex(s);
    if (!series) break;
    const data = series.getData();
    for (let i = 0; i < data.count(); i++) {
      const layout = data.getItemLayout(i) as
        | { x: number; y: number; width: number; height: number }
        | [number, number]
        | undefined
        | null;
      if (!layout) continue;
      const [x, y] = Array.isArray(layout) ? layout : [layout.x + layout.width / 2, layout.y + layout.height / 2];
      if (Number.isFinite(x) && Number.isFinite(y)) {
        out.push({ s, i, x: Math.round(x), y: Math.round(y), v: series.getRawValue(i) });
      }
    }
  }
  return out;
}

/**
 * One ECharts chart that follows its container's size and reports clicks on items.
 * The chart is created as soon as the container mounts (while the figures are still
 * loading) and drawn once it has an option and has come into view: charts further
 * down the page cost nothing until the clerk scrolls to them.
 */
export const Chart = memo(function Chart(props: {
  option: EChartsCoreOption | null;
  height: number;
  /** Spoken name of the chart for screen readers. */
  label: string;
  testId?: string;
  onHit?: (hit: ChartHit) => void;
}) {
  const { i18n } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ECharts | null>(null);
  const visible = useRef(false);
  const drawn = useRef<EChartsCoreOption | null>(null);
  const onHit = useRef(props.onHit);
  onHit.current = props.onHit;
  const option = useRef(props.option);
  option.current = props.option;

  const draw = () => {
    const chart = chartRef.current;
    const el = ref.current;
    if (!chart || !el || !visible.current || !option.current || drawn.current === option.current) return;
    drawn.current = option.current;
    chart.setOption({ animation: false, ...option.current }, true);
    el.dataset.points = JSON.stringify(itemCentres(chart));
    el.style.cursor = onHit.current ? 'pointer' : 'default';
  };

  // ECharts itself loads after the page has mounted, in a chunk of its own: the page
  // (and the app's first frame, when the dashboard is the start page) does not wait
  // for it to be parsed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new language needs a new chart (its locale); draw reads refs
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let disposed = false;
    let release = () => {};
    void import('./echarts').then(({ echarts }) => {
      if (disposed) return;
      const chart = echarts.init(el, undefined, { renderer: 'canvas', locale: i18n.language === 'en' ? 'EN' : 'ZH' });
      chartRef.current = chart;
      drawn.current = null;
      chart.on('click', (params) => {
        const p = params as { seriesIndex?: number; dataIndex?: number };
        if (p.seriesIndex !== undefined && p.dataIndex !== undefined) {
          onHit.current?.({ seriesIndex: p.seriesIndex, dataIndex: p.dataIndex });
        }
      });
      const resize = new ResizeObserver(() => {
        if (!drawn.current) return;
        chart.resize();
        el.dataset.points = JSON.stringify(itemCentres(chart));
      });
      resize.observe(el);
      const view = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          visible.current = true;
          view.disconnect();
          draw();
        }
      });
      view.observe(el);
      release = () => {
        resize.disconnect();
        view.disconnect();
        chart.dispose();
      };
    });
    return () => {
      disposed = true;
      release();
      chartRef.current = null;
      visible.current = false;
    };
  }, [i18n.language]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: draw reads the latest option and handler from refs
  useEffect(() => {
    draw();
  }, [props.option, props.onHit, i18n.language]);

  return (
    <div
      ref={ref}
      className="desk-chart"
      style={{ height: props.height }}
      role="img"
      aria-label={props.label}
      data-testid={props.testId}
    />
  );
});
