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
  CategoryScale,
  Chart,
  type ChartConfiguration,
  type ChartData,
  type ChartOptions,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
} from 'chart.js';

import {
  type ChartUnit,
  type LineSeries,
  categoriesOf,
  formatChartValue,
  valuesAlong,
} from '../line-chart/line-series';

// A sparkline has no axes, legend or tooltip: only the line pieces are registered.
Chart.register(
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
);

type SparklineInstance = Chart<'line', (number | null)[], string>;

const STYLE_COLORS: Readonly<Record<LineSeries['style'], string>> = {
  actual: '#0072b2',
  target: '#a14d00',
};

/** A tiny trend without axes (actual solid, trajectory dashed), e.g. on a target card. */
@Component({
  selector: 'ik-sparkline',
  template: `
    @if (loading()) {
      <div
        class="skeleton"
        aria-hidden="true"
        data-testid="chart-skeleton"
      ></div>
    }
    <div class="box" [class.is-loading]="loading()">
      <canvas #canvas role="img" [attr.aria-label]="ariaLabel()"></canvas>
    </div>
    @if (!loading()) {
      <table class="ik-visually-hidden">
        <caption>
          {{
            ariaLabel()
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ categoryLabel() }}</th>
            @for (line of series(); track line.id) {
              <th scope="col">{{ line.label }}</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (row of tableRows(); track row.category) {
            <tr>
              <th scope="row">{{ row.category }}</th>
              @for (value of row.values; track $index) {
                <td>{{ value }}</td>
              }
            </tr>
          }
        </tbody>
      </table>
    }
  `,
  styles: `
    :host {
      display: block;
      position: relative;
      height: var(--ik-sparkline-height, 2.75rem);
    }
    .box {
      position: relative;
      height: 100%;
    }
    .is-loading {
      visibility: hidden;
    }
    .skeleton {
      position: absolute;
      inset: 0;
      border-radius: 4px;
      background: #ececec;
    }
    .ik-visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      margin: -1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
      border: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.aria-busy]': 'loading()' },
})
export class Sparkline {
  readonly series = input.required<readonly LineSeries[]>();
  readonly unit = input<ChartUnit>('%');
  readonly loading = input(false);
  readonly ariaLabel = input.required<string>();
  readonly categoryLabel = input('');

  private readonly canvas =
    viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private chart: SparklineInstance | null = null;

  private readonly categories = computed(() => categoriesOf(this.series()));
  protected readonly tableRows = computed(() => {
    const categories = this.categories();
    const columns = this.series().map((line) => valuesAlong(line, categories));
    return categories.map((category, row) => ({
      category,
      values: columns.map((column) =>
        formatChartValue(column[row], this.unit()),
      ),
    }));
  });
  private readonly chartData = computed<
    ChartData<'line', (number | null)[], string>
  >(() => {
    const categories = this.categories();
    return {
      labels: categories,
      datasets: this.series().map((line) => {
        const color = STYLE_COLORS[line.style];
        const isTarget = line.style === 'target';
        return {
          label: line.label,
          data: valuesAlong(line, categories),
          borderColor: color,
          backgroundColor: color,
          borderWidth: 2,
          borderDash: isTarget ? [4, 3] : [],
          pointRadius: isTarget ? 0 : 2,
          spanGaps: isTarget,
          tension: 0,
        };
      }),
    };
  });

  constructor() {
    afterNextRender(() => {
      this.chart = this.createChart();
    });
    effect(() => {
      const data = this.chartData();
      if (this.chart) {
        this.chart.data = data;
        this.chart.update();
      }
    });
    inject(DestroyRef).onDestroy(() => {
      this.chart?.destroy();
      this.chart = null;
    });
  }

  private createChart(): SparklineInstance | null {
    const canvas = this.canvas().nativeElement;
    if (!canvas.getContext('2d')) {
      return null;
    }
    const config: ChartConfiguration<'line', (number | null)[], string> = {
      type: 'line',
      data: untracked(this.chartData),
      options: SPARKLINE_OPTIONS,
    };
    return new Chart(canvas, config);
  }
}

const SPARKLINE_OPTIONS: ChartOptions<'line'> = {
  responsive: true,
  maintainAspectRatio: false,
  animation: false,
  events: [],
  layout: { padding: 3 },
  scales: {
    x: { display: false },
    y: { display: false, grace: '10%' },
  },
  plugins: {
    legend: { display: false },
    tooltip: { enabled: false },
  },
};
