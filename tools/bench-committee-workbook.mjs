#!/usr/bin/env node
// Bench hook for the committee's annual statistics workbook (issue 6): its time and peak RSS as the
// API builds it (POST /reports/jobs → poll → file), and its FLOOR: exceljs' streaming WorkbookWriter
// writing the very same cells (read back from the produced file: values, number formats, fonts,
// fills, borders, notes, row heights, widths) and the very same picture bytes (the PNGs of the charts, stored as the product
// stores them), with no queries and no chart rendering, in a fresh child process, to a
// byte-counting sink. The gap between the two is what the product adds (loading the snapshot,
// drawing and encoding the charts, anchoring them). The pictures are in the floor because they are
// part of "the same" file: any writer of this workbook has to put those bytes in the archive;
// drawing them is the product's work, so it is not (issue 8's floor: "writing the same cells").
//
//   node tools/bench-committee-workbook.mjs [--fy 2025] [--runs 3]
//       starts dist/api/main.js in demo mode (みどり市) with a throwaway embedded PostgreSQL
//   node tools/bench-committee-workbook.mjs --base-url http://127.0.0.1:3000 --user hr --password … [--pid N]
//       uses a running API (pid: the API process, for its VmHWM after the job)
//
// As a module: `benchCommitteeWorkbook({ client | baseUrl+username+password, fiscalYear, runs, warmup, pid })`
// returns the same JSON object. `client`: bench/lib/http.mjs's Client (request(method, path, body)
// → {status, body}, plus baseUrl and cookie for the binary download), logged in with
// committee:prepare and reports permissions (HR), e.g. in bench/run.mjs:
//   const { benchCommitteeWorkbook } = await import('../tools/bench-committee-workbook.mjs');
//   benchCommitteeWorkbook({ client: ctx.client, fiscalYear: ctx.lastFy, pid: ctx.api.pid, runs: 3 })
// Prints JSON only on stdout.
import { spawn } from 'node:child_process';
import {
  chmodSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};

/** VmHWM / VmRSS of a process in MB (Linux), else null. */
function procMb(pid, field) {
  try {
    const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(
      readFileSync(`/proc/${pid}/status`, 'utf8'),
    );
    return match ? Math.round((Number(match[1]) / 1024) * 10) / 10 : null;
  } catch {
    return null;
  }
}

/** A minimal session client (cookie + CSRF), the shape bench/lib/http.mjs's Client has. */
async function login(baseUrl, username, password) {
  const client = {
    baseUrl,
    cookie: '',
    csrf: '',
    async request(method, path, body) {
      const { cookie, csrf } = client;
      const response = await fetch(baseUrl + path, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(cookie ? { cookie } : {}),
          ...(csrf && method !== 'GET' ? { 'x-csrf-token': csrf } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const set = response.headers.get('set-cookie');
      if (set)
        client.cookie = /ikb_session=[^;]*/.exec(set)?.[0] ?? client.cookie;
      const bytes = Buffer.from(await response.arrayBuffer());
      const json = response.headers.get('content-type')?.includes('json');
      return {
        status: response.status,
        body: json ? JSON.parse(bytes.toString('utf8')) : bytes,
      };
    },
  };
  const response = await client.request('POST', '/api/v1/auth/login', {
    username,
    password,
  });
  if (response.status !== 200)
    throw new Error(`login ${username}: ${response.status}`);
  client.csrf = response.body.csrfToken;
  return client;
}

/** The FY's review: prepared now, or the latest version when one exists (409). */
async function reviewOf(client, fiscalYear) {
  const created = await client.request('POST', '/api/v1/committee/reviews', {
    fiscalYear,
  });
  if (created.status === 201) return created.body;
  const list = await client.request('GET', '/api/v1/committee/reviews');
  const review = (Array.isArray(list.body) ? list.body : [])
    .filter((item) => item.fiscalYear === fiscalYear)
    .sort((a, b) => b.version - a.version)[0];
  if (!review)
    throw new Error(`no review for FY${fiscalYear}: ${created.status}`);
  return (await client.request('GET', `/api/v1/committee/reviews/${review.id}`))
    .body;
}

/**
 * How often the job is polled: as the committee page does (committee-review.page.ts, 500 ms). The
 * job's `durationMs` is measured inside the API, so polling much faster than any real client (it was
 * 20 ms) only adds HTTP requests and session look-ups that compete with the build on the API's
 * thread; `wallMs` is therefore only as precise as the interval.
 */
const POLL_MS = Number(process.env.BENCH_WORKBOOK_POLL_MS ?? 500);

async function runJob(client, reviewId, pid) {
  const started = Date.now();
  const posted = await client.request('POST', '/api/v1/reports/jobs', {
    kind: 'annual_statistics',
    reviewId,
  });
  if (posted.status !== 202)
    throw new Error(
      `report job: ${posted.status} ${JSON.stringify(posted.body)}`,
    );
  let job = posted.body;
  let sampledMb = pid ? procMb(pid, 'VmRSS') : null;
  while (job.status === 'running') {
    await sleep(POLL_MS);
    if (pid) sampledMb = Math.max(sampledMb ?? 0, procMb(pid, 'VmRSS') ?? 0);
    job = (await client.request('GET', `/api/v1/reports/jobs/${job.id}`)).body;
  }
  const wallMs = Date.now() - started;
  if (job.status !== 'succeeded') throw new Error(`report job ${job.status}`);
  // Raw bytes (bench/lib/http.mjs's request() reads bodies as text): the session cookie directly.
  const download = await fetch(
    `${client.baseUrl}/api/v1/reports/jobs/${job.id}/file`,
    { headers: { cookie: client.cookie } },
  );
  if (download.status !== 200) throw new Error(`file: ${download.status}`);
  const file = Buffer.from(await download.arrayBuffer());
  return { job, wallMs, sampledMb, file };
}

/** Runs the floor in a fresh node process (its own RSS), on the cells of `xlsxPath`. */
function floorInChild(xlsxPath) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [fileURLToPath(import.meta.url), '--floor', xlsxPath],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out))
        : reject(new Error(`floor exited ${code}`)),
    );
  });
}

/**
 * The floor itself (child process): loads the cells of the produced workbook into plain arrays,
 * resets the peak RSS, then times exceljs' WorkbookWriter writing them to a sink.
 */
async function floor(xlsxPath) {
  const { default: ExcelJS } = await import('exceljs');
  const source = new ExcelJS.Workbook();
  await source.xlsx.readFile(xlsxPath);
  const media = (source.model.media ?? [])
    .filter((medium) => medium.type === 'image' && medium.buffer)
    .map((medium) => ({
      extension: medium.extension,
      buffer: Buffer.from(medium.buffer),
    }));
  const sheets = source.worksheets.map((sheet) => ({
    name: sheet.name,
    views: sheet.views,
    widths: (sheet.columns ?? []).map((column) => column.width ?? null),
    rows: (() => {
      const rows = [];
      sheet.eachRow({ includeEmpty: true }, (row) => {
        const cells = [];
        cells.height = row.height;
        row.eachCell({ includeEmpty: true }, (cell) =>
          cells.push({
            value: cell.value,
            numFmt: cell.numFmt,
            font: cell.font,
            fill: cell.fill,
            alignment: cell.alignment,
            border: cell.border,
            note: cell.note,
          }),
        );
        rows.push(cells);
      });
      return rows;
    })(),
    pageSetup: sheet.pageSetup,
    headerFooter: sheet.headerFooter,
  }));
  const cells = sheets.reduce(
    (n, sheet) => n + sheet.rows.reduce((m, row) => m + row.length, 0),
    0,
  );
  let hwmReset = true;
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    hwmReset = false;
  }
  const baselineMb = procMb(process.pid, 'VmRSS');
  let bytes = 0;
  const sink = new Writable({
    write(chunk, _encoding, callback) {
      bytes += chunk.length;
      callback();
    },
  });
  const started = process.hrtime.bigint();
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useStyles: true,
    useSharedStrings: false,
  });
  // The same picture bytes, stored (not deflated again) as the product's archive stores its PNGs.
  const append = writer.zip.append.bind(writer.zip);
  writer.zip.append = (content, data) =>
    append(
      content,
      /^xl\/media\/[^/]+\.png$/.test(data.name)
        ? { ...data, store: true }
        : data,
    );
  for (const medium of media) writer.addImage(medium);
  for (const model of sheets) {
    const sheet = writer.addWorksheet(model.name, { views: model.views });
    model.widths.forEach((width, index) => {
      if (width) sheet.getColumn(index + 1).width = width;
    });
    sheet.pageSetup = model.pageSetup;
    sheet.headerFooter = model.headerFooter;
    for (const cellsOfRow of model.rows) {
      const row = sheet.addRow(cellsOfRow.map((cell) => cell.value));
      if (cellsOfRow.height) row.height = cellsOfRow.height;
      cellsOfRow.forEach((cell, index) => {
        const target = row.getCell(index + 1);
        if (cell.numFmt) target.numFmt = cell.numFmt;
        if (cell.font) target.font = cell.font;
        if (cell.fill) target.fill = cell.fill;
        if (cell.alignment) target.alignment = cell.alignment;
        if (cell.border) target.border = cell.border;
        if (cell.note) target.note = cell.note;
      });
      row.commit();
    }
    sheet.commit();
  }
  await writer.commit();
  await new Promise((resolve) =>
    sink.writableFinished ? resolve() : sink.once('finish', resolve),
  );
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return {
    durationMs: Math.round(ms * 10) / 10,
    peakRssMb: hwmReset ? procMb(process.pid, 'VmHWM') : null,
    baselineRssMb: baselineMb,
    sheets: sheets.length,
    cells,
    pictures: media.length,
    pictureBytes: media.reduce((n, medium) => n + medium.buffer.length, 0),
    fileBytes: bytes,
  };
}

/** Bench entry: the annual workbook as the API builds it, and its floor. */
export async function benchCommitteeWorkbook({
  client,
  baseUrl,
  username = 'hr',
  password,
  fiscalYear,
  runs = 3,
  warmup = 0,
  pid = null,
}) {
  const session = client ?? (await login(baseUrl, username, password));
  const review = await reviewOf(session, fiscalYear);
  // unmeasured jobs first: the first one also starts the chart worker thread
  for (let run = 0; run < warmup; run++) await runJob(session, review.id, pid);
  const samples = [];
  let last = null;
  for (let run = 0; run < runs; run++) {
    last = await runJob(session, review.id, pid);
    samples.push({
      durationMs: last.job.durationMs,
      wallMs: last.wallMs,
      peakRssMb: last.job.peakRssMb,
      sampledPeakRssMb: last.sampledMb,
    });
  }
  const dir = mkdtempSync(join(tmpdir(), 'ikuboard-bench-workbook-'));
  try {
    const path = join(dir, 'annual.xlsx');
    writeFileSync(path, last.file);
    const floorRuns = [];
    for (let run = 0; run < runs; run++)
      floorRuns.push(await floorInChild(path));
    return {
      name: 'committee_annual_workbook',
      fiscalYear,
      reviewId: review.id,
      snapshotFigures: review.snapshot
        ? review.snapshot.organization.length +
          review.snapshot.employerUnits.reduce((n, u) => n + u.values.length, 0)
        : null,
      runs,
      warmup,
      workbook: {
        // job durationMs: from reading the snapshot to the stored file, measured in the API
        durationMsMedian: median(samples.map((s) => s.durationMs)),
        wallMsMedian: median(samples.map((s) => s.wallMs)),
        // in-process VmHWM after a reset at the job's start (whole API process)
        peakRssMbMax: Math.max(...samples.map((s) => s.peakRssMb ?? 0)),
        fileBytes: last.file.length,
        samples,
      },
      floor: {
        what: 'exceljs stream.xlsx.WorkbookWriter writing the same cells (values, formats, fonts, fills, borders, notes, heights, widths, print set-up) and the same picture bytes (no chart rendering), no queries, fresh process',
        durationMsMedian: median(floorRuns.map((f) => f.durationMs)),
        peakRssMbMax: Math.max(...floorRuns.map((f) => f.peakRssMb ?? 0)),
        baselineRssMb: floorRuns[0].baselineRssMb,
        sheets: floorRuns[0].sheets,
        cells: floorRuns[0].cells,
        pictures: floorRuns[0].pictures,
        pictureBytes: floorRuns[0].pictureBytes,
        fileBytes: floorRuns[0].fileBytes,
        samples: floorRuns.map(({ durationMs, peakRssMb }) => ({
          durationMs,
          peakRssMb,
        })),
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** dist/api/main.js in demo mode on a throwaway data directory. */
async function startDemoApi() {
  const dataDir = mkdtempSync(join(tmpdir(), 'ikuboard-bench-workbook-api-'));
  chmodSync(dataDir, 0o755);
  const [port, pgPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, [join(root, 'dist/api/main.js')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      EMBEDDED_PG_PORT: String(pgPort),
      IKUBOARD_DATA_DIR: dataDir,
      IKUBOARD_MODE: 'demo',
      COOKIE_SECURE: 'false',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 900_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error('the API exited');
    if (Date.now() > deadline) throw new Error('the API did not start');
    try {
      if ((await fetch(`${baseUrl}/api/v1/health`)).status === 200) break;
    } catch {
      /* not yet */
    }
    await sleep(500);
  }
  return {
    baseUrl,
    pid: child.pid,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      floor: { type: 'string' },
      fy: { type: 'string', default: '2025' },
      runs: { type: 'string', default: '3' },
      'base-url': { type: 'string' },
      user: { type: 'string', default: 'hr' },
      password: { type: 'string', default: 'ikuboard-demo' },
      pid: { type: 'string' },
    },
  });
  if (values.floor) {
    process.stdout.write(JSON.stringify(await floor(values.floor)));
  } else {
    const api = values['base-url'] ? null : await startDemoApi();
    try {
      const result = await benchCommitteeWorkbook({
        baseUrl: values['base-url'] ?? api.baseUrl,
        username: values.user,
        password: values.password,
        fiscalYear: Number(values.fy),
        runs: Number(values.runs),
        pid: values.pid ? Number(values.pid) : (api?.pid ?? null),
      });
      console.log(JSON.stringify(result, null, 2));
    } finally {
      await api?.stop();
    }
  }
}
