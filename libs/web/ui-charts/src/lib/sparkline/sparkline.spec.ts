import { TestBed } from '@angular/core/testing';

import type { LineSeries } from '../line-chart/line-series';
import { Sparkline } from './sparkline';

interface FakeChart {
  data: { labels: string[]; datasets: { data: (number | null)[] }[] };
  options: {
    scales: Record<string, { display: boolean }>;
    plugins: { legend: { display: boolean } };
  };
  update: jest.Mock;
  destroy: jest.Mock;
}

const mockCharts: FakeChart[] = [];

jest.mock('chart.js', () => {
  class Chart {
    static register = jest.fn();
    data: unknown;
    options: unknown;
    update = jest.fn();
    destroy = jest.fn();
    constructor(_canvas: unknown, config: { data: unknown; options: unknown }) {
      this.data = config.data;
      this.options = config.options;
      mockCharts.push(this as unknown as FakeChart);
    }
  }
  const piece = {};
  return {
    Chart,
    CategoryScale: piece,
    LineController: piece,
    LineElement: piece,
    LinearScale: piece,
    PointElement: piece,
  };
});

const actual: LineSeries = {
  id: 'actual',
  label: '実績',
  style: 'actual',
  points: [
    { x: 'R5', y: 14 },
    { x: 'R6', y: 16.5 },
  ],
};
const trajectory: LineSeries = {
  id: 'trajectory',
  label: '計画',
  style: 'target',
  points: [
    { x: 'R5', y: 15 },
    { x: 'R6', y: 17 },
    { x: 'R7', y: 20 },
  ],
};

async function render(series: readonly LineSeries[]) {
  const fixture = TestBed.createComponent(Sparkline);
  fixture.componentRef.setInput('series', series);
  fixture.componentRef.setInput('ariaLabel', '実績と計画の推移');
  await fixture.whenStable();
  return fixture;
}

describe('ik-sparkline', () => {
  const originalGetContext = HTMLCanvasElement.prototype.getContext;

  beforeEach(() => {
    mockCharts.length = 0;
    HTMLCanvasElement.prototype.getContext =
      (() => ({})) as unknown as typeof originalGetContext;
  });

  afterEach(() => {
    HTMLCanvasElement.prototype.getContext = originalGetContext;
  });

  it('creates one chart without axes or legend', async () => {
    await render([actual, trajectory]);

    expect(mockCharts).toHaveLength(1);
    const { scales, plugins } = mockCharts[0].options;
    expect(scales['x'].display).toBe(false);
    expect(scales['y'].display).toBe(false);
    expect(plugins.legend.display).toBe(false);
    expect(mockCharts[0].data.datasets.map((set) => set.data)).toEqual([
      [14, 16.5, null],
      [15, 17, 20],
    ]);
  });

  it('updates the same chart in place', async () => {
    const fixture = await render([actual]);

    fixture.componentRef.setInput('series', [actual, trajectory]);
    await fixture.whenStable();

    expect(mockCharts).toHaveLength(1);
    expect(mockCharts[0].update).toHaveBeenCalled();
    expect(mockCharts[0].data.labels).toEqual(['R5', 'R6', 'R7']);
  });

  it('destroys the chart on teardown', async () => {
    const fixture = await render([actual]);

    fixture.destroy();

    expect(mockCharts[0].destroy).toHaveBeenCalledTimes(1);
  });

  it('keeps the figures in a hidden table', async () => {
    const fixture = await render([actual, trajectory]);
    const rows = (fixture.nativeElement as HTMLElement).querySelectorAll(
      'tbody tr',
    );

    expect(rows).toHaveLength(3);
    expect(rows[1].textContent).toContain('16.5%');
    expect(rows[2].textContent).toContain('—');
  });
});
