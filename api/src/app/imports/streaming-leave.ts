import type {
  ImportCellErrorDto,
  ImportSummaryDto,
  LocalizedText,
} from '@ikuboard/shared/contracts';
import type { EntityManager } from 'typeorm';

import { analyzeGrownTables } from '../../database/analyze';
import { refreshKpiAggregates } from '../kpi/kpi-aggregates';
import type { RawCell } from './cell-values';
import { LEAVE_COLUMNS, SHEET_NAMES } from './import-columns';
import { CellErrors } from './import-errors';
import { readLeaveRow, type ParsedLeave } from './records-plan';
import { loadRecordsContext } from './records-writer';
import { openSheetStream } from './streaming-reader';

/**
 * Large files: the size from which the leave import streams (the largest sheet's XML, in bytes), the
 * rows written per statement, and the row limit. Set by the environment so tests can use small
 * files with several chunks.
 */
export function streamingSettings(env: NodeJS.ProcessEnv = process.env): {
  minSheetBytes: number;
  chunkRows: number;
  maxRows: number;
} {
  const integer = (name: string, fallback: number, min: number) => {
    const value = Number(env[name]);
    return Number.isInteger(value) && value >= min ? value : fallback;
  };
  return {
    minSheetBytes: integer(
      'IKUBOARD_IMPORT_STREAM_MIN_BYTES',
      8 * 1024 * 1024,
      0,
    ),
    chunkRows: integer('IKUBOARD_IMPORT_CHUNK_ROWS', 20_000, 1),
    maxRows: 1_500_000,
  };
}

/** Every bad cell counts; the first `cap` are kept for the job (the job stores 1,000). */
class CappedCellErrors extends CellErrors {
  private total = 0;

  constructor(
    sheet: string,
    private readonly cap: number,
  ) {
    super(sheet);
  }

  override add(
    row: number,
    column: string,
    cell: RawCell | string | null,
    code: string,
    message: LocalizedText,
  ): void {
    this.total++;
    if (this.list.length < this.cap)
      super.add(row, column, cell, code, message);
  }

  override get count(): number {
    return this.total;
  }
}

export interface StreamedOutcome {
  errors: ImportCellErrorDto[];
  /** All the bad cells, of which `errors` holds the first thousand. */
  errorCount: number;
  summary: ImportSummaryDto;
}

const START_HEADER =
  LEAVE_COLUMNS.find((column) => column.key === 'startDate')?.ja ?? '開始日';
const STAGE = 'ikb_leave_stage';
const PLAN = 'ikb_leave_plan';
/**
 * A leave_episode row stored before this import: not inserted by this transaction (its xmin is not
 * the transaction's id; the import runs in one transaction without savepoints). The checks against
 * stored episodes and the matching of re-imported episodes must not see the rows this import has
 * already inserted while the file streamed.
 */
const STORED_BEFORE = 'NOT (l.xmin = pg_current_xact_id()::xid)';

const overlapMessage = (start: string, end: string): LocalizedText => ({
  ja: `同じ種別の休暇(${start}〜${end})と期間が重なっています。`,
  en: `Overlaps another leave of the same type (${start} to ${end}).`,
});

/**
 * The leave import for large files, inside the import's transaction (lock, all-or-nothing and dry
 * run stay with the caller). Rows are read (./xlsx-stream) and checked one at a time as the file
 * streams; the good ones go in chunks into a temporary table and, while no error has been seen,
 * their new children and new episodes straight into child and leave_episode, each chunk written
 * while the next is parsed. The checks across rows (overlaps in the file and with the leave stored
 * before the import) then run as set-based SQL over the temporary table; a file with a single error
 * is rolled back whole by the caller (nothing stays written), as is a dry run. Otherwise the changed
 * episodes are updated in one statement and the derived KPI tables refreshed once. Same rules,
 * errors and summary as planLeaveImport.
 */
export async function importLeaveStreamed(
  manager: EntityManager,
  request: { organizationId: string; file: Buffer; dryRun: boolean },
  onProgress: (rows: number) => void,
  settings = streamingSettings(),
): Promise<StreamedOutcome> {
  const organizationId = request.organizationId;
  const stream = await openSheetStream(
    request.file,
    [SHEET_NAMES.leave, 'leave'],
    LEAVE_COLUMNS,
    { maxRows: settings.maxRows, onProgress },
  );
  const context = await loadRecordsContext(manager, organizationId);
  const errors = new CappedCellErrors(stream.sheet, 1_000);
  await manager.query(
    `CREATE TEMP TABLE ${STAGE} (row_no int NOT NULL, employee_id uuid NOT NULL, leave_type text NOT NULL,
       start_date date NOT NULL, end_date date NOT NULL, days numeric(7, 2) NOT NULL, child_birth date)
     ON COMMIT DROP`,
  );
  // The window functions below sort a million rows: in memory, not in temporary files. LOCAL: for
  // this transaction only.
  await manager.query(`SET LOCAL work_mem = '64MB'`);
  const columns = (chunk: readonly ParsedLeave[]): unknown[][] => [
    chunk.map((l) => l.row),
    chunk.map((l) => l.employeeId),
    chunk.map((l) => l.type),
    chunk.map((l) => l.startDate),
    chunk.map((l) => l.endDate),
    chunk.map((l) => l.days),
    chunk.map((l) => l.childBirthDate),
  ];
  // While the file streams, each chunk is staged (for the checks across rows below) and its new
  // episodes are inserted into leave_episode at once, so PostgreSQL's insert (foreign-key checks,
  // four indexes) runs beside the parser instead of after it. A file with any error is rolled back
  // whole by the caller, as is a dry run; once a bad cell is seen, chunks are only staged.
  // The (person, leave type) pairs with stored leave: only their rows can match a stored episode,
  // so only theirs are looked up (a first load of a history looks up none).
  const storedKinds = new Set(
    (
      (await manager.query(
        `SELECT DISTINCT employee_id, leave_type FROM leave_episode WHERE organization_id = $1`,
        [organizationId],
      )) as { employee_id: string; leave_type: string }[]
    ).map((kind) => `${kind.employee_id} ${kind.leave_type}`),
  );
  let newChildren = 0;
  // Rows written by writeChunk and, of those, the episodes it inserted (the others match a stored
  // episode): when it inserted every row, no stored episode changes (see writeLeaves).
  let written = 0;
  let inserted = 0;
  // Whether any row's person and type have stored leave (else no row can clash with stored leave).
  let anyStoredKind = false;
  const stage = async (chunk: readonly ParsedLeave[]) => {
    anyStoredKind ||= chunk.some((leave) =>
      storedKinds.has(`${leave.employeeId} ${leave.type}`),
    );
    if (errors.count > 0) {
      await manager.query(
        `INSERT INTO ${STAGE} SELECT * FROM unnest($1::int[], $2::uuid[], $3::text[], $4::date[], $5::date[],
           $6::numeric[], $7::date[])`,
        columns(chunk),
      );
      return;
    }
    if (chunk.some((leave) => leave.childBirthDate !== null))
      newChildren += await insertNewChildren(manager, organizationId, chunk);
    written += chunk.length;
    // In the order the episodes are inserted (see writeChunk): PostgreSQL's sort then finds its
    // input sorted, and the parser's core does the comparing.
    const sorted = [...chunk].sort(insertOrder);
    inserted += await writeChunk(manager, organizationId, [
      ...columns(sorted),
      sorted.map((leave) =>
        storedKinds.has(`${leave.employeeId} ${leave.type}`),
      ),
    ]);
  };
  let rows = 0;
  let chunk: ParsedLeave[] = [];
  // One chunk is written while the next is parsed: PostgreSQL and the parser use both cores.
  let inFlight: Promise<unknown> = Promise.resolve();
  try {
    for await (const row of stream.rows) {
      rows++;
      const leave = readLeaveRow(row, context, errors);
      if (!leave) continue;
      chunk.push(leave);
      if (chunk.length >= settings.chunkRows) {
        await inFlight;
        inFlight = stage(chunk);
        chunk = [];
      }
    }
  } finally {
    await inFlight.catch(() => undefined);
  }
  await inFlight;
  if (chunk.length > 0) await stage(chunk);
  chunk = [];
  await manager.query(`ANALYZE ${STAGE}`);

  for (const overlap of await findOverlaps(
    manager,
    organizationId,
    anyStoredKind,
  ))
    errors.add(
      overlap.row,
      START_HEADER,
      overlap.start,
      'OVERLAPPING_LEAVE',
      overlapMessage(overlap.clashStart, overlap.clashEnd),
    );
  const summary: ImportSummaryDto = {
    rows,
    created: 0,
    updated: 0,
    unchanged: 0,
    separated: 0,
    separatedEmployeeNumbers: [],
  };
  if (errors.count > 0)
    return { errors: errors.list, errorCount: errors.count, summary };

  const changes =
    inserted === written
      ? await allCreated(manager, inserted)
      : await writeLeaves(manager, organizationId);
  summary.created = changes.created;
  summary.updated = changes.updated;
  summary.unchanged = changes.unchanged;
  if (!request.dryRun && changes.employeeIds.length > 0) {
    // The refresh's plans read leave_episode per person: with statistics from before the file (or
    // from an autovacuum that ran while it streamed and saw its pages but none of its uncommitted
    // rows: no rows in 20,000 pages) the planner took the per-type index for every person-year and
    // the refresh ran for minutes instead of a second.
    await analyzeGrownTables(
      manager,
      ['leave_episode', 'child'],
      changes.created + changes.updated,
    );
    await refreshKpiAggregates(manager, organizationId, {
      employeeIds: changes.employeeIds,
      families: ['al'],
      // annual leave counts by calendar year
      years: changes.annualYears,
      // Only child-linked leave (and new children) can change the childcare facts.
      childcare: newChildren > 0 || changes.childLinked,
      // leave of every type dates the covered years by its start
      recordYears: changes.recordYears,
    });
  }
  return { errors: errors.list, errorCount: 0, summary };
}

interface Overlap {
  row: number;
  start: string;
  clashStart: string;
  clashEnd: string;
}

/**
 * Episodes of one type for one person that overlap, in the file (reported on the later row, naming
 * the first earlier row it overlaps) or else with a stored episode of another start date (the same
 * start date is the same episode, re-imported). Window functions find the few candidates over the
 * sorted rows; the exact clash is then looked up for those only.
 */
async function findOverlaps(
  manager: EntityManager,
  organizationId: string,
  /** false when no row's person and type have stored leave: only the file's rows are compared. */
  anyStoredKind: boolean,
): Promise<Overlap[]> {
  // One pass over the file's rows and the stored episodes of its people, in (start date, row) order
  // per person and type: a file row overlaps an earlier file row when the latest end among the file
  // rows before it reaches its start (its group's exact clashes are looked up below); it may overlap
  // a stored episode when a stored episode starting before it ends on or after its start, or one
  // starting after it starts no later than its end (the same start date is the same episode). When no
  // row's person and type have stored leave, the file's rows alone are compared (one sort).
  const flagged = (await manager.query(
    anyStoredKind
      ? `WITH stored AS (
       SELECT NULL::int AS row_no, employee_id, leave_type, start_date, end_date FROM leave_episode l
        WHERE organization_id = $1 AND employee_id IN (SELECT DISTINCT employee_id FROM ${STAGE})
          AND ${STORED_BEFORE}),
     w AS (
       SELECT u.row_no, u.employee_id, u.leave_type, u.start_date, u.end_date,
              max(u.end_date) FILTER (WHERE u.row_no IS NOT NULL) OVER (
                PARTITION BY u.employee_id, u.leave_type ORDER BY u.start_date, u.row_no
                ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS file_end_before,
              max(u.end_date) FILTER (WHERE u.row_no IS NULL) OVER (
                PARTITION BY u.employee_id, u.leave_type ORDER BY u.start_date
                RANGE BETWEEN UNBOUNDED PRECEDING AND '1 day' PRECEDING) AS stored_end_before,
              -- The frame starts at the partition's head (here its latest start date) so the minimum
              -- grows row by row; "'1 day' FOLLOWING AND UNBOUNDED FOLLOWING" recomputed it for
              -- every row, quadratic in a partition (60 s for a million rows).
              min(u.start_date) FILTER (WHERE u.row_no IS NULL) OVER (
                PARTITION BY u.employee_id, u.leave_type ORDER BY u.start_date DESC
                RANGE BETWEEN UNBOUNDED PRECEDING AND '1 day' PRECEDING) AS stored_start_after
         FROM (SELECT row_no, employee_id, leave_type, start_date, end_date FROM ${STAGE}
               UNION ALL SELECT * FROM stored) u)
     SELECT row_no, employee_id, leave_type, coalesce(file_end_before >= start_date, false) AS "inFile",
            coalesce(stored_end_before >= start_date OR stored_start_after <= end_date, false) AS "withStored"
       FROM w
      WHERE row_no IS NOT NULL
        AND (file_end_before >= start_date OR stored_end_before >= start_date OR stored_start_after <= end_date)`
      : `SELECT row_no, employee_id, leave_type, true AS "inFile", false AS "withStored" FROM (
       SELECT row_no, employee_id, leave_type, start_date,
              max(end_date) OVER (PARTITION BY employee_id, leave_type ORDER BY start_date, row_no
                                  ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS file_end_before
         FROM ${STAGE}) w
      WHERE file_end_before >= start_date`,
    anyStoredKind ? [organizationId] : [],
  )) as {
    row_no: number;
    employee_id: string;
    leave_type: string;
    inFile: boolean;
    withStored: boolean;
  }[];
  const groupKeys = new Map<
    string,
    { employee_id: string; leave_type: string }
  >();
  for (const row of flagged)
    if (row.inFile) groupKeys.set(`${row.employee_id} ${row.leave_type}`, row);
  const groups = [...groupKeys.values()];
  let inFile: Overlap[] = [];
  if (groups.length > 0) {
    await manager.query(
      `CREATE INDEX ON ${STAGE} (employee_id, leave_type, row_no)`,
    );
    inFile = (await manager.query(
      `SELECT s.row_no AS "row", to_char(s.start_date, 'YYYY-MM-DD') AS "start",
              to_char(c.start_date, 'YYYY-MM-DD') AS "clashStart", to_char(c.end_date, 'YYYY-MM-DD') AS "clashEnd"
         FROM ${STAGE} s
         JOIN unnest($1::uuid[], $2::text[]) AS g (employee_id, leave_type)
           ON g.employee_id = s.employee_id AND g.leave_type = s.leave_type
        CROSS JOIN LATERAL (
          SELECT o.start_date, o.end_date FROM ${STAGE} o
           WHERE o.employee_id = s.employee_id AND o.leave_type = s.leave_type AND o.row_no < s.row_no
             AND o.start_date <= s.end_date AND s.start_date <= o.end_date
           ORDER BY o.row_no LIMIT 1) c`,
      [groups.map((g) => g.employee_id), groups.map((g) => g.leave_type)],
    )) as Overlap[];
  }
  const clashing = new Set(inFile.map((overlap) => overlap.row));
  const candidates = flagged.filter((row) => row.withStored);
  const rows = candidates
    .map((candidate) => candidate.row_no)
    .filter((row) => !clashing.has(row));
  const withStored =
    rows.length === 0
      ? []
      : ((await manager.query(
          `SELECT s.row_no AS "row", to_char(s.start_date, 'YYYY-MM-DD') AS "start",
                  to_char(c.start_date, 'YYYY-MM-DD') AS "clashStart", to_char(c.end_date, 'YYYY-MM-DD') AS "clashEnd"
             FROM ${STAGE} s
            CROSS JOIN LATERAL (
              SELECT l.start_date, l.end_date FROM leave_episode l
               WHERE l.organization_id = $1 AND l.employee_id = s.employee_id AND l.leave_type = s.leave_type
                 AND l.start_date <> s.start_date AND l.start_date <= s.end_date AND s.start_date <= l.end_date
                 AND ${STORED_BEFORE}
               ORDER BY l.start_date LIMIT 1) c
            WHERE s.row_no = ANY ($2::int[])`,
          [organizationId, rows],
        )) as Overlap[]);
  return [...inFile, ...withStored].sort((a, b) => a.row - b.row);
}

/** writeChunk's order: employee id, then leave type, then start date (as PostgreSQL compares them). */
function insertOrder(a: ParsedLeave, b: ParsedLeave): number {
  return (
    compareText(a.employeeId, b.employeeId) ||
    compareText(a.type, b.type) ||
    compareText(a.startDate, b.startDate)
  );
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Registers the children a chunk names for the first time; returns how many. */
async function insertNewChildren(
  manager: EntityManager,
  organizationId: string,
  chunk: readonly ParsedLeave[],
): Promise<number> {
  const named = chunk.filter((leave) => leave.childBirthDate !== null);
  const inserted = (await manager.query(
    `INSERT INTO child (organization_id, employee_id, birth_date, birth_order)
     SELECT DISTINCT $1::uuid, u.employee_id, u.child_birth, 1::smallint
       FROM unnest($2::uuid[], $3::date[]) AS u (employee_id, child_birth)
      WHERE NOT EXISTS (SELECT 1 FROM child c WHERE c.organization_id = $1 AND c.employee_id = u.employee_id
                          AND c.birth_date = u.child_birth)
     RETURNING id`,
    [
      organizationId,
      named.map((leave) => leave.employeeId),
      named.map((leave) => leave.childBirthDate),
    ],
  )) as unknown[];
  return inserted.length;
}

/**
 * Stages one chunk and inserts its new episodes: those that match no stored episode (employee,
 * type and start date; a file without errors names each at most once, so a match is always a stored
 * episode, which writeLeaves updates after the checks); only the rows whose person and type have
 * stored leave (maybe_stored) are looked up, a duplicate in the file being an overlap error that
 * rolls the import back. New episodes go in (employee, type, start date) order (the caller sorts
 * the chunk) with time-ordered ids (UUIDv7): the primary key and the per-employee index then grow at
 * one end instead of at a million random leaf pages (gen_random_uuid), and the employee rows the
 * foreign-key checks read stay in cache. Returns how many episodes it inserted.
 */
async function writeChunk(
  manager: EntityManager,
  organizationId: string,
  columns: unknown[][],
): Promise<number> {
  const [row] = (await manager.query(
    `WITH u AS (
       SELECT * FROM unnest($2::int[], $3::uuid[], $4::text[], $5::date[], $6::date[], $7::numeric[], $8::date[],
                            $9::bool[])
           AS u (row_no, employee_id, leave_type, start_date, end_date, days, child_birth, maybe_stored)),
     staged AS (INSERT INTO ${STAGE} SELECT row_no, employee_id, leave_type, start_date, end_date, days, child_birth FROM u),
     ins AS (
     INSERT INTO leave_episode (id, organization_id, employee_id, leave_type, start_date, end_date, days, child_id)
     SELECT uuidv7(), $1, u.employee_id, u.leave_type, u.start_date, u.end_date, u.days, ch.id
       FROM u
       LEFT JOIN LATERAL (
         SELECT c.id FROM child c
          WHERE u.child_birth IS NOT NULL AND c.organization_id = $1 AND c.employee_id = u.employee_id
            AND c.birth_date = u.child_birth
          ORDER BY c.birth_order LIMIT 1) ch ON true
       -- LIMIT: one index probe per row (a NOT EXISTS became a hash anti-join over a scan of all the
       -- organization's leave, growing with every chunk)
       LEFT JOIN LATERAL (
         SELECT true AS found FROM leave_episode l
          WHERE u.maybe_stored AND l.organization_id = $1 AND l.employee_id = u.employee_id AND l.leave_type = u.leave_type
            AND l.start_date = u.start_date
          LIMIT 1) stored ON true
      WHERE stored.found IS NULL
      ORDER BY u.employee_id, u.leave_type, u.start_date
     RETURNING 1)
     SELECT count(*)::int AS inserted FROM ins`,
    [organizationId, ...columns],
  )) as { inserted: number }[];
  // (a count below the chunk's rows only sends the caller to writeLeaves, which matches every row)
  return row?.inserted ?? 0;
}

/** What writeLeaves counts, and what the KPI refresh is told, about a file of new episodes only. */
interface LeaveChanges {
  created: number;
  updated: number;
  unchanged: number;
  childLinked: boolean;
  employeeIds: string[];
  /** The calendar years of the annual leave created or changed. */
  annualYears: number[];
  /** The calendar years of all the leave created or changed (for the KPI refresh's covered years). */
  recordYears: number[];
}

/**
 * writeLeaves' outcome when the chunks inserted every staged row (none matched a stored episode):
 * nothing to update, every row created. Read from the staged rows by hash aggregates, without the
 * plan table's million-row join against the stored leave.
 */
async function allCreated(
  manager: EntityManager,
  created: number,
): Promise<LeaveChanges> {
  const [row] = (await manager.query(
    `SELECT coalesce(bool_or(child_birth IS NOT NULL), false) AS "childLinked",
            (SELECT coalesce(array_agg(employee_id), '{}') FROM (SELECT DISTINCT employee_id FROM ${STAGE}) e) AS "employeeIds",
            (SELECT coalesce(array_agg(y), '{}') FROM (SELECT DISTINCT extract(year FROM start_date)::int AS y
                                                         FROM ${STAGE} WHERE leave_type = 'annual') a) AS "annualYears",
            (SELECT coalesce(array_agg(y), '{}') FROM (SELECT DISTINCT extract(year FROM start_date)::int AS y
                                                         FROM ${STAGE}) r) AS "recordYears"
       FROM ${STAGE}`,
  )) as Omit<LeaveChanges, 'created' | 'updated' | 'unchanged'>[];
  return { created, updated: 0, unchanged: 0, ...row! };
}

/**
 * After the checks: updates the stored episodes the file changes (matched by employee, type and
 * start date with what was stored before the import) in one statement, and counts what the import
 * created, changed and left unchanged.
 */
async function writeLeaves(
  manager: EntityManager,
  organizationId: string,
): Promise<LeaveChanges> {
  await manager.query(
    `CREATE TEMP TABLE ${PLAN} ON COMMIT DROP AS
     SELECT s.employee_id, s.leave_type, s.start_date, s.end_date, s.days, ch.id AS child_id,
            l.id AS stored_id,
            l.id IS NOT NULL AND (l.end_date, l.days, l.child_id) IS DISTINCT FROM (s.end_date, s.days, ch.id) AS changed
       FROM ${STAGE} s
       LEFT JOIN LATERAL (
         SELECT c.id FROM child c
          WHERE s.child_birth IS NOT NULL AND c.organization_id = $1 AND c.employee_id = s.employee_id
            AND c.birth_date = s.child_birth
          ORDER BY c.birth_order LIMIT 1) ch ON true
       LEFT JOIN (
         SELECT DISTINCT ON (employee_id, leave_type, start_date) id, employee_id, leave_type, start_date,
                end_date, days, child_id
           FROM leave_episode l
          WHERE organization_id = $1 AND employee_id IN (SELECT DISTINCT employee_id FROM ${STAGE})
            AND ${STORED_BEFORE}
          ORDER BY employee_id, leave_type, start_date, id) l
         ON l.employee_id = s.employee_id AND l.leave_type = s.leave_type AND l.start_date = s.start_date`,
    [organizationId],
  );
  await manager.query(
    `UPDATE leave_episode l SET end_date = p.end_date, days = p.days, child_id = p.child_id
       FROM ${PLAN} p WHERE p.changed AND l.organization_id = $1 AND l.id = p.stored_id`,
    [organizationId],
  );
  const [counts] = (await manager.query(
    `SELECT count(*) FILTER (WHERE stored_id IS NULL)::int AS created,
            count(*) FILTER (WHERE changed)::int AS updated,
            count(*) FILTER (WHERE stored_id IS NOT NULL AND NOT changed)::int AS unchanged,
            coalesce(bool_or(child_id IS NOT NULL) FILTER (WHERE stored_id IS NULL OR changed), false) AS "childLinked",
            coalesce(array_agg(DISTINCT employee_id) FILTER (WHERE stored_id IS NULL OR changed), '{}') AS "employeeIds",
            coalesce(array_agg(DISTINCT extract(year FROM start_date)::int)
                     FILTER (WHERE (stored_id IS NULL OR changed) AND leave_type = 'annual'), '{}') AS "annualYears",
            coalesce(array_agg(DISTINCT extract(year FROM start_date)::int)
                     FILTER (WHERE stored_id IS NULL OR changed), '{}') AS "recordYears"
       FROM ${PLAN}`,
  )) as LeaveChanges[];
  return counts!;
}
