// The large-import scenarios of issue 8, run against the API of bench/run.mjs over HTTP:
//   rosterImport50k(ctx)  50,000 new employees (partial roster)  ≤ 15 s, API peak RSS ≤ 600 MB
//   leaveImport1m(ctx)    1,000,000 leave rows                   ≤ 60 s, API peak RSS ≤ 800 MB
// `ctx` is scenarios.context(api, tier). Each run: upload → long-poll the job until it is done (wall
// time), with the API's peak RSS (VmHWM, reset through /proc/<pid>/clear_refs before the run). The
// imported rows are deleted after each run, the derived KPI tables rebuilt and the written tables
// vacuumed (again after the floor), so every run starts from the tier as it was built and the tier
// database is left as it was. The floor, measured in the same run: exceljs' streaming
// WorkbookReader over the same file in this process, and the same rows written with multi-row
// INSERT … SELECT FROM unnest (pg has no COPY FROM STDIN helper installed: pg-copy-streams is
// absent), chunks of 20,000 pipelined with the parsing, in one transaction rolled back.
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';

import ExcelJS from 'exceljs';

import { dataDirOf } from './lib/server.mjs';
import { summarize } from './lib/stats.mjs';
import { kpiRefresher } from './lib/tier-state.mjs';
import { ensureImportFiles } from './make-import-files.mjs';

const round2 = (x) => Math.round(x * 100) / 100;
const FLOOR_CHUNK = 20_000;

/** Resets the peak RSS of a process (Linux: writing 5 to clear_refs); false where it cannot. */
function resetPeakRss(pid) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

function peakRssMb(pid) {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(
      readFileSync(`/proc/${pid}/status`, 'utf8'),
    );
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** Rebuilds the organization's derived KPI tables (after the bench deleted what it imported). */
async function restoreAggregates(ctx) {
  const refresh = await kpiRefresher();
  const connection = await ctx.db.connect();
  try {
    await connection.query('BEGIN');
    await refresh(
      {
        query: async (sql, parameters) =>
          (await connection.query(sql, parameters)).rows,
      },
      ctx.organizationId,
    );
    await connection.query('COMMIT');
    await connection.query(
      'ANALYZE employee, assignment, leave_episode, kpi_rollup, kpi_fact, kpi_childcare_fact',
    );
  } catch (error) {
    await connection.query('ROLLBACK');
    throw error;
  } finally {
    connection.release();
  }
}

/**
 * Takes the tier back to the state the first run found, between runs: the derived KPI tables
 * rebuilt without the rows the clean-up deleted, and the written tables vacuumed (the dead rows and
 * index entries of the clean-up, or of a rolled-back floor, would otherwise slow the next run).
 */
async function resetTier(ctx, tables) {
  await restoreAggregates(ctx);
  await ctx.db.query(`VACUUM ANALYZE ${tables}`);
}

/** The job; a poll that loses its keep-alive socket (ECONNRESET) is tried again. */
async function poll(ctx, id) {
  for (let attempt = 1; ; attempt++) {
    try {
      // a long poll: answered when the job finishes, or after 10 s with its progress
      return (await ctx.client.get(`/api/v1/imports/${id}?wait=10000`)).body;
    } catch (error) {
      if (attempt >= 5 || !String(error?.cause?.code ?? '').startsWith('E'))
        throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** Upload → long-poll the job until it is done; returns the job and the wall time. */
async function importOverHttp(ctx, kind, file, fields) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), `${kind}.xlsx`);
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  const started = performance.now();
  const response = await ctx.client.request(
    'POST',
    `/api/v1/imports/${kind}`,
    form,
  );
  if (response.status !== 202)
    throw new Error(
      `import ${kind}: ${response.status} ${JSON.stringify(response.body).slice(0, 500)}`,
    );
  let job = response.body;
  while (job.status === 'queued' || job.status === 'running') {
    job = await poll(ctx, job.id);
  }
  const ms = performance.now() - started;
  if (job.status !== 'succeeded')
    throw new Error(
      `import ${kind} ${job.status}: ${JSON.stringify(job.failure ?? job.errors).slice(0, 800)}`,
    );
  return { job, ms };
}

/** Streams the first sheet's rows (values without the header) in chunks. */
async function* streamChunks(path, size) {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let chunk = [];
  for await (const worksheet of reader) {
    for await (const row of worksheet) {
      if (row.number === 1) continue;
      chunk.push(row.values);
      if (chunk.length === size) {
        yield chunk;
        chunk = [];
      }
    }
    break;
  }
  if (chunk.length > 0) yield chunk;
}

const isoDate = (value) =>
  value instanceof Date ? value.toISOString().slice(0, 10) : String(value);

/** Parse and write pipelined: one INSERT in flight while the next chunk is read. */
async function floorRun(ctx, path, insert) {
  const connection = await ctx.db.connect();
  try {
    const started = performance.now();
    await connection.query('BEGIN');
    let inFlight = Promise.resolve();
    let rows = 0;
    for await (const chunk of streamChunks(path, FLOOR_CHUNK)) {
      await inFlight;
      rows += chunk.length;
      inFlight = insert(connection, chunk);
    }
    await inFlight;
    const ms = performance.now() - started;
    return { ms, rows };
  } finally {
    await connection.query('ROLLBACK');
    connection.release();
  }
}

const GENDER = { 女性: 'female', 男性: 'male' };
const CATEGORY = {
  任期の定めのない常勤: 'permanent',
  任期付: 'fixed_term',
  再任用: 'reappointed',
  '会計年度任用(フルタイム)': 'annual_full',
};

async function rosterFloorInsert(ctx, connection, chunk) {
  const v = (i) => chunk.map((values) => values[i] ?? null);
  await connection.query(
    `WITH u AS (
       SELECT gen_random_uuid() AS id, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
              $8::date[], $9::boolean[], $10::boolean[]) AS u (num, name, gender, unit, stage, category, hire, rehire, mid)),
     e AS (
       INSERT INTO employee (id, organization_id, employee_number, name, gender, hire_date, is_rehire, is_midcareer)
       SELECT id, $1, num, name, gender, hire, rehire, mid FROM u RETURNING id)
     INSERT INTO assignment (organization_id, employee_id, valid_from, valid_to, org_unit_id, position_stage_id, employment_category_id)
     SELECT $1, u.id, u.hire, NULL, ou.id, ps.id, ec.id
       FROM u JOIN org_unit ou ON ou.organization_id = $1 AND ou.code = u.unit
       JOIN position_stage ps ON ps.organization_id = $1 AND ps.name = u.stage
       JOIN employment_category ec ON ec.organization_id = $1 AND ec.code = u.category`,
    [
      ctx.organizationId,
      v(1),
      v(2),
      v(3).map((g) => GENDER[g]),
      v(4).map(String),
      v(5),
      v(6).map((c) => CATEGORY[c]),
      v(7).map(isoDate),
      v(10).map((x) => x === 'はい'),
      v(11).map((x) => x === 'はい'),
    ],
  );
}

const LEAVE_TYPE = { 年次休暇: 'annual', 病気休暇: 'sick', その他: 'other' };

async function leaveFloorInsert(ctx, connection, chunk) {
  const v = (i) => chunk.map((values) => values[i] ?? null);
  await connection.query(
    `INSERT INTO leave_episode (organization_id, employee_id, leave_type, start_date, end_date, days)
     SELECT $1, e.id, u.t, u.s, u.e, coalesce(u.d, u.e - u.s + 1)
       FROM unnest($2::text[], $3::text[], $4::date[], $5::date[], $6::numeric[]) AS u (num, t, s, e, d)
       JOIN employee e ON e.organization_id = $1 AND e.employee_number = u.num`,
    [
      ctx.organizationId,
      v(1).map(String),
      v(2).map((t) => LEAVE_TYPE[t]),
      v(3).map(isoDate),
      v(4).map(isoDate),
      v(5),
    ],
  );
}

function result(name, ctx, { rows, fileBytes, samples, rss, floor, target }) {
  const http = summarize(samples);
  const floorStats = summarize(floor);
  const peak = Math.max(...rss.filter((x) => x !== null));
  return {
    name,
    tier: ctx.tier,
    rows,
    fileMb: round2(fileBytes / 1024 / 1024),
    seconds: round2(http.median / 1000),
    http,
    peakRssMb: Number.isFinite(peak) ? peak : null,
    floor: floorStats,
    floorSeconds: round2(floorStats.median / 1000),
    ratio: round2(http.median / floorStats.median),
    targetSeconds: target.seconds,
    targetRssMb: target.rssMb,
    targetRatio: 2.5,
    met:
      http.median <= target.seconds * 1000 &&
      peak <= target.rssMb &&
      http.median / floorStats.median <= 2.5,
    loadAverage: os.loadavg().map((x) => Math.round(x * 10) / 10),
  };
}

async function files(ctx, log) {
  return ensureImportFiles(
    ctx.db,
    ctx.organizationId,
    dataDirOf(ctx.tier),
    log,
  );
}

/** 50,000 new employees as a partial roster as of the tier's last April 1st. */
export async function rosterImport50k(
  ctx,
  { runs = 3, log = () => undefined } = {},
) {
  const made = await files(ctx, log);
  const file = readFileSync(made.roster);
  const samples = [];
  const rss = [];
  const floor = [];
  const cleanup = () =>
    ctx.db.query(
      `DELETE FROM employee WHERE organization_id = $1 AND employee_number LIKE 'N%'`,
      [ctx.organizationId],
    );
  await cleanup();
  let job;
  try {
    for (let run = 0; run < runs; run++) {
      resetPeakRss(ctx.api.pid);
      const outcome = await importOverHttp(ctx, 'roster', file, {
        dryRun: 'false',
        partial: 'true',
        asOf: made.asOf,
      });
      job = outcome.job;
      samples.push(outcome.ms);
      rss.push(peakRssMb(ctx.api.pid));
      log(
        `roster 50k run ${run + 1}: ${(outcome.ms / 1000).toFixed(1)} s, peak RSS ${rss.at(-1)} MB`,
      );
      await cleanup();
      await resetTier(ctx, 'employee, assignment, kpi_fact, kpi_rollup');
      const f = await floorRun(ctx, made.roster, (c, chunk) =>
        rosterFloorInsert(ctx, c, chunk),
      );
      floor.push(f.ms);
      log(`roster 50k floor ${run + 1}: ${(f.ms / 1000).toFixed(1)} s`);
      await ctx.db.query('VACUUM ANALYZE employee, assignment');
    }
  } finally {
    await cleanup();
    await restoreAggregates(ctx);
  }
  return {
    ...result('roster-import-50k', ctx, {
      rows: job.summary.rows,
      fileBytes: file.length,
      samples,
      rss,
      floor,
      target: { seconds: 15, rssMb: 600 },
    }),
    created: job.summary.created,
    note: 'upload → job succeeded (long-polled: GET /imports/:id?wait=10000), partial roster of 50,000 new employees; floor: exceljs WorkbookReader + INSERT … SELECT FROM unnest of the employees and assignments (pg-copy-streams is not installed), rolled back',
  };
}

/** 1,000,000 leave rows of the tier's staff. */
export async function leaveImport1m(
  ctx,
  { runs = 3, log = () => undefined } = {},
) {
  const made = await files(ctx, log);
  const file = readFileSync(made.leave);
  const samples = [];
  const rss = [];
  const floor = [];
  // The tier's own leave is told apart from the imported rows by created_at. The bound is read as
  // text: a JavaScript Date keeps milliseconds only, and the tier's rows (written in one
  // transaction, so with one created_at to the microsecond) are later than their time cut to the
  // millisecond; a Date bound once made the clean-up delete the whole tier's leave.
  const [{ before, stored }] = (
    await ctx.db.query(
      `SELECT coalesce(max(created_at), '-infinity')::text AS before, count(*)::int AS stored
         FROM leave_episode WHERE organization_id = $1`,
      [ctx.organizationId],
    )
  ).rows;
  const cleanup = async () => {
    await ctx.db.query(
      `DELETE FROM leave_episode WHERE organization_id = $1 AND created_at > $2::timestamptz`,
      [ctx.organizationId, before],
    );
    const [{ left }] = (
      await ctx.db.query(
        `SELECT count(*)::int AS left FROM leave_episode WHERE organization_id = $1`,
        [ctx.organizationId],
      )
    ).rows;
    if (left !== stored)
      throw new Error(
        `leave 1M clean-up: ${left} leave rows left, the tier had ${stored}`,
      );
  };
  let job;
  try {
    for (let run = 0; run < runs; run++) {
      resetPeakRss(ctx.api.pid);
      const outcome = await importOverHttp(ctx, 'leave', file, {
        dryRun: 'false',
      });
      job = outcome.job;
      samples.push(outcome.ms);
      rss.push(peakRssMb(ctx.api.pid));
      log(
        `leave 1M run ${run + 1}: ${(outcome.ms / 1000).toFixed(1)} s, peak RSS ${rss.at(-1)} MB`,
      );
      await cleanup();
      await resetTier(ctx, 'leave_episode, kpi_fact, kpi_rollup');
      const f = await floorRun(ctx, made.leave, (c, chunk) =>
        leaveFloorInsert(ctx, c, chunk),
      );
      floor.push(f.ms);
      log(`leave 1M floor ${run + 1}: ${(f.ms / 1000).toFixed(1)} s`);
      await ctx.db.query('VACUUM ANALYZE leave_episode');
    }
  } finally {
    await cleanup();
    await restoreAggregates(ctx);
  }
  return {
    ...result('leave-import-1m', ctx, {
      rows: job.summary.rows,
      fileBytes: file.length,
      samples,
      rss,
      floor,
      target: { seconds: 60, rssMb: 800 },
    }),
    created: job.summary.created,
    note: 'upload → job succeeded (long-polled: GET /imports/:id?wait=10000); floor: exceljs WorkbookReader + INSERT … SELECT FROM unnest (pg-copy-streams is not installed), chunks of 20,000 pipelined with the parsing, rolled back',
  };
}
