#!/usr/bin/env node
// The large import files of issue 8, written with exceljs' streaming writer from a tier's people
// (deterministic: the same tier gives the same bytes' worth of rows):
//   roster-50k.xlsx  50,000 new employees (a partial roster as of the tier's last April 1st), spread
//                    over the tier's units and stages, one in ten reporting to a new colleague;
//   leave-1m.xlsx    1,000,000 leave rows (annual 85 %, sick 10 %, other 5 %; whole or half days) of
//                    the tier's staff, on working days when they were in service and had no stored
//                    leave, from April 2014 to March 2026.
// Usage: node bench/make-import-files.mjs --tier S  (starts the API on tmp/bench/<tier> for the
// people; the files go to tmp/bench/<tier>/import-files/).
import { mkdirSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

import ExcelJS from 'exceljs';

export const ROSTER_ROWS = 50_000;
export const LEAVE_ROWS = 1_000_000;

export const ROSTER_HEADER = [
  '職員番号',
  '氏名',
  '性別',
  '所属コード',
  '役職段階',
  '職員区分',
  '採用日',
  '退職日',
  '上司職員番号',
  '再採用',
  '中途採用',
];
export const LEAVE_HEADER = [
  '職員番号',
  '休暇種別',
  '開始日',
  '終了日',
  '日数',
  '子の生年月日',
];

const DAY = 86_400_000;
const dayOf = (text) => Date.parse(`${text}T00:00:00Z`);

/** A small deterministic generator (mulberry32). */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function writer(file) {
  return new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: true,
    useStyles: true,
  });
}

/** The roster's as-of date: the last roster snapshot of the organization (an April 1st). */
export async function rosterAsOf(db, organizationId) {
  const [row] = (
    await db.query(
      `SELECT to_char(max(as_of), 'YYYY-MM-DD') AS as_of FROM roster_snapshot WHERE organization_id = $1`,
      [organizationId],
    )
  ).rows;
  return row.as_of;
}

export async function makeRosterFile(
  db,
  organizationId,
  file,
  rows = ROSTER_ROWS,
) {
  const asOf = await rosterAsOf(db, organizationId);
  const units = (
    await db.query(
      `SELECT code FROM org_unit WHERE organization_id = $1 ORDER BY code`,
      [organizationId],
    )
  ).rows.map((r) => r.code);
  const stages = (
    await db.query(
      `SELECT name FROM position_stage WHERE organization_id = $1 ORDER BY sort_order`,
      [organizationId],
    )
  ).rows.map((r) => r.name);
  const categories = [
    '任期の定めのない常勤',
    '任期付',
    '再任用',
    '会計年度任用(フルタイム)',
  ];
  const next = random(50_000);
  const book = writer(file);
  const sheet = book.addWorksheet('職員名簿');
  sheet.addRow(ROSTER_HEADER).commit();
  const asOfMs = dayOf(asOf);
  for (let i = 0; i < rows; i++) {
    const number = `N${String(i + 1).padStart(6, '0')}`;
    const hire = new Date(asOfMs - Math.floor(next() * 30 * 365) * DAY);
    // one in ten reports to the first person of its block of ten (listed earlier in the file)
    const supervisor =
      i % 10 === 0 ? null : `N${String(i - (i % 10) + 1).padStart(6, '0')}`;
    const row = sheet.addRow([
      number,
      `試験 ${i + 1}`,
      next() < 0.45 ? '女性' : '男性',
      units[i % units.length],
      stages[Math.floor(next() * stages.length)],
      categories[i % 7 === 0 ? 1 + (i % 3) : 0],
      hire,
      null,
      supervisor,
      next() < 0.05 ? 'はい' : 'いいえ',
      next() < 0.2 ? 'はい' : 'いいえ',
    ]);
    row.getCell(7).numFmt = 'yyyy-mm-dd';
    row.commit();
  }
  sheet.commit();
  await book.commit();
  return { asOf, rows };
}

/**
 * The working days (Monday to Friday) from April 2014 to March 2026 on which each employee was in
 * service and had no stored leave of any type, then evenly spaced picks from them.
 */
export async function makeLeaveFile(
  db,
  organizationId,
  file,
  rows = LEAVE_ROWS,
) {
  const employees = (
    await db.query(
      `SELECT id, employee_number AS number, to_char(hire_date, 'YYYY-MM-DD') AS hire,
              to_char(separation_date, 'YYYY-MM-DD') AS sep
         FROM employee WHERE organization_id = $1 ORDER BY employee_number`,
      [organizationId],
    )
  ).rows;
  const busy = new Map();
  const stored = await db.query(
    `SELECT employee_id, to_char(start_date, 'YYYY-MM-DD') AS s, to_char(end_date, 'YYYY-MM-DD') AS e
       FROM leave_episode WHERE organization_id = $1`,
    [organizationId],
  );
  for (const { employee_id, s, e } of stored.rows) {
    let set = busy.get(employee_id);
    if (!set) busy.set(employee_id, (set = new Set()));
    for (let d = dayOf(s); d <= dayOf(e); d += DAY) set.add(d);
  }
  const first = dayOf('2014-04-01');
  const last = dayOf('2026-03-31');
  const free = employees.map((employee) => {
    const from = Math.max(first, dayOf(employee.hire));
    const to = Math.min(last, employee.sep ? dayOf(employee.sep) : last);
    const taken = busy.get(employee.id);
    const days = [];
    for (let d = from; d <= to; d += DAY) {
      const weekday = new Date(d).getUTCDay();
      if (weekday !== 0 && weekday !== 6 && !taken?.has(d)) days.push(d);
    }
    return days;
  });
  const capacity = free.reduce((sum, days) => sum + days.length, 0);
  if (capacity < rows)
    throw new Error(`only ${capacity} free working days for ${rows} rows`);
  const next = random(1_000_000);
  const book = writer(file);
  const sheet = book.addWorksheet('休暇');
  sheet.addRow(LEAVE_HEADER).commit();
  let written = 0;
  let owed = 0;
  for (let i = 0; i < employees.length && written < rows; i++) {
    const days = free[i];
    owed += (days.length * rows) / capacity;
    const take = Math.min(
      days.length,
      Math.round(owed) - written,
      rows - written,
    );
    for (let k = 0; k < take; k++) {
      const day = new Date(days[Math.floor((k * days.length) / take)]);
      const roll = next();
      const type =
        roll < 0.85 ? '年次休暇' : roll < 0.95 ? '病気休暇' : 'その他';
      const row = sheet.addRow([
        employees[i].number,
        type,
        day,
        day,
        next() < 0.3 ? 0.5 : null,
        null,
      ]);
      row.getCell(3).numFmt = 'yyyy-mm-dd';
      row.getCell(4).numFmt = 'yyyy-mm-dd';
      row.commit();
    }
    written += take;
  }
  sheet.commit();
  await book.commit();
  if (written !== rows) throw new Error(`wrote ${written} of ${rows} rows`);
  return { rows };
}

export function importFilesDir(dataDir) {
  return join(dataDir, 'import-files');
}

/** Both files, made once per tier database and kept beside it. */
export async function ensureImportFiles(
  db,
  organizationId,
  dataDir,
  log = () => undefined,
) {
  const dir = importFilesDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const roster = join(dir, 'roster-50k.xlsx');
  const leave = join(dir, 'leave-1m.xlsx');
  if (!existsSync(roster)) {
    const started = Date.now();
    await makeRosterFile(db, organizationId, roster + '.part');
    (await import('node:fs')).renameSync(roster + '.part', roster);
    log(`wrote ${roster} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  if (!existsSync(leave)) {
    const started = Date.now();
    await makeLeaveFile(db, organizationId, leave + '.part');
    (await import('node:fs')).renameSync(leave + '.part', leave);
    log(`wrote ${leave} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return {
    roster,
    leave,
    rosterBytes: statSync(roster).size,
    leaveBytes: statSync(leave).size,
    asOf: await rosterAsOf(db, organizationId),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: { tier: { type: 'string', default: 'S' } },
  });
  const tier = values.tier.toUpperCase();
  const { startApi, dataDirOf } = await import('./lib/server.mjs');
  const pg = (await import('pg')).default;
  const api = await startApi({ tier });
  const db = new pg.Pool({ connectionString: api.databaseUrl, max: 2 });
  try {
    const [org] = (
      await db.query(`SELECT id FROM organization WHERE code = 'bench'`)
    ).rows;
    if (!org)
      throw new Error(
        `tier ${tier} is not built: npm run bench:data -- --tier ${tier}`,
      );
    const files = await ensureImportFiles(
      db,
      org.id,
      dataDirOf(tier),
      console.log,
    );
    console.log(JSON.stringify(files, null, 2));
  } finally {
    await db.end();
    await api.stop();
  }
}
