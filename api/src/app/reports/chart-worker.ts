/**
 * The chart worker thread (`ChartWorker` in chart-worker-pool.ts): webpack builds this file as a
 * second entry, dist/api/chart-worker.js next to main.js. Each request is drawn with the very code
 * the API used to run on its main thread (`renderChartAsync`: Chart.js on an @napi-rs/canvas, the
 * straight pixels deflated on a libuv worker), so the pictures are the same pixel for pixel; the PNG
 * goes back as a transferred copy.
 */
import { parentPort } from 'node:worker_threads';

import { hasJapaneseFont, renderChartAsync } from './chart-renderer';
import type { ChartReply, ChartRequest } from './chart-worker-pool';

const port = parentPort;
if (port === null) throw new Error('chart-worker.ts runs in a worker thread');
// Chart.js's controllers and the Japanese font registered as the thread starts (the reports start
// it while they read the snapshot), not in the first chart's time.
hasJapaneseFont();

port.on('message', ({ id, options }: ChartRequest) => {
  renderChartAsync(options).then(
    (png) => {
      const bytes = new Uint8Array(png.length);
      bytes.set(png);
      port.postMessage({ id, png: bytes } satisfies ChartReply, [bytes.buffer]);
    },
    (error: unknown) =>
      port.postMessage({
        id,
        error: error instanceof Error ? error.message : String(error),
      } satisfies ChartReply),
  );
});
