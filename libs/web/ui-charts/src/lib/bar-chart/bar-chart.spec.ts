import { TestBed } from '@angular/core/testing';

import { BarChart } from './bar-chart';
import type { BarChartData, ReferenceLine } from './bar-series';

interface FakeChart {
  data: {
    labels: string[];
    datasets: { label: string; data: (number | null)[] }[];
  };
  options: {
    indexAxis?: string;
    scales: Record<string, { stacked?: boolean; suggestedMax?: number }>;
  };
  plugins: { id: string }[];
  update: jest.Mock;
  destroy: jest.Mock;
}

const mockCharts: FakeChart[] = [];

jest.mock('chart.js', () => {
  class Chart {
    static register = jest.fn();
    data: unknown;
    options: unknown;
    plugins: unknown;
    update = jest.fn();
    destroy = jest.fn();
    constructor(
      _canvas: unknown,
      config: { data: unknown; options: unknown; plugins?: unknown[] },
    ) {
      this.data = config.data;
      this.options = config.options;
      this.plugins = config.plugins ?? [];
      mockCharts.push(this as unknown as FakeChart);
    }
  }
  const piece = {};
  return {
    Chart,
    BarController: piece,
    BarElement: piece,
    CategoryScale: piece,
    Legend: piece,
    LinearScale: piece,
    Tooltip: piece,
  };
});

const byMonth: BarChartData = {
  categories: ['4月', '5月', '6月'],
  series: [{ id: 'hours', label: '月平均時間', values: [12.5, null, 48] }],
};
const byGender: BarChartData = {
  categories: ['14日未満', '14日〜1か月'],
  series: [
    { id: 'female', label: '女性', values: [0, 2] },
    { id: 'male', label: '男性', values: [5, 3] },
  ],
};
const limit: ReferenceLine = { value: 45, label: '月45時間' };

async function render(
  data: BarChartData,
  options: {
    loading?: boolean;
    referenceLine?: ReferenceLine | null;
    layout?: 'grouped' | 'stacked';
    horizontal?: boolean;
  } = {},
) {
  const fixture = TestBed.createComponent(BarChart);
  fixture.componentRef.setInput('data', data);
  fixture.componentRef.setInput('unit', '時間');
  fixture.componentRef.setInput('ariaLabel', '月別の超過勤務');
  fixture.componentRef.setInput('categoryLabel', '月');
  fixture.componentRef.setInput('loading', options.loading ?? false);
  fixture.componentRef.setInput('referenceLine', options.referenceLine ?? null);
  fixture.componentRef.setInput('layout', options.layout ?? 'grouped');
  fixture.componentRef.setInput('horizontal', options.horizontal ?? false);
  await fixture.whenStable();
  return fixture;
}

describe('ik-bar-chart', () => {
  const originalGetContext = HTMLCanvasElement.prototype.getContext;

  beforeEach(() => {
    mockCharts.length = 0;
    HTMLCanvasElement.prototype.getContext =
      (() => ({})) as unknown as typeof originalGetContext;
  });

  afterEach(() => {
    HTMLCanvasElement.prototype.getContext = originalGetContext;
  });

  it('creates one chart with a dataset per series along the categories', async () => {
    await render(byGender);

    expect(mockCharts).toHaveLength(1);
    expect(mockCharts[0].data.labels).toEqual(['14日未満', '14日〜1か月']);
    expect(mockCharts[0].data.datasets.map((set) => set.data)).toEqual([
      [0, 2],
      [5, 3],
    ]);
  });

  it('updates the same chart in place when the data change', async () => {
    const fixture = await render(byMonth);

    fixture.componentRef.setInput('data', byGender);
    await fixture.whenStable();

    expect(mockCharts).toHaveLength(1);
    expect(mockCharts[0].update).toHaveBeenCalled();
    expect(mockCharts[0].data.datasets.map((set) => set.label)).toEqual([
      '女性',
      '男性',
    ]);
  });

  it('destroys the chart when the component is torn down', async () => {
    const fixture = await render(byMonth);

    fixture.destroy();

    expect(mockCharts[0].destroy).toHaveBeenCalledTimes(1);
  });

  it('stacks both axes for a stacked layout and turns for horizontal bars', async () => {
    await render(byGender, { layout: 'stacked', horizontal: true });

    const options = mockCharts[0].options;
    expect(options.indexAxis).toBe('y');
    expect(options.scales['x'].stacked).toBe(true);
    expect(options.scales['y'].stacked).toBe(true);
  });

  it('draws a reference line and leaves room for it above the bars', async () => {
    await render(
      { ...byMonth, series: [{ ...byMonth.series[0], values: [10, 12, 20] }] },
      { referenceLine: limit },
    );

    expect(mockCharts[0].plugins.map((plugin) => plugin.id)).toContain(
      'ikReferenceLine',
    );
    expect(mockCharts[0].options.scales['y'].suggestedMax).toBeGreaterThan(45);
  });

  it('offers the data as a table for screen readers, naming the reference line', async () => {
    const fixture = await render(byMonth, { referenceLine: limit });
    const host = fixture.nativeElement as HTMLElement;
    const rows = host.querySelectorAll('tbody tr');

    expect(host.querySelector('caption')?.textContent).toContain('月45時間');
    expect(rows).toHaveLength(3);
    expect(rows[0].textContent).toContain('12.5時間');
    expect(rows[1].textContent).toContain('—');
    expect(host.getAttribute('data-bar-count')).toBe('2');
  });

  it('shows a skeleton instead of the table while loading', async () => {
    const fixture = await render(byMonth, { loading: true });
    const host = fixture.nativeElement as HTMLElement;

    expect(host.querySelector('[data-testid="chart-skeleton"]')).not.toBeNull();
    expect(host.querySelector('table')).toBeNull();
  });

  it('draws nothing and does not fail without a 2D context', async () => {
    HTMLCanvasElement.prototype.getContext = originalGetContext;

    const fixture = await render(byMonth);
    fixture.destroy();

    expect(mockCharts).toHaveLength(0);
  });
});
