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
  viewChild,
} from '@angular/core';
import {
  CategoryScale,
  Chart,
  type ChartConfiguration,
  type ChartDataset,
  type ChartOptions,
  Filler,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
} from 'chart.js';

import {
  type ChartUnit,
  type LineSeries,
  categoriesOf,
  countActualPoints,
  formatChartValue,
  valuesAlong,
} from './line-series';

// Only what a line chart needs, so that the rest of Chart.js is left out of the bundle.
Chart.register(
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Legend,
  Tooltip,
  Filler,
);

type LineChartInstance = Chart<'line', (number | null)[], string>;

const FONT_FAMILY =
  '"Hiragino Sans", "Noto Sans JP", "IPAGothic", "Yu Gothic", sans-serif';
const STYLE_COLORS: Readonly<Record<LineSeries['style'], string>> = {
  actual: '#1f5fa8',
  target: '#a14d00',
};

@Component({
  selector: 'ik-line-chart',
  templateUrl: './line-chart.html',
  styleUrl: './line-chart.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '[attr.data-point-count]': 'actualPointCount()',
    '[attr.aria-busy]': 'loading()',
  },
})
export class LineChart {
  readonly series = input.required<readonly LineSeries[]>();
  readonly unit = input<ChartUnit>('%');
  readonly loading = input(false);
  readonly ariaLabel = input.required<string>();
  /** Header of the category column in the screen-reader table, e.g. 年度. */
  readonly categoryLabel = input('');

  private readonly canvas =
    viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private chart: LineChartInstance | null = null;

  protected readonly categories = computed(() => categoriesOf(this.series()));
  protected readonly actualPointCount = computed(() =>
    countActualPoints(this.series()),
  );
  protected readonly tableRows = computed(() => {
    const categories = this.categories();
    const columns = this.series().map((line) => valuesAlong(line, categories));
    const unit = this.unit();
    return categories.map((category, row) => ({
      category,
      values: columns.map((column) => formatChartValue(column[row], unit)),
    }));
  });
  private readonly chartData = computed(() => {
    const categories = this.categories();
    return {
      labels: categories,
      datasets: this.series().map((line) => toDataset(line, categories)),
    };
  });

  constructor() {
    afterNextRender(() => {
      this.chart = this.createChart();
    });
    effect(() => {
      const data = this.chartData();
      const unit = this.unit();
      if (this.chart) {
        this.chart.data = data;
        this.chart.options = chartOptions(unit);
        this.chart.update();
      }
    });
    inject(DestroyRef).onDestroy(() => {
      this.chart?.destroy();
      this.chart = null;
    });
  }

  private createChart(): LineChartInstance | null {
    const canvas = this.canvas().nativeElement;
    // No 2D context (e.g. jsdom): keep the accessible table and skip drawing.
    if (!canvas.getContext('2d')) {
      return null;
    }
    const config: ChartConfiguration<'line', (number | null)[], string> = {
      type: 'line',
      data: this.chartData(),
      options: chartOptions(this.unit()),
    };
    return new Chart(canvas, config);
  }
}

function toDataset(
  line: LineSeries,
  categories: readonly string[],
): ChartDataset<'line', (number | null)[]> {
  const color = STYLE_COLORS[line.style];
  const isTarget = line.style === 'target';
  return {
    label: line.label,
    data: valuesAlong(line, categories),
    borderColor: color,
    backgroundColor: color,
    borderWidth: isTarget ? 2 : 3,
    borderDash: isTarget ? [6, 4] : [],
    pointRadius: isTarget ? 0 : 4,
    pointHoverRadius: isTarget ? 3 : 6,
    spanGaps: isTarget,
    tension: 0,
    fill: false,
  };
}

function chartOptions(unit: ChartUnit): ChartOptions<'line'> {
  const reducedMotion =
    typeof matchMedia === 'function' &&
    matchMedia('(prefers-reduced-motion: reduce)').matches;
  const font = { family: FONT_FAMILY, size: 13 };
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: reducedMotion ? false : { duration: 300 },
    interaction: { mode: 'index', intersect: false },
    scales: {
      x: { ticks: { font, color: '#333' }, grid: { display: false } },
      y: {
        beginAtZero: true,
        ticks: { font, color: '#333', callback: (value) => `${value}${unit}` },
      },
    },
    plugins: {
      legend: {
        position: 'bottom',
        labels: { font, color: '#222', boxWidth: 28, boxHeight: 3 },
      },
      tooltip: {
        titleFont: font,
        bodyFont: font,
        callbacks: {
          label: (item) =>
            `${item.dataset.label ?? ''}: ${formatChartValue(item.parsed.y, unit)}`,
        },
      },
    },
  };
}
