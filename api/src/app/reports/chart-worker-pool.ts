import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

import type { ChartOptions } from './chart-renderer';

/** What `ChartWorker` posts to chart-worker.ts and what it answers. */
export interface ChartRequest {
  id: number;
  options: ChartOptions;
}
export type ChartReply =
  | { id: number; png: Uint8Array }
  | { id: number; error: string };

/** Draws a chart as PNG bytes: in a worker thread (`ChartWorker`) or on the calling thread. */
export interface ChartRenderer {
  render(options: ChartOptions): Promise<Buffer>;
  /** Starts what the renderer needs (the worker, Chart.js, the fonts) ahead of the first chart. */
  warm(): void;
}

/** How long an idle worker is kept for the next report before it is terminated. */
const IDLE_MS = 60_000;

/**
 * One worker thread (chart-worker.ts) that draws the reports' charts with Chart.js and
 * @napi-rs/canvas and answers with their PNG bytes, so the drawing (about 15 ms of CPU per chart)
 * runs on the second core while the main thread writes the workbook's cells. Charts are drawn one
 * after another in the order they were asked for. The worker is started by the first chart (or
 * `warm`), kept while charts are pending and for `idleMs` after the last one, then terminated:
 * its Chart.js, Skia and fonts are only in memory around a report. A worker that dies fails the
 * pending charts (their report fails) and is started again by the next chart.
 */
export class ChartWorker implements ChartRenderer {
  private worker: Worker | null = null;
  private readonly pending = new Map<
    number,
    { resolve: (png: Buffer) => void; reject: (error: Error) => void }
  >();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | null = null;

  /** `spawn`: a new thread running chart-worker.ts's build (tests run the TypeScript with ts-node). */
  constructor(
    private readonly spawn: () => Worker,
    private readonly idleMs = IDLE_MS,
  ) {}

  warm(): void {
    this.start();
    if (this.pending.size === 0) this.armIdle();
  }

  render(options: ChartOptions): Promise<Buffer> {
    const worker = this.start();
    this.disarmIdle();
    worker.ref();
    const id = this.nextId++;
    return new Promise<Buffer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, options } satisfies ChartRequest);
    });
  }

  /** Terminates the worker now; pending charts fail. */
  async close(): Promise<void> {
    this.disarmIdle();
    const worker = this.worker;
    this.worker = null;
    this.failPending(new Error('the chart worker was closed'));
    await worker?.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = this.spawn();
    worker.unref();
    worker.on('message', (reply: ChartReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if ('png' in reply)
        waiting.resolve(
          Buffer.from(
            reply.png.buffer,
            reply.png.byteOffset,
            reply.png.byteLength,
          ),
        );
      else waiting.reject(new Error(`chart worker: ${reply.error}`));
      if (this.pending.size === 0 && this.worker === worker) {
        worker.unref();
        this.armIdle();
      }
    });
    const gone = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.disarmIdle();
      this.failPending(error);
    };
    worker.on('error', gone);
    worker.on('exit', (code) =>
      gone(new Error(`the chart worker exited with code ${code}`)),
    );
    this.worker = worker;
    return worker;
  }

  private failPending(error: Error): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const { reject } of waiting) reject(error);
  }

  private armIdle(): void {
    this.disarmIdle();
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.pending.size === 0) void this.close();
    }, this.idleMs);
    this.idleTimer.unref();
  }

  private disarmIdle(): void {
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}

/**
 * The charts drawn on the calling thread (`renderChartAsync`), loaded on first use so that a
 * process whose charts are drawn by the worker never loads Chart.js or Skia itself.
 */
export const IN_PROCESS_CHARTS: ChartRenderer = {
  async render(options) {
    const { renderChartAsync } = await import('./chart-renderer');
    return renderChartAsync(options);
  },
  warm() {
    /* nothing to start */
  },
};

let reportCharts: ChartRenderer | undefined;

/**
 * The reports' chart renderer: the worker when chart-worker.js is built next to the running bundle
 * (dist/api/main.js, webpack's second entry), else the calling thread (the API's unit tests run the
 * TypeScript sources, where there is no built worker).
 */
export function reportChartRenderer(): ChartRenderer {
  if (reportCharts === undefined) {
    const script =
      typeof __dirname === 'string' ? join(__dirname, 'chart-worker.js') : '';
    reportCharts =
      script !== '' && existsSync(script)
        ? new ChartWorker(() => new Worker(script))
        : IN_PROCESS_CHARTS;
  }
  return reportCharts;
}
