#!/usr/bin/env node
// `npm run bench`: every scenario of issue 8 against the scale tiers, then docs/performance.md,
// docs/performance-scaling.png and bench/results.json. Tiers missing from tmp/bench are built first
// (npm run bench:data). Options: --tiers S,L[,XL]  --runs 20  --only dashboard,import,...
// --merge: keep the scenarios of bench/results.json that this run does not measure again (same name
// and tier are replaced), so tiers measured at different times give one report; every scenario
// carries `measuredAt` and its load average. --no-report: results.json only.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { root } from './lib/bundle.mjs';
import { dataDirOf, ensureBuilt, startApi } from './lib/server.mjs';
import { peakRssMb } from './lib/stats.mjs';
import * as scenarios from './scenarios.mjs';
import { rosterImport50k, leaveImport1m } from './import-scenarios.mjs';
import { webFirstChart } from './web-scenarios.mjs';
import { benchCommitteeWorkbook } from '../tools/bench-committee-workbook.mjs';
import { writeReport } from './report.mjs';
import { mergeResults, stamp } from './lib/merge.mjs';
import { baseRowDifferences } from './lib/tier-state.mjs';
import { multitenant } from './multitenant.mjs';

const { values } = parseArgs({
  options: {
    tiers: { type: 'string', default: 'S,L' },
    runs: { type: 'string', default: '20' },
    only: { type: 'string', default: '' },
    'no-report': { type: 'boolean', default: false },
    merge: { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const only = values.only ? values.only.split(',') : null;
const wanted = (name) => only === null || only.includes(name);
// The scenarios measured on a tier's database; with none of them wanted no tier API is started.
const TIER_SCENARIOS = [
  'dashboard',
  'subtree',
  'dashboard-after-change',
  'import',
  'naive',
  'roster-import-50k',
  'leave-import-1m',
  'web-first-chart',
  'committee-workbook',
];
const tiers = TIER_SCENARIOS.some(wanted)
  ? values.tiers
      .split(',')
      .map((t) => t.trim().toUpperCase())
      .filter(Boolean)
  : [];
const log = (line) => console.log(`[bench] ${line}`);
const loadNow = () => os.loadavg().map((x) => Math.round(x * 10) / 10);

// dist/web only for the scenarios that load the dashboard's files
await ensureBuilt(
  ['web-first-chart', 'web'].some(wanted) ? ['api', 'web'] : ['api'],
);

const results = {
  startedAt: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    loadAverage: os.loadavg().map((x) => Math.round(x * 10) / 10),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
  },
  tiers: {},
  scenarios: [],
};
/** A scenario's result, stamped with the time it was measured (the report shows it per row). */
const record = (r) =>
  results.scenarios.push(stamp(r, new Date().toISOString()));

for (const tier of tiers) {
  const manifestFile = join(dataDirOf(tier), 'manifest.json');
  if (!existsSync(manifestFile)) {
    log(`tier ${tier} is not built yet: npm run bench:data -- --tier ${tier}`);
    const built = spawnSync(
      process.execPath,
      [
        '--max-old-space-size=12288',
        join(root, 'bench/data.mjs'),
        '--tier',
        tier,
      ],
      { stdio: 'inherit', cwd: root },
    );
    if (built.status !== 0) throw new Error(`building tier ${tier} failed`);
  }
  results.tiers[tier] = JSON.parse(readFileSync(manifestFile, 'utf8'));
  // the tier's size on disk now (its cluster, WAL included)
  const du = spawnSync('du', ['-sm', dataDirOf(tier)], { encoding: 'utf8' });
  if (du.status === 0)
    results.tiers[tier].diskMb = Number(du.stdout.split('\t')[0]);
  log(`tier ${tier}: starting the API on ${dataDirOf(tier)}`);
  const api = await startApi({ tier });
  try {
    const ctx = await scenarios.context(api, tier);
    const changed = await baseRowDifferences(
      ctx.db,
      ctx.organizationId,
      results.tiers[tier].rows,
    );
    if (changed.length > 0)
      throw new Error(
        `tier ${tier} is not as built (${changed.join('; ')}): rebuild it with rm -rf ${dataDirOf(tier)} && npm run bench:data -- --tier ${tier}`,
      );
    const [{ version }] = (await ctx.db.query('SELECT version()')).rows;
    results.machine.postgres = version.split(' on ')[0];
    const dashboardTarget = tier === 'XL' ? 60 : 30;
    let dashboard = null;
    if (wanted('dashboard')) {
      log(`tier ${tier}: dashboard`);
      dashboard = await scenarios.dashboard(ctx, {
        target: dashboardTarget,
        runs,
      });
      record(dashboard);
      log(JSON.stringify(dashboard));
    }
    if (wanted('subtree')) {
      const unitCode = await scenarios.pickSubtreeUnit(ctx);
      if (unitCode) {
        log(`tier ${tier}: subtree ${unitCode}`);
        const subtree = await scenarios.dashboard(ctx, {
          unitCode,
          target: 30,
          runs,
        });
        record(subtree);
        log(JSON.stringify(subtree));
      }
    }
    if (wanted('dashboard-after-change')) {
      log(
        `tier ${tier}: first overview after a change to the Ikuboss/360 inputs`,
      );
      const r = await scenarios.dashboardAfterChange(ctx, {
        runs: Math.max(5, Math.min(runs, 7)),
      });
      record(r);
      log(JSON.stringify(r));
    }
    if (wanted('import')) {
      log(`tier ${tier}: import of 1,000 leave rows`);
      const imported = await scenarios.importLeave1000(ctx, {
        runs: Math.max(5, Math.min(runs, 7)),
        log,
      });
      record(imported);
      log(JSON.stringify(imported));
    }
    if (wanted('naive') && tier !== 'XL') {
      log(`tier ${tier}: naive baseline`);
      const naive = await scenarios.naive(ctx, dashboard);
      record(naive);
      log(JSON.stringify(naive));
    }
    // Large imports and the first chart: tier S by default (the files are made from the tier's staff).
    if (wanted('roster-import-50k') && tier === 'S') {
      log(`tier ${tier}: roster import of 50,000 rows`);
      const r = await rosterImport50k(ctx, { runs: 3, log });
      record(r);
      log(JSON.stringify(r));
    }
    if (wanted('leave-import-1m') && tier === 'S') {
      log(`tier ${tier}: leave import of 1,000,000 rows`);
      const r = await leaveImport1m(ctx, { runs: 3, log });
      record(r);
      log(JSON.stringify(r));
    }
    if (wanted('web-first-chart')) {
      log(`tier ${tier}: first chart after login in headless Chromium`);
      const r = await webFirstChart(ctx, { runs: 7, log });
      record(r);
      log(JSON.stringify(r));
    }
    if (wanted('committee-workbook')) {
      log(`tier ${tier}: committee annual workbook and its floor`);
      const w = await benchCommitteeWorkbook({
        client: ctx.client,
        fiscalYear: ctx.lastFy,
        // issue 8: medians of at least 5 warm runs (the first job starts the chart worker)
        warmup: 1,
        runs: 5,
        pid: api.pid,
      });
      const r = {
        name: 'committee-workbook',
        tier,
        seconds: Math.round(w.workbook.durationMsMedian / 10) / 100,
        peakRssMb: w.workbook.peakRssMbMax,
        floorSeconds: Math.round(w.floor.durationMsMedian / 10) / 100,
        ratio:
          Math.round(
            (w.workbook.durationMsMedian / w.floor.durationMsMedian) * 100,
          ) / 100,
        met:
          w.workbook.durationMsMedian <= 10_000 &&
          w.workbook.peakRssMbMax <= 400 &&
          w.workbook.durationMsMedian / w.floor.durationMsMedian <= 1.5,
        details: w,
      };
      record(r);
      log(JSON.stringify(r));
    }
    results.tiers[tier].apiPeakRssMb = await peakRssMb(api.pid);
    await ctx.client.agent.destroy();
    await ctx.db.end();
  } finally {
    await api.stop();
  }
}

if (wanted('submissions-360')) {
  // Its own API and PostgreSQL (tools/measure-360-burst.mjs): 60 s of submissions over loopback.
  log('360 submissions: 60 s burst (tools/measure-360-burst.mjs)');
  const burst = spawnSync(
    process.execPath,
    [join(root, 'tools/measure-360-burst.mjs'), '--duration', '60'],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const line = burst.stdout.trim().split('\n').pop() ?? '';
  let figures = null;
  try {
    figures = JSON.parse(line);
  } catch {
    figures = null;
  }
  const r = figures
    ? {
        name: 'submissions-360',
        perSecond: figures.submissionsPerSecond,
        p99Ms: figures.latencyMs.p99,
        lost: figures.lost,
        duplicated: figures.duplicated,
        met:
          figures.submissionsPerSecond >= 300 &&
          figures.latencyMs.p99 <= 200 &&
          figures.lost === 0 &&
          figures.duplicated === 0,
        details: figures,
      }
    : scenarios.hook(
        'submissions-360',
        `measure-360-burst failed (exit ${burst.status})`,
      );
  record(r);
  log(JSON.stringify(r));
}

if (wanted('multitenant')) {
  // Its own embedded PostgreSQL (tmp/bench/MT): 200 organizations in one database (bench/multitenant.mjs).
  log('multitenant: 200 organizations in one database');
  const r = await multitenant({ log, runs: Math.min(runs, 20) });
  record(r);
  log(JSON.stringify({ ...r, schema: undefined }));
}

if (wanted('web')) {
  const web = scenarios.webBundle();
  record(web);
  log(JSON.stringify(web));
}
if (wanted('startup')) {
  log(
    'start-up: first start (initdb, migrations, demo seed), then later starts',
  );
  const startup = await scenarios.startup();
  record(startup);
  log(JSON.stringify(startup));
}

results.finishedAt = new Date().toISOString();
const resultsFile = join(root, 'bench', 'results.json');
const written =
  values.merge && existsSync(resultsFile)
    ? mergeResults(JSON.parse(readFileSync(resultsFile, 'utf8')), results)
    : results;
writeFileSync(resultsFile, JSON.stringify(written, null, 2) + '\n');
log(
  `wrote bench/results.json${values.merge ? ` (merged: ${written.scenarios.length} scenarios from ${written.runs?.length ?? 1} runs)` : ''}`,
);
if (!values['no-report']) {
  await writeReport(written);
  log('wrote docs/performance.md and docs/performance-scaling.png');
}
