import type { EChartsCoreOption } from './charts/echarts';
import { PALETTE } from './charts/palette';

/** Chart options shared by the dashboard and the scorecards: quiet axes, the app's blue. */

const axisLabel = { color: PALETTE.text, fontSize: 12 };
const splitLine = { lineStyle: { color: PALETTE.grid } };

export const tooltipAxis = { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true } as const;

/** Horizontal bars, longest label first read top-down. */
export function horizontalBars(
  labels: readonly string[],
  series: { name: string; values: readonly number[]; color: string; stack?: string }[],
  options: { labelWidth?: number; showValues?: boolean } = {},
): EChartsCoreOption {
  return {
    grid: { left: 8, right: 36, top: series.length > 1 ? 28 : 8, bottom: 4, containLabel: true },
    tooltip: tooltipAxis,
    legend: series.length > 1 ? { top: 0, right: 0, itemWidth: 12, itemHeight: 10, textStyle: axisLabel } : undefined,
    xAxis: { type: 'value', axisLabel, splitLine, minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: [...labels],
      axisTick: { show: false },
      axisLine: { lineStyle: { color: PALETTE.grid } },
      axisLabel: { ...axisLabel, width: options.labelWidth ?? 120, overflow: 'truncate' },
    },
    series: series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: [...s.values],
      stack: s.stack,
      barMaxWidth: 18,
      itemStyle: { color: s.color, borderRadius: s.stack ? 0 : [0, 3, 3, 0] },
      label:
        options.showValues !== false && !s.stack
          ? { show: true, position: 'right', color: PALETTE.text, fontSize: 11 }
          : undefined,
      emphasis: { focus: 'series' },
    })),
  };
}

/** Vertical bars per month, optionally with a rate line on a second axis. */
export function monthBars(
  months: readonly string[],
  bars: { name: string; values: readonly number[]; color: string; stack?: string }[],
  line?: { name: string; values: readonly (number | null)[]; color: string },
): EChartsCoreOption {
  return {
    grid: { left: 8, right: line ? 8 : 16, top: 32, bottom: 4, containLabel: true },
    tooltip: tooltipAxis,
    legend: { top: 0, right: 0, itemWidth: 12, itemHeight: 10, textStyle: axisLabel },
    xAxis: {
      type: 'category',
      data: [...months],
      axisTick: { show: false },
      axisLine: { lineStyle: { color: PALETTE.grid } },
      axisLabel,
    },
    yAxis: [
      { type: 'value', axisLabel, splitLine, minInterval: 1 },
      ...(line
        ? [
            {
              type: 'value',
              min: 0,
              max: 100,
              axisLabel: { ...axisLabel, formatter: '{value}%' },
              splitLine: { show: false },
            },
          ]
        : []),
    ],
    series: [
      ...bars.map((b) => ({
        type: 'bar',
        name: b.name,
        data: [...b.values],
        stack: b.stack,
        barMaxWidth: 22,
        itemStyle: { color: b.color },
        emphasis: { focus: 'series' },
      })),
      ...(line
        ? [
            {
              type: 'line',
              name: line.name,
              yAxisIndex: 1,
              data: line.values.map((v) => (v === null ? null : Math.round(v * 1000) / 10)),
              smooth: true,
              symbolSize: 6,
              connectNulls: true,
              itemStyle: { color: line.color },
              lineStyle: { width: 2 },
              tooltip: { valueFormatter: (v: unknown) => (v === null || v === undefined ? '—' : `${v}%`) },
            },
          ]
        : []),
    ],
  };
}

export function percentText(value: number | null): string {
  return value === null ? '—' : `${(Math.round(value * 1000) / 10).toFixed(1)}%`;
}

/** Last day of a 'YYYY-MM' month. */
export function monthEnd(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const day = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}

/** Every month from `from` to `to` ('YYYY-MM'), so quiet months show as gaps. */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endY = Number(to.slice(0, 4));
  const endM = Number(to.slice(5, 7));
  while (y < endY || (y === endY && m <= endM)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
    if (out.length > 600) break;
  }
  return out;
}
