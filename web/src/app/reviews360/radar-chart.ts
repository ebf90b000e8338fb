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
  Chart,
  type ChartData,
  Filler,
  Legend,
  LineElement,
  PointElement,
  RadarController,
  RadialLinearScale,
  Tooltip,
} from 'chart.js';

Chart.register(
  RadarController,
  RadialLinearScale,
  PointElement,
  LineElement,
  Filler,
  Legend,
  Tooltip,
);

/** Categories around the chart, one series per relationship; null = hidden or no data. */
export interface RadarData {
  axes: readonly string[];
  series: readonly { label: string; values: readonly (number | null)[] }[];
}

const COLORS = ['#d55e00', '#0072b2'] as const;

/** A 1–5 radar of category means (self vs staff), with the same figures as a hidden table. */
@Component({
  selector: 'app-review360-radar',
  template: `
    <div class="box">
      <canvas #canvas role="img" [attr.aria-label]="ariaLabel()"></canvas>
    </div>
    <table class="visually-hidden">
      <caption>
        {{
          ariaLabel()
        }}
      </caption>
      <tbody>
        @for (axis of data().axes; track $index; let i = $index) {
          <tr>
            <th scope="row">{{ axis }}</th>
            @for (series of data().series; track series.label) {
              <td>{{ series.label }}: {{ series.values[i] ?? '—' }}</td>
            }
          </tr>
        }
      </tbody>
    </table>
  `,
  styles: `
    .box {
      position: relative;
      height: 22rem;
      max-width: 34rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Review360Radar {
  readonly data = input.required<RadarData>();
  readonly ariaLabel = input.required<string>();

  private readonly canvas =
    viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private chart: Chart<'radar', (number | null)[], string> | null = null;

  private readonly chartData = computed<
    ChartData<'radar', (number | null)[], string>
  >(() => ({
    labels: [...this.data().axes],
    datasets: this.data().series.map((series, index) => ({
      label: series.label,
      data: [...series.values],
      borderColor: COLORS[index % COLORS.length],
      backgroundColor: `${COLORS[index % COLORS.length]}33`,
      pointBackgroundColor: COLORS[index % COLORS.length],
      fill: true,
      spanGaps: false,
    })),
  }));

  constructor() {
    afterNextRender(() => {
      const canvas = this.canvas().nativeElement;
      if (!canvas.getContext('2d')) return;
      this.chart = new Chart<'radar', (number | null)[], string>(canvas, {
        type: 'radar',
        data: untracked(this.chartData),
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          scales: {
            r: { min: 1, max: 5, ticks: { stepSize: 1 } },
          },
          plugins: { legend: { position: 'bottom' } },
        },
      });
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
}
