import { readFileSync } from 'node:fs';

import { Client } from 'pg';
import type { EntityManager } from 'typeorm';

import { analyzeGrownTables } from '../../api/src/database/analyze';
import { configurePgTypes } from '../../api/src/database/pg-types';
import {
  LEAVE_COLUMNS,
  SHEET_NAMES,
} from '../../api/src/app/imports/import-columns';
import { CellErrors } from '../../api/src/app/imports/import-errors';
import { lockOrganizationImports } from '../../api/src/app/imports/import-writer';
import { readLeaveRow } from '../../api/src/app/imports/records-plan';
import { loadRecordsContext } from '../../api/src/app/imports/records-writer';
import {
  importLeaveStreamed,
  streamingSettings,
} from '../../api/src/app/imports/streaming-leave';
import { openSheetStream } from '../../api/src/app/imports/streaming-reader';

/** CPU seconds (user + system) of a process, from /proc. */
function cpuOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
    .split(') ')[1]!
    .split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
const nodeCpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/**
 * Diagnosis of the 1,000,000-row leave import (not a benchmark): the parse alone, the parse with the
 * row checks, then the whole streamed import with each statement timed and the CPU of this process
 * and of its PostgreSQL backend, rolled back. PROBE_EXPLAIN=n runs EXPLAIN (ANALYZE, BUFFERS, WAL) on
 * chunks 1, 5 and 10 and stops after chunk n. Run from a script in tmp/:
 *   const api = await startApi({ tier: 'S' });  // bench/lib/server.mjs
 *   const { probeLeave1m } = await loadTs('leave1m-probe');  // bench/lib/bundle.mjs
 *   await probeLeave1m(api.databaseUrl, 'tmp/bench/S/import-files/leave-1m.xlsx', ['vacuum', 'parse', 'import']);
 */
export async function probeLeave1m(
  url: string,
  path: string,
  phases: string[],
): Promise<void> {
  configurePgTypes();
  const file = readFileSync(path);
  const client = new Client({ connectionString: url });
  await client.connect();
  const [{ pid: backend }] = (
    await client.query(`SELECT pg_backend_pid() AS pid`)
  ).rows;
  const log: { ms: number; sql: string; at: number }[] = [];
  const explainChunks = Number(process.env.PROBE_EXPLAIN ?? 0);
  let chunkNo = 0;
  const t0 = performance.now();
  const manager = {
    query: async (sql: string, p?: unknown[]) => {
      const t = performance.now();
      if (explainChunks > 0 && sql.trimStart().startsWith('WITH u AS')) {
        chunkNo++;
        if ([1, 5, 10].includes(chunkNo)) {
          const b = cpuOf(backend);
          const plan = (
            await client.query(
              `EXPLAIN (ANALYZE, BUFFERS, WAL) ${sql}`,
              p as unknown[],
            )
          ).rows;
          console.log(
            `chunk ${chunkNo}: ${(performance.now() - t).toFixed(0)} ms, backend cpu ${(cpuOf(backend) - b).toFixed(2)} s\n` +
              plan.map((r) => r['QUERY PLAN']).join('\n'),
          );
          return [{ inserted: 0 }];
        }
        if (chunkNo > explainChunks) throw new Error('probe: enough chunks');
      }
      const rows = (await client.query(sql, p as unknown[])).rows;
      log.push({
        ms: performance.now() - t,
        sql: sql.replace(/\s+/g, ' ').trim().slice(0, 60),
        at: t - t0,
      });
      return rows;
    },
  } as unknown as EntityManager;
  const [{ id: org }] = await manager.query(
    `SELECT id FROM organization WHERE code = 'bench'`,
  );
  const sheets = [SHEET_NAMES.leave, 'leave'];
  if (phases.includes('vacuum')) {
    const t = performance.now();
    await client.query('VACUUM ANALYZE leave_episode');
    const [{ n }] = (
      await client.query(
        `SELECT count(*)::int AS n FROM leave_episode WHERE organization_id = $1`,
        [org],
      )
    ).rows;
    console.log(
      `vacuum ${(performance.now() - t).toFixed(0)} ms; stored leave ${n}`,
    );
  }
  if (phases.includes('parse')) {
    let c = nodeCpu();
    let t = performance.now();
    const stream = await openSheetStream(file, sheets, LEAVE_COLUMNS, {
      maxRows: 2_000_000,
    });
    let n = 0;
    for await (const row of stream.rows) if (row) n++;
    console.log(
      `parse only: ${n} rows ${(performance.now() - t).toFixed(0)} ms, cpu ${(nodeCpu() - c).toFixed(1)} s`,
    );
    const context = await loadRecordsContext(manager, org);
    c = nodeCpu();
    t = performance.now();
    const again = await openSheetStream(file, sheets, LEAVE_COLUMNS, {
      maxRows: 2_000_000,
    });
    const errors = new CellErrors(again.sheet);
    n = 0;
    for await (const row of again.rows)
      if (readLeaveRow(row, context, errors)) n++;
    console.log(
      `parse + row checks: ${n} good ${(performance.now() - t).toFixed(0)} ms, cpu ${(nodeCpu() - c).toFixed(1)} s, errors ${errors.count}`,
    );
  }
  if (phases.includes('import')) {
    log.length = 0;
    const c = nodeCpu();
    const b = cpuOf(backend);
    const t = performance.now();
    await manager.query('BEGIN');
    await lockOrganizationImports(manager, org);
    if (explainChunks > 0) {
      await importLeaveStreamed(
        manager,
        { organizationId: org, file, dryRun: false },
        () => undefined,
        streamingSettings(),
      ).catch((e: Error) => console.log(e.message));
      await manager.query('ROLLBACK');
      await client.end();
      return;
    }
    const outcome = await importLeaveStreamed(
      manager,
      { organizationId: org, file, dryRun: false },
      () => undefined,
      streamingSettings(),
    );
    const tImport = performance.now();
    await analyzeGrownTables(
      manager,
      ['leave_episode', 'child'],
      outcome.summary.rows,
    );
    const tAnalyze = performance.now();
    console.log(
      `import: ${(tImport - t).toFixed(0)} ms (+ analyze ${(tAnalyze - tImport).toFixed(0)} ms), node cpu ${(nodeCpu() - c).toFixed(1)} s, backend cpu ${(cpuOf(backend) - b).toFixed(1)} s`,
      JSON.stringify(outcome.summary),
      outcome.errorCount,
    );
    const groups = new Map<string, { n: number; ms: number }>();
    for (const entry of log) {
      const g = groups.get(entry.sql) ?? { n: 0, ms: 0 };
      g.n++;
      g.ms += entry.ms;
      groups.set(entry.sql, g);
    }
    for (const [sql, g] of [...groups].sort((x, y) => y[1].ms - x[1].ms))
      console.log(`${g.ms.toFixed(0).padStart(7)} ms ×${g.n} ${sql}`);
    const chunks = log.filter((e) => e.sql.startsWith('WITH u AS'));
    console.log(
      'chunk ms:',
      chunks.map((e) => e.ms.toFixed(0)).join(' '),
      'first at',
      chunks[0]?.at.toFixed(0),
      'last ends',
      ((chunks.at(-1)?.at ?? 0) + (chunks.at(-1)?.ms ?? 0)).toFixed(0),
    );
    await manager.query('ROLLBACK');
  }
  await client.end();
}
