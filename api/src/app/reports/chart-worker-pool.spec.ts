import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

import { createCanvas, loadImage } from '@napi-rs/canvas';

import { renderChart, type ChartOptions } from './chart-renderer';
import { ChartWorker, IN_PROCESS_CHARTS } from './chart-worker-pool';

/**
 * The worker thread runs chart-worker.ts itself (the production bundle runs webpack's build of it,
 * dist/api/chart-worker.js, which the reports integration specs exercise): a worker has no Jest
 * module system, so ts-node compiles the sources to CommonJS with the API's build settings.
 */
const SCRIPT = fileURLToPath(new URL('./chart-worker.ts', import.meta.url));
const TSCONFIG = fileURLToPath(
  new URL('../../../tsconfig.app.json', import.meta.url),
);
const spawnTs = (script: string) => () =>
  new Worker(
    `require('ts-node').register({ project: ${JSON.stringify(TSCONFIG)}, transpileOnly: true });
     require(${JSON.stringify(script)});`,
    { eval: true },
  );

/** Decodes a PNG with Skia (an independent decoder) into straight RGBA pixels. */
async function pixels(png: Buffer) {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  return {
    size: [image.width, image.height],
    rgba: Buffer.from(
      context.getImageData(0, 0, image.width, image.height).data,
    ),
  };
}

const TREND: ChartOptions = {
  kind: 'line',
  title: '年次休暇の推移',
  labels: ['令和5年度', '令和6年度', '令和7年度'],
  series: [
    { label: '年次休暇の取得率', values: [61.5, null, 74.2] },
    { label: '5日以上取得した職員の割合', values: [88, 91.3, 97] },
  ],
  unit: '%',
};

const TARGETS: ChartOptions = {
  kind: 'bar',
  title: '目標に対する実績と目安',
  labels: ['男性の育児休業取得率', '女性職員の割合'],
  series: [
    { label: '実績', values: [40, 31.5] },
    { label: '目標', values: [85, 35] },
  ],
  unit: '',
  width: 480,
  height: 300,
};

describe('ChartWorker', () => {
  let worker: ChartWorker;
  beforeEach(() => {
    worker = new ChartWorker(spawnTs(SCRIPT));
  });
  afterEach(() => worker.close());

  it('draws in the worker thread the very pixels of the Skia-encoded chart, each answer to its own request', async () => {
    worker.warm();
    const [trend, targets, trendAgain] = await Promise.all([
      worker.render(TREND),
      worker.render(TARGETS),
      worker.render(TREND),
    ]);
    const reference = {
      trend: await pixels(renderChart(TREND)),
      targets: await pixels(renderChart(TARGETS)),
    };
    expect(reference.trend.size).toEqual([720, 360]);
    expect(reference.targets.size).toEqual([480, 300]);
    for (const [png, expected] of [
      [trend, reference.trend],
      [targets, reference.targets],
      [trendAgain, reference.trend],
    ] as const) {
      const drawn = await pixels(png);
      expect(drawn.size).toEqual(expected.size);
      expect(drawn.rgba.equals(expected.rgba)).toBe(true);
    }
    // Something was drawn: not every pixel is the white background.
    expect(reference.trend.rgba.some((byte) => byte !== 255)).toBe(true);
  });

  it('fails the chart Chart.js cannot draw with its message, and goes on drawing the others', async () => {
    const broken = {
      ...TREND,
      kind: 'no-such-chart',
    } as unknown as ChartOptions;
    const [failed, drawn] = await Promise.allSettled([
      worker.render(broken),
      worker.render(TREND),
    ]);
    expect(failed.status).toBe('rejected');
    // The worker's own answer (Chart.js: "no-such-chart" is not a registered controller).
    expect(String((failed as PromiseRejectedResult).reason)).toMatch(
      /^Error: chart worker: .*no-such-chart/,
    );
    expect(drawn.status).toBe('fulfilled');
    expect(
      (
        await pixels((drawn as PromiseFulfilledResult<Buffer>).value)
      ).rgba.equals((await pixels(renderChart(TREND))).rgba),
    ).toBe(true);
  });

  it('fails the pending charts when it is closed, and starts a new worker for the next chart', async () => {
    const pending = worker.render(TREND);
    await worker.close();
    await expect(pending).rejects.toThrow('closed');
    const png = await worker.render(TARGETS);
    expect(
      (await pixels(png)).rgba.equals(
        (await pixels(renderChart(TARGETS))).rgba,
      ),
    ).toBe(true);
  });

  it('fails the pending charts when the worker cannot start', async () => {
    const missing = new ChartWorker(
      spawnTs(fileURLToPath(new URL('./no-such-worker.ts', import.meta.url))),
    );
    await expect(missing.render(TREND)).rejects.toThrow();
    await missing.close();
  });
});

describe('IN_PROCESS_CHARTS', () => {
  it('draws on the calling thread the same pixels', async () => {
    const png = await IN_PROCESS_CHARTS.render(TARGETS);
    expect(
      (await pixels(png)).rgba.equals(
        (await pixels(renderChart(TARGETS))).rgba,
      ),
    ).toBe(true);
  });
});
