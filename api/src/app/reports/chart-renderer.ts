import { existsSync } from 'node:fs';

import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { Chart, registerables, type ChartConfiguration } from 'chart.js';

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

/** A line (trend) or bar chart as a PNG, drawn on the server with the dashboard's palette. */
export function renderChart(options: {
  kind: 'line' | 'bar';
  title: string;
  labels: string[];
  series: ChartSeries[];
  unit: string;
  width?: number;
  height?: number;
}): Buffer {
  setUp();
  const width = options.width ?? 720;
  const height = options.height ?? 360;
  const canvas = createCanvas(width, height);
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
  const png = canvas.toBuffer('image/png');
  chart.destroy();
  return png;
}
