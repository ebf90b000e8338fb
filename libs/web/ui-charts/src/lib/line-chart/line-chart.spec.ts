import { TestBed } from '@angular/core/testing';

import { LineChart } from './line-chart';
import type { LineSeries } from './line-series';

interface FakeChart {
  data: {
    labels: string[];
    datasets: { label: string; data: (number | null)[] }[];
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
    Filler: piece,
    Legend: piece,
    LineController: piece,
    LineElement: piece,
    LinearScale: piece,
    PointElement: piece,
    Tooltip: piece,
  };
});

const actual: LineSeries = {
  id: 'actual',
  label: '実績',
  style: 'actual',
  points: [
    { x: '令和5年度', y: 12.5 },
    { x: '令和6年度', y: null },
    { x: '令和7年度', y: 18.25 },
  ],
};
const target: LineSeries = {
  id: 'target',
  label: '目標',
  style: 'target',
  points: [
    { x: '令和5年度', y: 16 },
    { x: '令和7年度', y: 20 },
  ],
};

async function render(series: readonly LineSeries[], loading = false) {
  const fixture = TestBed.createComponent(LineChart);
  fixture.componentRef.setInput('series', series);
  fixture.componentRef.setInput('ariaLabel', '管理職に占める女性の割合の推移');
  fixture.componentRef.setInput('categoryLabel', '年度');
  fixture.componentRef.setInput('loading', loading);
  await fixture.whenStable();
  return fixture;
}

describe('ik-line-chart', () => {
  const originalGetContext = HTMLCanvasElement.prototype.getContext;

  beforeEach(() => {
    mockCharts.length = 0;
    HTMLCanvasElement.prototype.getContext =
      (() => ({})) as unknown as typeof originalGetContext;
  });

  afterEach(() => {
    HTMLCanvasElement.prototype.getContext = originalGetContext;
  });

  it('creates one chart after the first render, with categories shared by all series', async () => {
    await render([actual, target]);

    expect(mockCharts).toHaveLength(1);
    expect(mockCharts[0].data.labels).toEqual([
      '令和5年度',
      '令和6年度',
      '令和7年度',
    ]);
    expect(mockCharts[0].data.datasets.map((dataset) => dataset.data)).toEqual([
      [12.5, null, 18.25],
      [16, null, 20],
    ]);
  });

  it('updates the same chart in place when the series change', async () => {
    const fixture = await render([actual]);

    fixture.componentRef.setInput('series', [actual, target]);
    await fixture.whenStable();

    expect(mockCharts).toHaveLength(1);
    expect(mockCharts[0].update).toHaveBeenCalled();
    expect(mockCharts[0].data.datasets.map((dataset) => dataset.label)).toEqual(
      ['実績', '目標'],
    );
  });

  it('destroys the chart when the component is torn down', async () => {
    const fixture = await render([actual]);

    fixture.destroy();

    expect(mockCharts[0].destroy).toHaveBeenCalledTimes(1);
  });

  it('counts only the non-null points of the actual series in data-point-count', async () => {
    const fixture = await render([actual, target]);

    expect(
      (fixture.nativeElement as HTMLElement).getAttribute('data-point-count'),
    ).toBe('2');
  });

  it('offers the data as a table for screen readers, one row per category', async () => {
    const fixture = await render([actual, target]);
    const rows = (fixture.nativeElement as HTMLElement).querySelectorAll(
      'tbody tr',
    );

    expect(rows).toHaveLength(3);
    expect(rows[0].textContent).toContain('12.5%');
    expect(rows[1].textContent).toContain('—');
  });

  it('shows a skeleton instead of the table while loading', async () => {
    const fixture = await render([], true);
    const host = fixture.nativeElement as HTMLElement;

    expect(host.querySelector('[data-testid="chart-skeleton"]')).not.toBeNull();
    expect(host.querySelector('table')).toBeNull();
  });

  it('draws nothing and does not fail when the canvas has no 2D context', async () => {
    HTMLCanvasElement.prototype.getContext = originalGetContext;

    const fixture = await render([actual]);
    fixture.destroy();

    expect(mockCharts).toHaveLength(0);
  });
});
