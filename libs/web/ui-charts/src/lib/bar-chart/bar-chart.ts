import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  type ElementRef,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  untracked,
  viewChild,
} from '@angular/core';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  type ChartData,
  type ChartOptions,
  Legend,
  LinearScale,
  type Plugin,
  Tooltip,
} from 'chart.js';

import {
  CHART_FONT_FAMILY,
  REFERENCE_LINE_COLOR,
  SERIES_COLORS,
  prefersReducedMotion,
} from '../common/chart-theme';
import { type ChartUnit, formatChartValue } from '../line-chart/line-series';
import {
  type BarChartData,
  type BarLayout,
  type ReferenceLine,
  barTableRows,
  barValueMax,
} from './bar-series';

// Only what a bar chart needs, so that the rest of Chart.js is left out of the bundle.
Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  Legend,
  Tooltip,
);

type BarChartInstance = Chart<'bar', (number | null)[], string>;

@Component({
  selector: 'ik-bar-chart',
  templateUrl: './bar-chart.html',
  styleUrl: '../line-chart/line-chart.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '[attr.aria-busy]': 'loading()',
    '[attr.data-bar-count]': 'barCount()',
    '[style.--ik-chart-height]': 'height()',
  },
})
export class BarChart {
  readonly data = input.required<BarChartData>();
  readonly unit = input<ChartUnit>('');
  readonly layout = input<BarLayout>('grouped');
  /** Bars run left to right, for long category names such as org units. */
  readonly horizontal = input(false);
  readonly referenceLine = input<ReferenceLine | null>(null);
  readonly loading = input(false);
  readonly ariaLabel = input.required<string>();
  /** Header of the category column in the screen-reader table. */
  readonly categoryLabel = input('');
  readonly height = input('18rem');

  private readonly canvas =
    viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private chart: BarChartInstance | null = null;

  protected readonly tableRows = computed(() =>
    barTableRows(this.data(), this.unit(), formatChartValue),
  );
  protected readonly barCount = computed(() =>
    this.data().series.reduce(
      (count, series) =>
        count + series.values.filter((value) => value !== null).length,
      0,
    ),
  );
  private readonly chartData = computed<
    ChartData<'bar', (number | null)[], string>
  >(() => {
    const data = this.data();
    return {
      labels: [...data.categories],
      datasets: data.series.map((series, index) => {
        const color = SERIES_COLORS[index % SERIES_COLORS.length];
        return {
          label: series.label,
          data: [...series.values],
          backgroundColor: color,
          borderColor: color,
          borderWidth: 0,
          maxBarThickness: 48,
        };
      }),
    };
  });
  private readonly chartOptions = computed(() =>
    barOptions({
      unit: this.unit(),
      stacked: this.layout() === 'stacked',
      horizontal: this.horizontal(),
      showLegend: this.data().series.length > 1,
      valueMax: barValueMax(this.data(), this.layout(), this.referenceLine()),
    }),
  );

  constructor() {
    afterNextRender(() => {
      this.chart = this.createChart();
    });
    effect(() => {
      const data = this.chartData();
      const options = this.chartOptions();
      this.referenceLine();
      if (this.chart) {
        this.chart.data = data;
        this.chart.options = options;
        this.chart.update();
      }
    });
    inject(DestroyRef).onDestroy(() => {
      this.chart?.destroy();
      this.chart = null;
    });
  }

  private createChart(): BarChartInstance | null {
    const canvas = this.canvas().nativeElement;
    // No 2D context (e.g. jsdom): keep the accessible table and skip drawing.
    if (!canvas.getContext('2d')) {
      return null;
    }
    const config: ChartConfiguration<'bar', (number | null)[], string> = {
      type: 'bar',
      data: untracked(this.chartData),
      options: untracked(this.chartOptions),
      plugins: [referenceLinePlugin(() => untracked(this.referenceLine))],
    };
    return new Chart(canvas, config);
  }
}

interface BarOptionsInput {
  unit: ChartUnit;
  stacked: boolean;
  horizontal: boolean;
  showLegend: boolean;
  valueMax: number;
}

function barOptions(input: BarOptionsInput): ChartOptions<'bar'> {
  const font = { family: CHART_FONT_FAMILY, size: 13 };
  const valueAxis = {
    beginAtZero: true,
    stacked: input.stacked,
    // Room above the tallest bar or the reference line, so the line is never on the frame.
    suggestedMax: input.valueMax > 0 ? input.valueMax * 1.08 : undefined,
    ticks: {
      font,
      color: '#333',
      callback: (value: string | number) => `${value}${input.unit}`,
    },
  };
  const categoryAxis = {
    stacked: input.stacked,
    ticks: { font, color: '#333', autoSkip: false },
    grid: { display: false },
  };
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: prefersReducedMotion() ? false : { duration: 300 },
    indexAxis: input.horizontal ? 'y' : 'x',
    interaction: { mode: 'index', intersect: false },
    scales: input.horizontal
      ? { x: valueAxis, y: categoryAxis }
      : { x: categoryAxis, y: valueAxis },
    plugins: {
      legend: {
        display: input.showLegend,
        position: 'bottom',
        labels: { font, color: '#222', boxWidth: 16, boxHeight: 12 },
      },
      tooltip: {
        titleFont: font,
        bodyFont: font,
        callbacks: {
          label: (item) => {
            const value = input.horizontal ? item.parsed.x : item.parsed.y;
            return `${item.dataset.label ?? ''}: ${formatChartValue(value, input.unit)}`;
          },
        },
      },
    },
  };
}

/** Draws the reference line over the bars; read at every draw, so updates need no re-registration. */
function referenceLinePlugin(line: () => ReferenceLine | null): Plugin<'bar'> {
  return {
    id: 'ikReferenceLine',
    afterDatasetsDraw(chart) {
      const reference = line();
      if (!reference) {
        return;
      }
      const horizontal = chart.options.indexAxis === 'y';
      const scale = chart.scales[horizontal ? 'x' : 'y'];
      const { ctx, chartArea } = chart;
      if (!scale || !ctx) {
        return;
      }
      const pixel = scale.getPixelForValue(reference.value);
      ctx.save();
      ctx.strokeStyle = REFERENCE_LINE_COLOR;
      ctx.fillStyle = REFERENCE_LINE_COLOR;
      ctx.lineWidth = 2;
      ctx.setLineDash([6, 4]);
      ctx.beginPath();
      if (horizontal) {
        ctx.moveTo(pixel, chartArea.top);
        ctx.lineTo(pixel, chartArea.bottom);
      } else {
        ctx.moveTo(chartArea.left, pixel);
        ctx.lineTo(chartArea.right, pixel);
      }
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.font = `12px ${CHART_FONT_FAMILY}`;
      ctx.textAlign = 'right';
      if (horizontal) {
        ctx.fillText(reference.label, pixel - 4, chartArea.top + 12);
      } else {
        ctx.fillText(reference.label, chartArea.right - 4, pixel - 4);
      }
      ctx.restore();
    },
  };
}
