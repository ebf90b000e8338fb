import { Injectable, Logger } from '@nestjs/common';
import type {
  ImportJobDto,
  ImportKind,
  ImportSummaryDto,
} from '@ikuboard/shared/contracts';
import { DataSource } from 'typeorm';

import { Errors } from '../../common/app-error';
import {
  analyzeGrownTables,
  analyzePersonTables,
} from '../../database/analyze';
import { ImportJobEntity } from '../../database/entities';
import {
  CHILD_COLUMNS,
  LEAVE_COLUMNS,
  OVERTIME_COLUMNS,
  PAY_COLUMNS,
  ROSTER_COLUMNS,
  SHEET_NAMES,
  UNIT_COLUMNS,
} from './import-columns';
import {
  applyRosterPlan,
  applyUnitsPlan,
  loadExistingUnits,
  loadRosterContext,
  lockOrganizationImports,
} from './import-writer';
import { ImportRunnerLease } from './import-runner-lease';
import {
  planChildrenImport,
  planLeaveImport,
  planOvertimeImport,
  planPayImport,
} from './records-plan';
import {
  applyLeaves,
  employeeIdsIn,
  employeeNumbersIn,
  insertChildren,
  leaveKeysIn,
  leavePeriodIn,
  loadLeaves,
  loadOvertime,
  loadPay,
  loadRecordsContext,
  upsertOvertime,
  upsertPay,
} from './records-writer';
import { planRosterImport } from './roster-plan';
import { planUnitsImport } from './units-plan';
import { ImportFileError, readSheet } from './xlsx-reader';
import { refreshKpiAggregates } from '../kpi/kpi-aggregates';
import { largestSheetBytes } from '../../common/xlsx-guard';
import { importLeaveStreamed, streamingSettings } from './streaming-leave';

export interface ImportRequest {
  organizationId: string;
  accountId: string;
  kind: ImportKind;
  fileName: string;
  file: Buffer;
  dryRun: boolean;
  asOf: string | null;
  partial: boolean;
}

const MAX_ROWS = 300_000;
/** The longest a status request may wait for its job to finish (`GET /imports/:id?wait=`). */
export const MAX_IMPORT_WAIT_MS = 20_000;
/** How often a wait re-reads a job that another API instance is running. */
const FOREIGN_JOB_POLL_MS = 250;
const MAX_ERRORS_STORED = 1_000;
const ANALYZE_AFTER_ROWS = 1_000;
/** The tables a records import writes: re-analyzed only when the file grows them noticeably. */
const RECORD_TABLES: Partial<Record<ImportKind, readonly string[]>> = {
  children: ['child'],
  leave: ['leave_episode', 'child'],
  overtime: ['overtime_month'],
  pay: ['annual_pay'],
};

/** Rolls the transaction back after a dry run has gone through every write. */
class DryRunRollback extends Error {}

@Injectable()
export class ImportsService {
  private readonly logger = new Logger('ImportsService');
  /** The imports this process is running, by job id (shutdown drains them; status requests may wait on them). */
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly runner: ImportRunnerLease,
  ) {}

  /** Records the job and processes the file in the background; the client polls `get`. */
  async start(request: ImportRequest): Promise<ImportJobDto> {
    const job = await this.dataSource.getRepository(ImportJobEntity).save(
      {
        organizationId: request.organizationId,
        accountId: request.accountId,
        kind: request.kind,
        fileName: request.fileName,
        dryRun: request.dryRun,
        asOf: request.asOf,
        isPartial: request.partial,
        status: 'running',
        processedRows: 0,
        totalRows: null,
        summary: null,
        errorCount: 0,
        errors: [],
        failure: null,
        finishedAt: null,
        runner: this.runner.id,
      },
      // One INSERT: a wrapping transaction would add two round trips before the import can start.
      { transaction: false },
    );
    const run = this.process(job.id, request).finally(() =>
      this.running.delete(job.id),
    );
    this.running.set(job.id, run);
    return this.toDto(job);
  }

  /**
   * The job's state. With `waitMs`, a running job is answered when it finishes or when the wait
   * is over, whichever comes first (a long poll): the client sees the result the moment it is
   * committed instead of at its next poll, and a short import costs one status request, not one
   * per poll interval. A job this process runs is awaited; one another instance runs is re-read.
   */
  async get(
    organizationId: string,
    id: string,
    waitMs = 0,
  ): Promise<ImportJobDto> {
    const find = () =>
      /^[0-9a-f-]{36}$/i.test(id)
        ? this.dataSource
            .getRepository(ImportJobEntity)
            .findOneBy({ id, organizationId })
        : Promise.resolve(null);
    let job = await find();
    if (!job) throw Errors.notFound({ ja: '取込ジョブ', en: 'Import job' });
    const deadline =
      Date.now() + Math.min(Math.max(waitMs, 0), MAX_IMPORT_WAIT_MS);
    while (job.status === 'running' && Date.now() < deadline) {
      const local = this.running.get(job.id);
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        // (process() never rejects: it records a failure on the job itself)
        local ?? new Promise<void>(() => undefined),
        new Promise<void>((resolve) => {
          timer = setTimeout(
            resolve,
            local
              ? deadline - Date.now()
              : Math.min(FOREIGN_JOB_POLL_MS, deadline - Date.now()),
          );
        }),
      ]);
      clearTimeout(timer);
      job = (await find()) ?? job;
    }
    return this.toDto(job);
  }

  /** Lets shutdown wait for imports in flight instead of cutting them off mid-transaction. */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.running.values()]);
  }

  private async process(jobId: string, request: ImportRequest): Promise<void> {
    const repository = this.dataSource.getRepository(ImportJobEntity);
    let lastProgressWrite = 0;
    const onProgress = (rows: number) => {
      const now = Date.now();
      if (now - lastProgressWrite < 250) return;
      lastProgressWrite = now;
      void repository
        .update(jobId, { processedRows: rows })
        .catch(() => undefined);
    };
    try {
      const outcome =
        request.kind === 'units'
          ? await this.importUnits(request, onProgress)
          : request.kind === 'roster'
            ? await this.importRoster(request, onProgress)
            : await this.importRecords(request, request.kind, onProgress);
      // The streaming path counts every bad cell but keeps only the first ones.
      const errorCount =
        'errorCount' in outcome ? outcome.errorCount : outcome.errors.length;
      await repository.update(jobId, {
        status: errorCount > 0 ? 'failed' : 'succeeded',
        processedRows: outcome.summary.rows,
        totalRows: outcome.summary.rows,
        summary: errorCount > 0 ? null : outcome.summary,
        errorCount,
        errors: outcome.errors.slice(0, MAX_ERRORS_STORED),
        finishedAt: new Date(),
      });
    } catch (error) {
      const failure =
        error instanceof ImportFileError
          ? { code: error.code, message: error.text }
          : {
              code: 'IMPORT_FAILED',
              message: {
                ja: '取込中にエラーが発生したため、何も書き込まずに中止しました。',
                en: 'The import failed and nothing was written.',
              },
            };
      if (!(error instanceof ImportFileError))
        this.logger.error(
          `Import ${jobId} failed: ${String((error as Error)?.stack ?? error)}`,
        );
      await repository
        .update(jobId, { status: 'failed', failure, finishedAt: new Date() })
        .catch((updateError: unknown) =>
          this.logger.error(
            `Could not record the failure of import ${jobId}: ${String(updateError)}`,
          ),
        );
    }
  }

  private async importUnits(
    request: ImportRequest,
    onProgress: (rows: number) => void,
  ) {
    const content = await readSheet(
      request.file,
      [SHEET_NAMES.units, 'units'],
      UNIT_COLUMNS,
      { maxRows: MAX_ROWS, onProgress },
    );
    return this.inTransaction(request, async (manager) => {
      const plan = planUnitsImport(
        content.rows,
        content.sheet,
        await loadExistingUnits(manager, request.organizationId),
      );
      if (plan.errors.length === 0) {
        await applyUnitsPlan(manager, request.organizationId, plan);
        if (!request.dryRun)
          await refreshKpiAggregates(manager, request.organizationId);
      }
      return plan;
    });
  }

  private async importRoster(
    request: ImportRequest,
    onProgress: (rows: number) => void,
  ) {
    const asOf = request.asOf;
    if (!asOf) throw new Error('asOf is validated by the controller');
    const content = await readSheet(
      request.file,
      [SHEET_NAMES.roster, 'roster'],
      ROSTER_COLUMNS,
      { maxRows: MAX_ROWS, onProgress },
    );
    return this.inTransaction(request, async (manager) => {
      const context = await loadRosterContext(
        manager,
        request.organizationId,
        asOf,
        request.partial,
      );
      const plan = planRosterImport(content.rows, content.sheet, context);
      if (plan.errors.length === 0) {
        await applyRosterPlan(manager, request.organizationId, asOf, plan);
        // Only the people the plan wrote for: their facts are rebuilt and their contribution to the
        // roll-ups replaced (all families and years; a new first roster year rebuilds everything).
        if (!request.dryRun)
          await refreshKpiAggregates(manager, request.organizationId, {
            employeeIds: plan.changedEmployeeIds,
          });
      }
      return plan;
    });
  }

  /** Children, leave, overtime and pay: records of employees already on the roster. */
  private async importRecords(
    request: ImportRequest,
    kind: 'children' | 'leave' | 'overtime' | 'pay',
    onProgress: (rows: number) => void,
  ) {
    const options = { maxRows: MAX_ROWS, onProgress };
    const sheets = [SHEET_NAMES[kind], kind];
    const organizationId = request.organizationId;
    if (kind === 'children') {
      const content = await readSheet(
        request.file,
        sheets,
        CHILD_COLUMNS,
        options,
      );
      return this.inTransaction(request, async (manager) => {
        const plan = planChildrenImport(
          content.rows,
          content.sheet,
          await loadRecordsContext(
            manager,
            organizationId,
            employeeNumbersIn(content.rows),
          ),
        );
        if (plan.errors.length === 0) {
          await insertChildren(manager, organizationId, plan.newChildren);
          if (!request.dryRun)
            await refreshKpiAggregates(manager, organizationId, {
              employeeIds: plan.newChildren.map((child) => child.employeeId),
              families: [],
              childcare: true,
            });
        }
        return plan;
      });
    }
    if (
      kind === 'leave' &&
      largestSheetBytes(request.file) >= streamingSettings().minSheetBytes
    )
      return this.inTransaction(request, (manager) =>
        importLeaveStreamed(manager, request, onProgress),
      );
    if (kind === 'leave') {
      const content = await readSheet(
        request.file,
        sheets,
        LEAVE_COLUMNS,
        options,
      );
      return this.inTransaction(request, async (manager) => {
        const context = await loadRecordsContext(
          manager,
          organizationId,
          employeeNumbersIn(content.rows),
        );
        const keys = leaveKeysIn(content.rows, context);
        const existing = await loadLeaves(
          manager,
          organizationId,
          keys.employeeIds,
          leavePeriodIn(content.rows),
          keys.types,
        );
        const plan = planLeaveImport(
          content.rows,
          content.sheet,
          context,
          existing,
        );
        if (plan.errors.length === 0) {
          await insertChildren(manager, organizationId, plan.newChildren);
          await applyLeaves(
            manager,
            organizationId,
            plan.inserts,
            plan.updates,
          );
          const leaves = [...plan.inserts, ...plan.updates];
          if (!request.dryRun)
            await refreshKpiAggregates(manager, organizationId, {
              employeeIds: leaves.map((leave) => leave.employeeId),
              families: ['al'],
              // annual leave counts by calendar year
              years: leaves
                .filter((leave) => leave.type === 'annual')
                .map((leave) => Number(leave.startDate.slice(0, 4))),
              // Only child-linked leave (and new children) can change the childcare facts.
              childcare:
                plan.newChildren.length > 0 ||
                leaves.some((leave) => leave.childId !== null),
              // leave of every type dates the covered years by its start
              recordYears: leaves.map((leave) =>
                Number(leave.startDate.slice(0, 4)),
              ),
            });
        }
        return plan;
      });
    }
    if (kind === 'overtime') {
      const content = await readSheet(
        request.file,
        sheets,
        OVERTIME_COLUMNS,
        options,
      );
      return this.inTransaction(request, async (manager) => {
        const context = await loadRecordsContext(
          manager,
          organizationId,
          employeeNumbersIn(content.rows),
        );
        const existing = await loadOvertime(
          manager,
          organizationId,
          employeeIdsIn(content.rows, context),
        );
        const plan = planOvertimeImport(
          content.rows,
          content.sheet,
          context,
          existing,
        );
        if (plan.errors.length === 0) {
          const rows = [...plan.inserts, ...plan.updates];
          await upsertOvertime(manager, organizationId, rows);
          if (!request.dryRun)
            await refreshKpiAggregates(manager, organizationId, {
              employeeIds: rows.map((row) => row.employeeId),
              families: ['ot'],
              years: rows.map(
                (row) =>
                  Number(row.month.slice(0, 4)) -
                  (Number(row.month.slice(5, 7)) < 4 ? 1 : 0),
              ),
            });
        }
        return plan;
      });
    }
    const content = await readSheet(request.file, sheets, PAY_COLUMNS, options);
    return this.inTransaction(request, async (manager) => {
      const context = await loadRecordsContext(
        manager,
        organizationId,
        employeeNumbersIn(content.rows),
      );
      const existing = await loadPay(
        manager,
        organizationId,
        employeeIdsIn(content.rows, context),
      );
      const plan = planPayImport(
        content.rows,
        content.sheet,
        context,
        existing,
      );
      if (plan.errors.length === 0) {
        const rows = [...plan.inserts, ...plan.updates];
        await upsertPay(manager, organizationId, rows);
        if (!request.dryRun)
          await refreshKpiAggregates(manager, organizationId, {
            employeeIds: rows.map((row) => row.employeeId),
            families: ['pay'],
            years: rows.map((row) => row.fiscalYear),
          });
      }
      return plan;
    });
  }

  /**
   * All or nothing: the plan is applied in one transaction. A dry run applies it too, so database
   * constraints are checked, and then rolls back.
   */
  private async inTransaction<
    P extends { errors: ImportJobDto['errors']; summary: ImportSummaryDto },
  >(
    request: ImportRequest,
    work: (manager: import('typeorm').EntityManager) => Promise<P>,
  ): Promise<P> {
    let result: P | null = null;
    try {
      await this.dataSource.transaction(async (manager) => {
        await lockOrganizationImports(manager, request.organizationId);
        result = await work(manager);
        if (request.dryRun || result.errors.length > 0)
          throw new DryRunRollback();
        // Large files change the tables' shape enough to mislead the planner until analyzed.
        if (result.summary.rows >= ANALYZE_AFTER_ROWS) {
          const written = RECORD_TABLES[request.kind];
          // A leave file adds to child only the children it names for the first time (when the plan
          // says how many), not a row per leave row.
          const newChildren =
            request.kind === 'leave' && 'newChildren' in result
              ? (result.newChildren as readonly unknown[]).length
              : null;
          const rows = result.summary.rows;
          await (written
            ? analyzeGrownTables(manager, written, (table) =>
                table === 'child' && newChildren !== null ? newChildren : rows,
              )
            : analyzePersonTables(manager));
        }
      });
    } catch (error) {
      if (!(error instanceof DryRunRollback)) throw error;
    }
    if (result === null)
      throw new Error('import transaction produced no result');
    return result;
  }

  private toDto(job: ImportJobEntity): ImportJobDto {
    return {
      id: job.id,
      kind: job.kind,
      fileName: job.fileName,
      dryRun: job.dryRun,
      asOf: job.asOf,
      status: job.status,
      processedRows: job.processedRows,
      totalRows: job.totalRows,
      summary: job.summary,
      errorCount: job.errorCount,
      errors: job.errors,
      failure: job.failure,
      createdAt: job.createdAt.toISOString(),
      finishedAt: job.finishedAt ? job.finishedAt.toISOString() : null,
    };
  }
}
