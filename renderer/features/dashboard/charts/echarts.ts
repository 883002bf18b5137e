import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only the chart types and components the dashboard and scorecards draw: this module is
// reached through lazy pages only, so ECharts never weighs on start-up.
echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, CanvasRenderer]);

export type { ECharts, EChartsCoreOption } from 'echarts/core';
export { echarts };
