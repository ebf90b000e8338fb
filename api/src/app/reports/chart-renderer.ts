import { existsSync } from 'node:fs';

import { createCanvas, GlobalFonts, type Canvas } from '@napi-rs/canvas';
import { Chart, registerables, type ChartConfiguration } from 'chart.js';

import { encodePng } from './png-encoder';

/** Debian fonts-ipafont-gothic; without it the charts fall back to the default sans-serif. */
const JAPANESE_FONT = '/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf';
const FONT_FAMILY = 'IPAGothic';

let ready = false;
let japaneseFont = false;

function setUp(): void {
  if (ready) return;
  Chart.register(...registerables);
  if (existsSync(JAPANESE_FONT)) {
    try {
      japaneseFont =
        GlobalFonts.registerFromPath(JAPANESE_FONT, FONT_FAMILY) !== null;
    } catch {
      japaneseFont = false;
    }
  }
  Chart.defaults.font.family = japaneseFont ? FONT_FAMILY : 'sans-serif';
  ready = true;
}

export function hasJapaneseFont(): boolean {
  setUp();
  return japaneseFont;
}

const PALETTE = [
  '#2f5d50',
  '#d9822b',
  '#3b7dd8',
  '#a23b72',
  '#6b8e23',
  '#8c6d31',
];

export interface ChartSeries {
  label: string;
  values: (number | null)[];
}

export interface ChartOptions {
  kind: 'line' | 'bar';
  title: string;
  labels: string[];
  series: ChartSeries[];
  unit: string;
  width?: number;
  height?: number;
}

/** Idle canvases by size: a report draws its charts one after another on the same canvas. */
const idle = new Map<string, Canvas>();

function release(canvas: Canvas): void {
  idle.set(`${canvas.width}x${canvas.height}`, canvas);
}

/** Chart.js draws synchronously on the canvas (no animation, not responsive). */
function draw(options: ChartOptions, reuse = false) {
  setUp();
  const width = options.width ?? 720;
  const height = options.height ?? 360;
  const key = `${width}x${height}`;
  const canvas = (reuse && idle.get(key)) || createCanvas(width, height);
  idle.delete(key);
  const context = canvas.getContext('2d');
  const config: ChartConfiguration = {
    type: options.kind,
    data: {
      labels: options.labels,
      datasets: options.series.map((series, index) => ({
        label: series.label,
        data: series.values,
        borderColor: PALETTE[index % PALETTE.length],
        backgroundColor: PALETTE[index % PALETTE.length],
        spanGaps: true,
      })),
    },
    options: {
      animation: false,
      responsive: false,
      devicePixelRatio: 1,
      plugins: {
        title: { display: true, text: options.title, font: { size: 16 } },
        legend: { position: 'bottom' },
      },
      scales: {
        y: { beginAtZero: true, title: { display: true, text: options.unit } },
      },
    },
    plugins: [
      {
        id: 'whiteBackground',
        beforeDraw: (chart) => {
          const ctx = chart.ctx;
          ctx.save();
          ctx.fillStyle = '#ffffff';
          ctx.fillRect(0, 0, chart.width, chart.height);
          ctx.restore();
        },
      },
    ],
  };
  // Chart.js accepts any 2D context; @napi-rs/canvas implements the same drawing API.
  const chart = new Chart(
    context as unknown as CanvasRenderingContext2D,
    config,
  );
  return { canvas, chart };
}

/**
 * A line (trend) or bar chart as a PNG, drawn on the server with the dashboard's palette and encoded
 * by Skia (synchronously). The reports use `renderChartAsync`; this is its reference in the tests.
 */
export function renderChart(options: ChartOptions): Buffer {
  const { canvas, chart } = draw(options);
  const png = canvas.toBuffer('image/png');
  chart.destroy();
  return png;
}

/**
 * The same picture as `renderChart` (pixel for pixel), cheaper: Chart.js draws synchronously, the
 * straight RGBA pixels are copied out with `getImageData`, the chart is destroyed (which frees its
 * canvas for the next chart of the same size) and `encodePng` deflates them on a libuv worker,
 * overlapping the next chart's drawing and the workbook's own writing. Skia's PNG encoder (every
 * filter on every row, zlib level 6) was most of a chart's cost.
 */
export async function renderChartAsync(options: ChartOptions): Promise<Buffer> {
  const { canvas, chart } = draw(options, true);
  let pixels: Uint8ClampedArray;
  try {
    pixels = chart.ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  } finally {
    chart.destroy();
    release(canvas);
  }
  return encodePng(pixels, canvas.width, canvas.height);
}
